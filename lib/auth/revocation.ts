import { eq, lt, sql } from "drizzle-orm";
import type { DB } from "@/db";
import { revokedSessions } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { write, type Write } from "@/lib/write";
import { decode } from "./jwt-codec";
import { findSessionCookie, SESSION_MAX_AGE, sessionKey, type Jar } from "./session-token";
import { first, affected } from "@/db/query";
import { greatest } from "@/db/sql";

type Claims = Record<string, unknown>;

// Tokens are accepted this long past their `exp` (lib/auth/jwt-codec.ts), so a revocation is kept as long.
const CLOCK_TOLERANCE_MS = 60_000;

export async function isRevoked(db: DB, claims: Claims): Promise<boolean> {
  const key = sessionKey(claims);
  if (!key) return false;
  return (await first(db.select({ id: revokedSessions.id }).from(revokedSessions).where(eq(revokedSessions.id, key)))) !== undefined;
}

/**
 * Ends this session on the server, for every token it has had. A session's tokens are renewed
 * while it is in use (/api/viewer, Auth.js), each valid for SESSION_MAX_AGE from its issue, and
 * none is issued once it is revoked: so the revocation is kept for a whole maximum age from now
 * (or past the presented token's own expiry, if that is later), not only until the token shown
 * at sign-out expires.
 */
export async function revokeSession(ctx: Ctx, claims: Claims) {
  const key = sessionKey(claims);
  if (!key) return;
  const presented = typeof claims.exp === "number" ? claims.exp * 1000 : 0;
  await write(ctx, async (w) => {
    const until = Math.max(w.now.getTime() + SESSION_MAX_AGE * 1000, presented) + CLOCK_TOLERANCE_MS;
    await w.tx
      .insert(revokedSessions)
      .values({ id: key, expiresAt: new Date(until) })
      .onConflictDoUpdate({ target: revokedSessions.id, set: { expiresAt: greatest(revokedSessions.expiresAt, sql`excluded.expires_at`) } });
    return {};
  });
}

/** Ends the session whose cookie (whole or split in pieces) this request carries, if it reads as one. */
export async function revokePresentedSession(ctx: Ctx, jar: Jar, secret: string): Promise<boolean> {
  const found = findSessionCookie(jar);
  if (!found) return false;
  const claims = await decode({ token: found.value, secret, salt: found.name }).catch(() => null);
  if (!claims) return false;
  await revokeSession(ctx, claims);
  return true;
}

/** Forgets revocations that have run their course: every token of those sessions has expired. */
export async function forgetExpiredRevocations(w: Write): Promise<number> {
  return affected(await w.tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, w.now)));
}
