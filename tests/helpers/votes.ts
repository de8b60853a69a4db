import type { DB } from "@/db";
import type { Actor } from "@/lib/permissions";
import { castVote } from "@/lib/votes/cast-vote";
import type { VoteTarget } from "@/lib/votes/schemas";
import { ctxAs, fixtureWriter } from "./db";
import { T0 } from "./reviews";
import { sqlAll, sqlColumn, sqlGet, sqlRun } from "@/tests/helpers/sql";
export { rows, snapshot } from "./db";

// Shared fixtures for the vote-domain integration tests.

/** Upvotes (or, with "none", takes back) a review or a comment as the vote button posts it. */
export function vote(db: DB, actor: Actor, type: VoteTarget, id: number, value: "up" | "none" = "up", now = T0) {
  return castVote(ctxAs(db, actor, now), { type, id: String(id), value });
}

/** An Actor for a user id that is in no row: a session outliving its account. */
export const ghost: Actor = { id: "00000000-0000-4000-8000-000000000000", role: "member" };

/** Suspends a user directly (no verb is under test here). */
export async function suspend(db: DB, actor: Actor, at = T0) {
  await sqlRun(fixtureWriter(db), `update users set suspended_at = ? where id = ?`, at, actor.id);
}

/** One value from one row, as SQLite holds it. */
async function cell(db: DB, table: "posts" | "comments" | "users" | "films", column: string, id: number | string): Promise<unknown> {
  const row = (await sqlGet(db, `select "${column}" as v from "${table}" where id = ?`, id)) as { v: unknown } | undefined;
  return row?.v;
}

export const upvoteCount = async (db: DB, type: VoteTarget, id: number) => (await cell(db, type === "review" ? "posts" : "comments", "upvote_count", id)) as number;
export const upvotesReceived = async (db: DB, actor: Actor) => (await cell(db, "users", "upvotes_received", actor.id)) as number;
export const hotScoreOf = async (db: DB, reviewId: number) => (await cell(db, "posts", "hot_score", reviewId)) as number;

/** The hot score as lib/reviews/hot.ts documents it, written out again so a test does not trust the code it checks. */
export function expectedHot(upvotes: number, publishedAtMs: number | null): number {
  if (publishedAtMs === null) return 0;
  return Math.log10(Math.max(upvotes, 1)) + publishedAtMs / 1000 / 45000;
}

/** Every vote row as "user:r<review>" / "user:c<comment>", sorted: compare with a model of who voted for what. */
export async function voteKeys(db: DB): Promise<string[]> {
  const reviews = (await sqlColumn(db, `select user_id || ':r' || post_id as k from post_votes`)) as string[];
  const comments = (await sqlColumn(db, `select user_id || ':c' || comment_id as k from comment_votes`)) as string[];
  return [...reviews, ...comments].sort();
}

export type CounterCheck = { table: "posts" | "comments" | "users" | "films" | "badges"; id: number | string; column: string; stored: number; expected: number };

type ReviewRow = { id: number; author_id: string | null; film_id: number; status: string; score: number | null; published_at: number | null; comment_count: number; upvote_count: number; hot_score: number };
type CommentRow = { id: number; post_id: number; parent_id: number | null; author_id: string | null; deleted_at: number | null; reply_count: number; upvote_count: number };

/**
 * Every stored counter next to the value counted again here, in TypeScript from the raw rows (not
 * with recountAll's SQL): a review's live comments, its votes and its hot score (published only,
 * else 0); a comment's live direct replies and its votes; a user's votes on everything they wrote
 * (deleted items included: their votes stay and cannot be taken back), their published reviews and
 * their live comments on published reviews; a film's published reviews, their score sum and how
 * many are scored. Given `now`, also each user's "New" marker (0 or 1): an account younger than 7
 * days, or fewer than 3 of those contributions (as recounted here, not as stored).
 *
 * Badges, as lib/recount.ts defines them: a user's badge points are the points (per the badges
 * table) of the badges they hold; a badge's holder count is how many hold it; a user's replies
 * received are the live comments by someone else (or by a deleted account) that answer them: a
 * top-level comment answers the review's author, a reply its parent's author (whatever the
 * review's status, and deleted parents included), the system account's badge notes excepted; a
 * user's views received are the views of every review they wrote, whatever its status. The system
 * account (is_system) has no contributions or "New" marker to check: recountAll leaves them alone.
 */
