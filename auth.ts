import { randomUUID } from "node:crypto";
import NextAuth, { type DefaultSession } from "next-auth";
import { decode, encode } from "@/lib/auth/jwt-codec";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users, type Role } from "@/db/schema";
import { expireChanges } from "@/lib/cache/expire";
import { authSecret, getEnv, oauthProviders } from "@/lib/env";
import { marqueeAdapter } from "@/lib/auth/adapter";
import { authjsLogger } from "@/lib/auth/authjs-log";
import { providerRedirect } from "@/lib/auth/provider-redirect";
import { isRevoked } from "@/lib/auth/revocation";
import { safeRedirectPath } from "@/lib/http/redirect";
import { readTicket } from "@/lib/auth/ticket";
import { getUserById } from "@/lib/users/queries";
import { first } from "@/db/query";

declare module "next-auth" {
  interface Session {
    user: { id: string; username: string; role: Role } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
    username?: string;
    role?: Role;
  }
}

// Lazy: nothing here runs (or opens the database) while `next build` collects pages.
export const { handlers, signIn, signOut } = NextAuth(() => {
  const db = getDb();
  const env = getEnv();
  // Auth.js builds its callback URLs, redirects and cookie names from AUTH_URL or NEXTAUTH_URL,
  // else from the request's Host or X-Forwarded-Host, which any client can write. It reads
  // process.env itself, so the site origin goes there, under the name lib/env.ts does not read
  // (AUTH_URL, when set, names the same origin): no request chooses the address Auth.js answers for.
  process.env.NEXTAUTH_URL = env.siteOrigin;
  const oauth = oauthProviders(env);
  // A new member shows in the directory: what the sign-up changed expires once it committed.
  const adapter = marqueeAdapter(db, expireChanges);

  return {
    adapter,
    secret: authSecret(),
    // Never the Host header: every URL comes from the origin pinned above.
    trustHost: true,
    // Fixed, so that a path in AUTH_URL never moves Auth.js's routes away from app/api/auth.
    basePath: "/api/auth",
    session: { strategy: "jwt" },
    jwt: { encode, decode },
    // A request's faults (garbage cookies, unknown actions) leave one short line, not a stack each.
    logger: authjsLogger,
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        id: "credentials",
        credentials: { ticket: {} },
        // Only a ticket minted by the throttled sign-in route is accepted here.
        async authorize(raw) {
          const ticket = readTicket(raw?.ticket);
          if (!ticket) return null;
          const user = await getUserById(db, ticket.userId);
          if (!user || user.suspendedAt || user.sessionVersion !== ticket.sessionVersion) return null;
          return user;
        },
      }),
      ...(oauth.github ? [GitHub({ clientId: oauth.github.id, clientSecret: oauth.github.secret })] : []),
      ...(oauth.google ? [Google({ clientId: oauth.google.id, clientSecret: oauth.google.secret })] : []),
      ...(oauth.oidc
        ? [
            {
              id: "oidc",
              name: oauth.oidc.name,
              type: "oidc" as const,
              issuer: oauth.oidc.issuer,
              clientId: oauth.oidc.id,
              clientSecret: oauth.oidc.secret,
            },
          ]
        : []),
    ],
    callbacks: {
      // Where Auth.js sends the browser after signing in or out: the site's one rule, on its origin.
      redirect({ url }) {
        return `${env.siteOrigin}${safeRedirectPath(url)}`;
      },
      async signIn({ user }) {
        const row = user.id ? await getUserById(db, user.id) : undefined;
        if (row?.suspendedAt) return "/signin?error=Suspended";
        return true;
      },
      // Every request re-reads the user: a changed session version, a suspension or a deleted
      // account ends the session at once.
      async jwt({ token, user }) {
        if (user?.id) {
          token.uid = user.id;
          // Names this signed-in browser for as long as the session lasts, so sign-out can end it.
          token.sid = randomUUID();
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        if (!token.uid || (await isRevoked(db, token))) return null;
        const row = await first(db.select().from(users).where(eq(users.id, token.uid)));
        if (!row || row.suspendedAt || row.sessionVersion !== token.sv) return null;
        token.name = row.name;
        token.email = row.email;
        token.picture = row.image;
        token.username = row.username;
        token.role = row.role;
        return token;
      },
      session({ session, token }) {
        session.user.id = token.uid!;
        session.user.username = token.username!;
        session.user.role = token.role ?? "member";
        session.user.name = token.name ?? null;
        session.user.image = token.picture ?? null;
        return session;
      },
    },
  };
});

/**
 * Starts an OAuth/OIDC sign-in from a form (the provider buttons, a comment's hand-off): a 303 to
 * the provider, coming back to `redirectTo`.
 */
export function redirectToProvider(providerId: string, redirectTo: string): Promise<Response> {
  return providerRedirect(signIn, providerId, redirectTo);
}
