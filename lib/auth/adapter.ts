import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { writeTx, type DB } from "@/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import type { Changes } from "@/lib/cache/changes";
import { makeCtx } from "@/lib/context";
import { createOAuthUser } from "@/lib/users/create-oauth-user";

const TABLES = { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens };

/**
 * Auth.js's Drizzle adapter with Marquee's rules: it reads through the read connection, and every
 * method that writes runs in a write transaction on the write connection (the read connection
 * refuses writes). A new OAuth member is made by Marquee's own verb; `joined` gets what it
 * changed (auth.ts expires it).
 */
export function marqueeAdapter(db: DB, joined: (changes: Changes) => void): Adapter {
  const base = DrizzleAdapter(db, TABLES);
  const writing = <K extends keyof Adapter>(method: K) =>
    (async (...args: unknown[]) =>
      writeTx(db, (tx) => (DrizzleAdapter(tx, TABLES)[method] as (...a: unknown[]) => Promise<unknown>)(...args))) as Adapter[K];
  return {
    ...base,
    // Our users carry a username; GitHub may give no email, hence the cast.
    createUser: async (data) => {
      const { changes, ...user } = await createOAuthUser(makeCtx(db), data);
      joined(changes);
      return user as unknown as AdapterUser;
    },
    getUserByEmail: async (email) => base.getUserByEmail!(email.trim().toLowerCase()),
    updateUser: writing("updateUser"),
    deleteUser: writing("deleteUser"),
    linkAccount: writing("linkAccount"),
    unlinkAccount: writing("unlinkAccount"),
    createSession: writing("createSession"),
    updateSession: writing("updateSession"),
    deleteSession: writing("deleteSession"),
    createVerificationToken: writing("createVerificationToken"),
    useVerificationToken: writing("useVerificationToken"),
  };
}