async function counterChecks(db: DB, now?: Date): Promise<CounterCheck[]> {
  const all = async <T>(q: string) => (await sqlAll(db, q)) as T[];
  const reviews = await all<ReviewRow>(`select id, author_id, film_id, status, score, published_at, comment_count, upvote_count, hot_score from posts order by id`);
  const comments = await all<CommentRow>(`select id, post_id, parent_id, author_id, deleted_at, reply_count, upvote_count from comments order by id`);
  const users = await all<{
    id: string;
    upvotes_received: number;
    review_count: number;
    comment_count: number;
    is_new: number;
    created_at: number;
    badge_points: number;
    replies_received: number;
    views_received: number;
    is_system: number;
  }>(`select id, upvotes_received, review_count, comment_count, is_new, created_at, badge_points, replies_received, views_received, is_system from users order by id`);
  const badges = await all<{ slug: string; points: number; holder_count: number }>(`select slug, points, holder_count from badges order by slug`);
  const held = await all<{ user_id: string; badge_slug: string }>(`select user_id, badge_slug from user_badges`);
  const viewCounts = await all<{ author_id: string | null; view_count: number }>(`select author_id, view_count from posts`);
  const films = await all<{ id: number; review_count: number; score_sum: number; score_count: number }>(`select id, review_count, score_sum, score_count from films order by id`);
  const reviewVotes = await all<{ post_id: number }>(`select post_id from post_votes`);
  const commentVotes = await all<{ comment_id: number }>(`select comment_id from comment_votes`);

  const tally = <K>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return (k: K) => m.get(k) ?? 0;
  };
  const live = comments.filter((c) => c.deleted_at === null);
  const liveComments = tally(live.map((c) => c.post_id));
  const liveReplies = tally(live.filter((c) => c.parent_id !== null).map((c) => c.parent_id!));
  const reviewUpvotes = tally(reviewVotes.map((v) => v.post_id));
  const commentUpvotes = tally(commentVotes.map((v) => v.comment_id));
  const reviewAuthor = new Map(reviews.map((p) => [p.id, p.author_id]));
  const commentAuthor = new Map(comments.map((c) => [c.id, c.author_id]));
  const received = tally([...reviewVotes.map((v) => reviewAuthor.get(v.post_id)), ...commentVotes.map((v) => commentAuthor.get(v.comment_id))]);
  const published = reviews.filter((p) => p.status === "published");
  const reviewsBy = tally(published.map((p) => p.author_id));
  const isPublished = new Set(published.map((p) => p.id));
  const commentsBy = tally(live.filter((c) => isPublished.has(c.post_id)).map((c) => c.author_id));
  const pointsOf = new Map(badges.map((b) => [b.slug, b.points]));
  const holders = tally(held.map((h) => h.badge_slug));
  const pointsBy = new Map<string, number>();
  for (const h of held) pointsBy.set(h.user_id, (pointsBy.get(h.user_id) ?? 0) + (pointsOf.get(h.badge_slug) ?? 0));
  const system = new Set(users.filter((u) => u.is_system).map((u) => u.id));
  const answered = (c: CommentRow) => (c.parent_id === null ? reviewAuthor.get(c.post_id) : commentAuthor.get(c.parent_id)) ?? null;
  const repliesTo = tally(
    live
      .filter((c) => c.author_id === null || !system.has(c.author_id))
      .map((c) => [c, answered(c)] as const)
      .filter(([c, to]) => to !== null && to !== c.author_id)
      .map(([, to]) => to),
  );
  const viewsBy = new Map<string, number>();
  for (const p of viewCounts) if (p.author_id !== null) viewsBy.set(p.author_id, (viewsBy.get(p.author_id) ?? 0) + p.view_count);

  const checks: CounterCheck[] = [];
  const add = (table: CounterCheck["table"], id: number | string, column: string, stored: number, expected: number) =>
    checks.push({ table, id, column, stored, expected });
  for (const p of reviews) {
    add("posts", p.id, "comment_count", p.comment_count, liveComments(p.id));
    add("posts", p.id, "upvote_count", p.upvote_count, reviewUpvotes(p.id));
    add("posts", p.id, "hot_score", p.hot_score, p.status === "published" ? expectedHot(reviewUpvotes(p.id), p.published_at) : 0);
  }
  for (const c of comments) {
    add("comments", c.id, "reply_count", c.reply_count, liveReplies(c.id));
    add("comments", c.id, "upvote_count", c.upvote_count, commentUpvotes(c.id));
  }
  for (const u of users) {
    add("users", u.id, "upvotes_received", u.upvotes_received, received(u.id));
    add("users", u.id, "badge_points", u.badge_points, pointsBy.get(u.id) ?? 0);
    add("users", u.id, "replies_received", u.replies_received, repliesTo(u.id));
    add("users", u.id, "views_received", u.views_received, viewsBy.get(u.id) ?? 0);
    if (system.has(u.id)) continue;
    add("users", u.id, "review_count", u.review_count, reviewsBy(u.id));
    add("users", u.id, "comment_count", u.comment_count, commentsBy(u.id));
    if (now) {
      const young = now.getTime() - u.created_at < 7 * 86_400_000;
      add("users", u.id, "is_new", u.is_new, young || reviewsBy(u.id) + commentsBy(u.id) < 3 ? 1 : 0);
    }
  }
  for (const f of films) {
    const mine = published.filter((p) => p.film_id === f.id);
    const scored = mine.filter((p) => p.score !== null);
    add("films", f.id, "review_count", f.review_count, mine.length);
    add("films", f.id, "score_sum", f.score_sum, scored.reduce((s, p) => s + p.score!, 0));
    add("films", f.id, "score_count", f.score_count, scored.length);
  }
  for (const b of badges) add("badges", b.slug, "holder_count", b.holder_count, holders(b.slug));
  return checks;
}

