import { sql, type SQL } from "drizzle-orm";
import type { DB } from "@/db";
import { rawFirst } from "@/db/query";
import { jsonArrayText } from "@/db/sql";
import { authSecret } from "@/lib/env";
import { voteKeySql } from "@/lib/votes/key";
import { decode, encode } from "./jwt-codec";

// Reading the session straight from its cookie: Auth.js's own auth() builds a request to its
// session endpoint and re-encrypts the cookie every time (about 1.3 ms per request here), which
// the hot routes (upvotes, the viewer's data) cannot afford. Same token, same checks.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
/** A token older than this is re-issued by the route that rolls sessions (/api/viewer). */
const SESSION_UPDATE_AGE = 24 * 60 * 60;

export type SessionUser = { id: string; username: string; name: string; role: "member" | "moderator" | "admin"; image: string | null };
/** What names one signed-in browser: the session id given at sign-in, else the token's own id. */
export function sessionKey(claims: Record<string, unknown>): string | null {
  if (typeof claims.sid === "string" && claims.sid) return claims.sid;
  if (typeof claims.jti === "string" && claims.jti) return claims.jti;
  return null;
}

export type Jar = { get(name: string): { value: string } | undefined; has(name: string): boolean };

// Auth.js splits a token too big for one cookie over `name.0`, `name.1`, …; more than this many
// pieces is no token it would write (each holds about 4 kB).
const MAX_CHUNKS = 16;

/**
 * The session cookie: its name and value (the pieces of a split one joined in order, as Auth.js
 * joins them; `chunks` says how many), or null.
 */
export function findSessionCookie(jar: Jar): { name: string; value: string; chunks: number } | null {
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return { name, value, chunks: 0 };
    const pieces: string[] = [];
    while (pieces.length <= MAX_CHUNKS && jar.has(`${name}.${pieces.length}`)) pieces.push(jar.get(`${name}.${pieces.length}`)?.value ?? "");
    if (pieces.length > MAX_CHUNKS) return null;
    if (pieces.length > 0 && pieces.every(Boolean)) return { name, value: pieces.join(""), chunks: pieces.length };
  }
  return null;
}

// The member, and whether this browser's session was ended (lib/auth/revocation.ts), in one read.
// Aliases are quoted (PostgreSQL folds bare ones to lower case); `suspended` and `revoked` are 0/1
// on SQLite and booleans on PostgreSQL, read as truthy either way.
const sessionColumns = (key: string) => sql`u.id, u.username, u.name, u.role, u.image, u.suspended_at is not null as suspended,
  u.session_version as "sessionVersion", exists(select 1 from revoked_sessions r where r.id = ${key}) as revoked`;
const sessionSql = (uid: string, key: string) => sql`select ${sessionColumns(key)} from users u where u.id = ${uid}`;
// …plus what shared pages show only to this viewer: unread notices and their upvotes on one review.
const viewerSql = (reviewId: number) => (uid: string, key: string) => sql`select ${sessionColumns(key)},
  (select count(*) from notifications n where n.recipient_id = u.id and n.read_at is null) as unread,
  (select ${jsonArrayText(sql`vk.k`)} from (
     select ${sql.raw(voteKeySql("review", "v.post_id"))} as k from post_votes v where v.user_id = u.id and v.post_id = ${reviewId}
     union all
     select ${sql.raw(voteKeySql("comment", "v.comment_id"))} from comment_votes v where v.user_id = u.id and v.post_id = ${reviewId}) as vk) as votes
  from users u where u.id = ${uid}`;

type SessionRow = SessionUser & { suspended: boolean | number; sessionVersion: number; revoked: boolean | number };
export type ViewerBits = { unread: number; votes: string[] };
export type TokenSession = { user: SessionUser; issuedAt: number; claims: Record<string, unknown> };

async function readSession<Extra>(
  db: DB,
  token: string,
  cookieName: string,
  query: (uid: string, key: string) => SQL,
): Promise<(TokenSession & { row: SessionRow & Extra }) | null> {
  let payload: Record<string, unknown> | null;
  try {
    payload = await decode({ token, secret: authSecret(), salt: cookieName });
  } catch {
    return null;
  }
  const uid = payload?.uid;
  if (typeof uid !== "string") return null;
  const row = await rawFirst<SessionRow & Extra>(db, query(uid, sessionKey(payload!) ?? ""));
  if (!row || row.revoked || row.suspended || row.sessionVersion !== payload!.sv) return null;
  return {
    user: { id: row.id, username: row.username, name: row.name, role: row.role, image: row.image },
    issuedAt: typeof payload!.iat === "number" ? payload!.iat : 0,
    claims: payload!,
    row,
  };
}

/**
 * The member a session token stands for, re-validated against the database like the jwt
 * callback in auth.ts: a deleted account, a suspension, a bumped session version or a sign-out
 * (lib/auth/revocation.ts) ends it. One query.
 */
export async function userFromSessionToken(db: DB, token: string, cookieName: string): Promise<TokenSession | null> {
  const found = await readSession(db, token, cookieName, sessionSql);
  return found && { user: found.user, issuedAt: found.issuedAt, claims: found.claims };
}

/** The same, with the viewer's unread notices and their upvotes on review `reviewId` (none when null), still one query. */
export async function viewerFromSessionToken(db: DB, token: string, cookieName: string, reviewId: number | null): Promise<(TokenSession & ViewerBits) | null> {
  const found = await readSession<{ unread: number; votes: string }>(db, token, cookieName, viewerSql(reviewId ?? -1));
  if (!found) return null;
  return { user: found.user, issuedAt: found.issuedAt, claims: found.claims, unread: found.row.unread, votes: JSON.parse(found.row.votes) as string[] };
}

/**
 * A fresh token with the same claims, for a session in use whose token is older than a day; null
 * otherwise. Only a live token is renewed, never an expired one. The session keeps its name (`sid`; a token without one is named by its first
 * `jti`), so a sign-out with any of its tokens ends them all (lib/auth/revocation.ts).
 */
export async function rolledSessionToken(found: { name: string }, session: { issuedAt: number; claims: Record<string, unknown> }, now = Date.now()) {
  const { iat: _iat, exp, jti: _jti, ...claims } = session.claims;
  if (typeof exp !== "number" || exp * 1000 <= now) return null;
  if (now / 1000 - session.issuedAt < SESSION_UPDATE_AGE) return null;
  const sid = sessionKey(session.claims);
  if (!sid) return null;
  return encode({ token: { ...claims, sid }, secret: authSecret(), salt: found.name, maxAge: SESSION_MAX_AGE, now });
}
