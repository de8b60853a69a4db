import { eq, lt } from "drizzle-orm";
import type { DB } from "@/db";
import { revokedSessions } from "@/db/schema";
import { SESSION_MAX_AGE } from "./session-token";

type Claims = Record<string, unknown>;

/** What names one signed-in browser: the session id given at sign-in, else the token's own id. */
export function sessionKey(claims: Claims): string | null {
  if (typeof claims.sid === "string" && claims.sid) return claims.sid;
  if (typeof claims.jti === "string" && claims.jti) return claims.jti;
  return null;
}

export function isRevoked(db: DB, claims: Claims): boolean {
  const key = sessionKey(claims);
  if (!key) return false;
  return db.select({ id: revokedSessions.id }).from(revokedSessions).where(eq(revokedSessions.id, key)).get() !== undefined;
}

/** Ends this session on the server: kept until the token would have expired anyway. */
export function revokeSession(db: DB, claims: Claims, now = new Date()) {
  const key = sessionKey(claims);
  if (!key) return;
  const exp = typeof claims.exp === "number" ? claims.exp * 1000 : now.getTime() + SESSION_MAX_AGE * 1000;
  db.insert(revokedSessions).values({ id: key, expiresAt: new Date(exp) }).onConflictDoNothing().run();
}

/** Forgets revocations of tokens that have expired by now: those tokens are refused anyway. */
export function forgetExpiredRevocations(db: DB, now = new Date()): number {
  return db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now)).run().changes;
}