/** What recountAll returns when every counter was exact: no rows corrected by any step. */
export const RECOUNT_NOTHING = {
  reviewComments: 0,
  reviewUpvotes: 0,
  commentReplies: 0,
  commentUpvotes: 0,
  upvotesReceived: 0,
  contributions: 0,
  reachedAt: 0,
  newcomers: 0,
  badgePoints: 0,
  badgeHolders: 0,
  repliesReceived: 0,
  viewsReceived: 0,
  monthly: 0,
  films: 0,
  hotScores: 0,
} as const;

/** The stored counters (and, given `now`, "New" markers) that disagree with the independent recount: `[]` when every one holds. */
export async function allCounterDrift(db: DB, now?: Date): Promise<CounterCheck[]> {
  // Hot scores are floats (~4e4): allow for a different but equivalent order of operations.
  return (await counterChecks(db, now)).filter((c) => (c.column === "hot_score" ? Math.abs(c.stored - c.expected) > 1e-9 : c.stored !== c.expected));
}

/**
 * Vote rows that should not exist: a self-vote, or a comment vote whose post_id is not its
 * comment's review (listVotesOnReview relies on that copy). `[]` when all hold.
 */
export async function voteRowProblems(db: DB): Promise<string[]> {
  const q = async (sql: string) => (await sqlColumn(db, sql)) as string[];
  return [
    ...(await q(`select 'self-vote on review ' || p.id from post_votes v join posts p on p.id = v.post_id where p.author_id = v.user_id`)),
    ...(await q(`select 'self-vote on comment ' || c.id from comment_votes v join comments c on c.id = v.comment_id where c.author_id = v.user_id`)),
    ...(await q(`select 'comment vote ' || c.id || ' filed under review ' || v.post_id from comment_votes v join comments c on c.id = v.comment_id where c.post_id <> v.post_id`)),
  ];
}
