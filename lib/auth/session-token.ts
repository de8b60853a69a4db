import type { DB } from "@/db";
import { authSecret } from "@/lib/env";
import { getUserById } from "@/lib/users/queries";
import { decode, encode } from "./jwt-codec";
import { isRevoked } from "./revocation";

// Reading the session straight from its cookie: Auth.js's own auth() builds a request to its
// session endpoint and re-encrypts the cookie every time (about 1.3 ms per request here), which
// the hot routes (upvotes, the viewer's data) cannot afford. Same token, same checks.
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
/** A token older than this is re-issued by the route that rolls sessions (/api/viewer). */
export const SESSION_UPDATE_AGE = 24 * 60 * 60;

export type SessionUser = { id: string; username: string; name: string; role: "member" | "moderator" | "admin"; image: string | null };
export type Jar = { get(name: string): { value: string } | undefined; has(name: string): boolean };

/** The session cookie: its name and value, "chunked" when Auth.js split it, or null. */
export function findSessionCookie(jar: Jar): { name: string; value: string } | "chunked" | null {
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return { name, value };
    if (jar.has(`${name}.0`)) return "chunked";
  }
  return null;
}

/**
 * The member a session token stands for, re-validated against the database like the jwt
 * callback in auth.ts: a deleted account, a suspension, a bumped session version or a sign-out
 * (lib/auth/revocation.ts) ends it.
 */
export async function userFromSessionToken(db: DB, token: string, cookieName: string): Promise<{ user: SessionUser; issuedAt: number; claims: Record<string, unknown> } | null> {
  let payload: Record<string, unknown> | null;
  try {
    payload = await decode({ token, secret: authSecret(), salt: cookieName });
  } catch {
    return null;
  }
  const uid = payload?.uid;
  if (typeof uid !== "string" || isRevoked(db, payload!)) return null;
  const row = getUserById(db, uid);
  if (!row || row.suspendedAt || row.sessionVersion !== payload!.sv) return null;
  return {
    user: { id: row.id, username: row.username, name: row.name, role: row.role, image: row.image },
    issuedAt: typeof payload!.iat === "number" ? payload!.iat : 0,
    claims: payload!,
  };
}

/** A fresh token with the same claims, for a session in use whose token is older than a day; null otherwise. */
export async function rolledSessionToken(found: { name: string }, session: { issuedAt: number; claims: Record<string, unknown> }, now = Date.now()) {
  if (now / 1000 - session.issuedAt < SESSION_UPDATE_AGE) return null;
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = session.claims;
  return encode({ token: claims, secret: authSecret(), salt: found.name, maxAge: SESSION_MAX_AGE });
}
