import type { DB } from "@/db";
import { createComment } from "@/lib/comments/create-comment";
import { deleteReview } from "@/lib/reviews/delete-review";
import { listThread } from "@/lib/comments/queries";
import { buildThread, type CommentNode, type CommentSort } from "@/lib/comments/tree";
import type { Actor } from "@/lib/permissions";
import type { ReviewStatus } from "@/db/schema";
import { ctxAs, fixtureWriter } from "./db";
import { setTestEnv } from "./env";
import { DAY, MINUTE, T0, makeUser, seedReview } from "./reviews";
import { sqlAll, sqlGet, sqlRun } from "@/tests/helpers/sql";
export { rows, snapshot } from "./db";

// Shared fixtures for the comment-domain integration tests.

/** A reply box as the review page posts it: every value a string, no parent for a top-level comment. */
export function commentForm(reviewId: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { reviewId: String(reviewId), parentId: "", body: "Holly Martins never sees the cuckoo clock coming.", ...over };
}

// Per database: the last comment time handed out, and how many comments postComment has made.
const clocks = new WeakMap<DB, { last: number; serial: number }>();

/**
 * Posts a comment (a reply when `parentId` is given) and returns its row. Without `now` it posts a
 * minute after the previous postComment on this database (past even the newcomers' 30 s interval);
 * without `body` the text is unique (no duplicate refusal). Pass both to exercise flood control.
 */
export async function postComment(db: DB, author: Actor, reviewId: number, parentId: number | null = null, body?: string, now?: Date) {
  const clock = clocks.get(db) ?? { last: T0.getTime(), serial: 0 };
  clock.serial += 1;
  const when = now ?? new Date(clock.last + MINUTE);
  clock.last = Math.max(clock.last, when.getTime());
  clocks.set(db, clock);
  const form = commentForm(reviewId, { parentId: parentId === null ? "" : String(parentId), body: body ?? `Comment ${clock.serial}: the zither again.` });
  return (await createComment(ctxAs(db, author, when), form)).comment;
}

/** A minute after the latest postComment on this database: a time no interval or grace window catches. */
export function later(db: DB, ms = MINUTE): Date {
  return new Date((clocks.get(db)?.last ?? T0.getTime()) + ms);
}

/** A member whose account is `ageDays` old at T0 (makeUser's rows are created "now", after T0). */
export async function makeAgedUser(db: DB, username: string, ageDays: number, role: Actor["role"] = "member"): Promise<Actor> {
  const actor = await makeUser(db, username, role);
  await sqlRun(fixtureWriter(db), `update users set created_at = ? where id = ?`, new Date(T0.getTime() - ageDays * DAY), actor.id);
  return actor;
}

/** A regular (not a newcomer): a year-old account with three published reviews. */
export async function makeRegular(db: DB, username: string, role: Actor["role"] = "member"): Promise<Actor> {
  const actor = await makeAgedUser(db, username, 365, role);
  for (const n of [1, 2, 3]) await seedReview(db, actor, { title: `${username}'s review ${n}` });
  return actor;
}

/** Author, a published review of theirs, and a commenter: what most comment tests start from. */
export async function commentSetup(db: DB) {
  const author = await makeUser(db, "mara");
  const reviewId = await seedReview(db, author);
  const member = await makeUser(db, "femi");
  return { author, reviewId, member };
}

/** Puts a review in a status directly (no verb hides a review yet). */
export async function setReviewStatus(db: DB, reviewId: number, status: ReviewStatus) {
  await sqlRun(fixtureWriter(db), `update posts set status = ? where id = ?`, status, reviewId);
}

/** One comment row as SQLite holds it. */
export async function commentRow(db: DB, id: number): Promise<Record<string, unknown> | undefined> {
  return (await sqlGet(db, `select * from comments where id = ?`, id)) as Record<string, unknown> | undefined;
}

/** A comment's revisions, oldest first. */
export async function revisionsOf(db: DB, commentId: number): Promise<Record<string, unknown>[]> {
  return (await sqlAll(db, `select * from comment_revisions where comment_id = ? order by number`, commentId)) as Record<string, unknown>[];
}

/** A review's stored comment_count. */
export async function commentCount(db: DB, reviewId: number): Promise<number> {
  return ((await sqlGet(db, `select comment_count as n from posts where id = ?`, reviewId)) as { n: number }).n;
}

/** A comment's stored reply_count. */
export async function replyCount(db: DB, commentId: number): Promise<number> {
  return ((await sqlGet(db, `select reply_count as n from comments where id = ?`, commentId)) as { n: number }).n;
}

type Counter = { id: number; stored: number; recount: number };

/**
 * Every stored comment counter next to a recount from rows: a review's comment_count is its live
 * comments, a comment's reply_count its live direct replies (whether or not it is deleted itself).
 */
async function commentCounters(db: DB): Promise<{ reviews: Counter[]; comments: Counter[] }> {
  const reviews = (await sqlAll(db, `select p.id, p.comment_count as stored,
              (select count(*) from comments c where c.post_id = p.id and c.deleted_at is null) as recount
       from posts p order by p.id`)) as Counter[];
  const comments = (await sqlAll(db, `select c.id, c.reply_count as stored,
              (select count(*) from comments r where r.parent_id = c.id and r.deleted_at is null) as recount
       from comments c order by c.id`)) as Counter[];
  return { reviews, comments };
}

/** The counters that disagree with their recount: `{ posts: [], comments: [] }` when all hold. */
export async function counterDrift(db: DB) {
  const { reviews, comments } = await commentCounters(db);
  return { reviews: reviews.filter((c) => c.stored !== c.recount), comments: comments.filter((c) => c.stored !== c.recount) };
}

/** The tree a review page shows, reduced to what a reader sees: [id, deleted, children]. */
export type Shape = [number, boolean, Shape[]] | [number, boolean, Shape[], number];
export async function shownTree(db: DB, reviewId: number, sort: CommentSort = "oldest"): Promise<Shape[]> {
  const shape = (n: CommentNode): Shape => (n.continued ? [n.id, n.deleted, n.children.map(shape), n.continued] : [n.id, n.deleted, n.children.map(shape)]);
  return buildThread(await listThread(db, reviewId), sort).map(shape);
}

/** Deletes a review through its verb, as `actor` at `now` (the comment tests' one use of another domain's verb). */
export function removeReview(db: DB, actor: Actor, reviewId: number, now?: Date) {
  return deleteReview(ctxAs(db, actor, now), { reviewId });
}

/** Forgets the given environment variables (and the parsed environment) after a test set them. */
export function clearEnv(...keys: string[]) {
  for (const key of keys) delete process.env[key];
  setTestEnv();
}
