import { E2E_DATABASE_URL, withDb } from "../helpers";

// The SQL the journeys share: reading a row or a count, and tampering a row a journey sets up by
// hand (a role, a password, a suspension). Each journey reads the e2e database as it stands; a
// write here goes straight to the rows, past every route.

/** Parameters as the e2e database binds them: a time is a Date on PostgreSQL (psql quotes it), milliseconds on SQLite. */
const bound = (args: unknown[]) => (E2E_DATABASE_URL ? args : args.map((v) => (v instanceof Date ? v.getTime() : v)));

/** The first row of a query, or undefined. */
export const row = <T>(sql: string, ...args: unknown[]) => withDb((db) => db.prepare(sql).get(...bound(args)) as T | undefined);

/** Every row of a query. */
export const rowsOf = <T>(sql: string, ...args: unknown[]) => withDb((db) => db.prepare(sql).all(...bound(args)) as T[]);

/** The first column of the first row of a query (a count, an id, a slug). */
export const valueOf = <T>(sql: string, ...args: unknown[]) => withDb((db) => db.prepare(sql).pluck().get(...bound(args)) as T);

/** Writes straight into the database; answers how many rows changed. */
export const tamper = (sql: string, ...args: unknown[]) => withDb((db) => db.prepare(sql).run(...bound(args)).changes, { write: true });

// ── Members ─────────────────────────────────────────────────────────────────────────────────────

export type Role = "member" | "moderator" | "admin";

export const setRole = (userId: string, role: Role) => tamper("update users set role = ? where id = ?", role, userId);
export const setPasswordHash = (userId: string, hash: string) => tamper("update users set password_hash = ? where id = ?", hash, userId);
/** Suspends a member from `at` (now by default); answers how many rows changed. */
export const suspend = (userId: string, at = new Date()) => tamper("update users set suspended_at = ? where id = ?", at, userId);
/** Every column of a member's row. */
export const userRow = (id: string) => row<Record<string, unknown>>("select * from users where id = ?", id);

// ── Reviews and comments ────────────────────────────────────────────────────────────────────────

export const reviewIdOf = (slug: string) => row<{ id: number }>("select id from posts where slug = ?", slug)?.id;
export const reviewStatus = (id: number) => row<{ status: string }>("select status from posts where id = ?", id)?.status;
export const viewCount = (reviewId: number) => row<{ n: number }>("select view_count as n from posts where id = ?", reviewId)!.n;
export const commentDeletedAt = (id: number) => row<{ d: number | null }>("select deleted_at as d from comments where id = ?", id)?.d ?? null;

// ── Votes and notices ───────────────────────────────────────────────────────────────────────────

/** How many vote rows a member has on a review or a comment (0 or 1). */
export const voteRows = (type: "review" | "comment", id: number, userId: string) =>
  type === "review"
    ? row<{ n: number }>("select count(*) as n from post_votes where post_id = ? and user_id = ?", id, userId)!.n
    : row<{ n: number }>("select count(*) as n from comment_votes where comment_id = ? and user_id = ?", id, userId)!.n;

/** A member's vote on a comment, with the review it was cast under. */
export const commentVoteRow = (userId: string, commentId: number) =>
  row<{ reviewId: number }>("select post_id as \"reviewId\" from comment_votes where user_id = ? and comment_id = ?", userId, commentId);

export const noticeReadAt = (id: number) => row<{ r: number | null }>("select read_at as r from notifications where id = ?", id)?.r ?? null;
