import { sql, type SQL } from "drizzle-orm";
import type { Conn } from "@/db";
import { DIALECT } from "@/db/dialect";
import { users } from "@/db/schema";
import { least, msOf } from "@/db/sql";
import { LADDER_SPECS, LADDERS, type LadderKey, type OneOffSlug } from "./catalog";
import { rawRows } from "@/db/query";

// Every badge rule, once: what counts toward it (the events, as SQL over the rows that record
// them) and which of those events earns it (the n-th). The backfill and the large seed evaluate a
// rule for every member at once (`dueGrants(conn, "all")`), the sweep for its one rule, a repair
// for one member (`dueGrants(conn, { userId })`) — the same SQL each time. The live path grants
// in the transaction of the write that crosses the line: a ladder when its counter (the count of
// these same events, kept in the same write; `npm run recount` rebuilds it from them) reaches a
// rung, a one-off through the predicates below. The backfill tests hold the two paths equal.

const YEAR_MS = 365 * 86_400_000;

/** Whose events: every member's, or one member's (read through that member's indexes). */
export type Who = "all" | { userId: string };

/** One event that counts toward a rule: whose, when (ms), and which review or comment it was. */
type RuleEvent = { userId: string; at: number; reviewId: number | null; commentId: number | null };

const col = (name: string) => sql.raw(name);
const whose = (who: Who, column: string) => (who === "all" ? sql`${col(column)} is not null` : sql`${col(column)} = ${who.userId}`);
/** A time stamp column as the events' `at` (ms). */
const ms = (column: string) => msOf(col(column));
/**
 * A view row's day ("2026-11-03") as the ms its day starts at (UTC). SQLite keeps no dates but
 * reads one in strftime; PostgreSQL casts the text to a date.
 */
const dayStart = (day: string) =>
  DIALECT === "pg" ? sql`cast(extract(epoch from cast(${col(day)} as date)) as bigint) * 1000` : sql`cast(strftime('%s', ${col(day)}) as integer) * 1000`;
// `status || ''` (and `parent_id + 0`) keep a column's own index out of a query, on both
// dialects: the author's index is walked instead of every published review (or top-level comment).

/** Each ladder's events, oldest first: the n-th is when (and by which item) the rung at n was reached. */
const LADDER_EVENTS: Record<LadderKey, (who: Who) => SQL> = {
  // Upvotes on what they wrote.
  upvotes: (who) => sql`
    select p.author_id as "userId", ${ms("v.created_at")} as at, v.post_id as "reviewId", null as "commentId"
      from post_votes v join posts p on p.id = v.post_id where ${whose(who, "p.author_id")}
    union all
    select c.author_id, ${ms("v.created_at")}, v.post_id, v.comment_id
      from comment_votes v join comments c on c.id = v.comment_id where ${whose(who, "c.author_id")}`,
  // Their published reviews (through the author index, never every published review by date).
  reviews: (who) => sql`
    select author_id as "userId", ${ms("published_at")} as at, id as "reviewId", null as "commentId"
      from posts where ${whose(who, "author_id")} and status || '' = 'published'`,
  // Their live comments under published reviews.
  comments: (who) => sql`
    select c.author_id as "userId", ${ms("c.created_at")} as at, c.post_id as "reviewId", c.id as "commentId"
      from comments c join posts p on p.id = c.post_id
      where ${whose(who, "c.author_id")} and c.deleted_at is null and p.status || '' = 'published'`,
  // Others' live comments under their reviews (top level) and replies to their comments: two
  // indexed walks from what they wrote. The system account's badge notes count for no one.
  replies: (who) => sql`
    select p.author_id as "userId", ${ms("c.created_at")} as at, c.post_id as "reviewId", c.id as "commentId"
      from posts p join comments c on c.post_id = p.id and c.parent_id + 0 is null
      where ${whose(who, "p.author_id")} and c.deleted_at is null and c.author_id is distinct from p.author_id
        and not exists (select 1 from users s where s.id = c.author_id and s.is_system = true)
    union all
    select parent.author_id, ${ms("c.created_at")}, c.post_id, c.id
      from comments parent join comments c on c.parent_id = parent.id
      where ${whose(who, "parent.author_id")} and c.deleted_at is null and c.author_id is distinct from parent.author_id
        and not exists (select 1 from users s where s.id = c.author_id and s.is_system = true)`,
  // Readers of their reviews, one a day each. A view row knows its day only: it counts from the start of that day (UTC).
  views: (who) => sql`
    select p.author_id as "userId", ${dayStart("v.day")} as at, v.post_id as "reviewId", null as "commentId"
      from post_views v join posts p on p.id = v.post_id where ${whose(who, "p.author_id")}`,
};

/** The upvotes one review or comment needs for its author's "Crowd pleaser" or "Well said". */
const STAR_UPVOTES = 10;

/** Each one-off's events, oldest first: the first earns it. */
const ONE_OFF_EVENTS: Record<OneOffSlug, (who: Who, now: Date) => SQL> = {
  // Their own published review or comment edited: a new revision, or a quick fix that amended the
  // last one (updated after it was made).
  "first-edit": (who) => sql`
    select p.author_id as "userId", ${msOf(sql`case when r.number > 1 then r.created_at else r.updated_at end`)} as at, r.post_id as "reviewId", null as "commentId"
      from post_revisions r join posts p on p.id = r.post_id
      where (r.number > 1 or (r.updated_at > r.created_at and p.status = 'published' and r.updated_at > p.published_at))
        and ${whose(who, "p.author_id")} and r.editor_id = p.author_id
    union all
    select c.author_id, ${msOf(sql`case when r.number > 1 then r.created_at else r.updated_at end`)}, c.post_id, c.id
      from comment_revisions r join comments c on c.id = r.comment_id
      where (r.number > 1 or r.updated_at > r.created_at) and ${whose(who, "c.author_id")} and r.editor_id = c.author_id`,
  "first-scored-review": (who) => sql`
    select author_id as "userId", ${ms("published_at")} as at, id as "reviewId", null as "commentId"
      from posts where ${whose(who, "author_id")} and status || '' = 'published' and score is not null`,
  "first-spoiler-review": (who) => sql`
    select author_id as "userId", ${ms("published_at")} as at, id as "reviewId", null as "commentId"
      from posts where ${whose(who, "author_id")} and status || '' = 'published' and has_spoilers = true`,
  // The STAR_UPVOTES-th upvote on one of their reviews, or comments.
  "review-10-upvotes": (who) => sql`
    select "userId", at, "reviewId", null as "commentId" from (
      select p.author_id as "userId", ${ms("v.created_at")} as at, v.post_id as "reviewId",
             row_number() over (partition by v.post_id order by v.created_at, v.user_id) as n
        from post_votes v join posts p on p.id = v.post_id where ${whose(who, "p.author_id")}) votes where n = ${STAR_UPVOTES}`,
  "comment-10-upvotes": (who) => sql`
    select "userId", at, "reviewId", "commentId" from (
      select c.author_id as "userId", ${ms("v.created_at")} as at, v.post_id as "reviewId", v.comment_id as "commentId",
             row_number() over (partition by v.comment_id order by v.created_at, v.user_id) as n
        from comment_votes v join comments c on c.id = v.comment_id where ${whose(who, "c.author_id")}) votes where n = ${STAR_UPVOTES}`,
  // A year after joining.
  "one-year": (who, now) => sql`
    select id as "userId", ${ms("created_at")} + ${YEAR_MS} as at, null as "reviewId", null as "commentId"
      from users where ${whose(who, "id")} and created_at <= ${sql.param(new Date(now.getTime() - YEAR_MS), users.createdAt)}`,
};

export type Rule = { slugs: readonly string[]; earnedAt: readonly number[]; events: (who: Who, now: Date) => SQL; slugAt: (n: number) => string };

/** Every rule: its badges, the events that count, and which of them (by position) earn. */
const RULES: readonly Rule[] = [
  ...LADDERS.map((ladder): Rule => {
    const rungs = LADDER_SPECS[ladder].rungs.map(([t]) => t);
    return { slugs: rungs.map((t) => `${ladder}-${t}`), earnedAt: rungs, events: (who) => LADDER_EVENTS[ladder](who), slugAt: (n) => `${ladder}-${n}` };
  }),
  ...(Object.keys(ONE_OFF_EVENTS) as OneOffSlug[]).map((slug): Rule => ({ slugs: [slug], earnedAt: [1], events: ONE_OFF_EVENTS[slug], slugAt: () => slug })),
];

export const ruleFor = (slug: string) => RULES.find((r) => r.slugs.includes(slug));

/** A grant a rule says is due: the member, the badge, when it was earned (never after `now`), and what earned it. */
export type DueGrant = RuleEvent & { slug: string };

/**
 * What `rules` say members have earned and do not hold yet, oldest first (ties by member and
 * badge, so two runs agree). The system account earns nothing.
 */
export async function dueGrants(conn: Conn, who: Who, now: Date, rules: readonly Rule[] = RULES): Promise<DueGrant[]> {
  const out: DueGrant[] = [];
  for (const rule of rules) {
    const positions = sql.join(rule.earnedAt.map((n) => sql`${n}`), sql`, `);
    const found = await rawRows<{ userId: string; n: number; at: number; reviewId: number | null; commentId: number | null }>(conn, sql`
      select "userId", n, ${least(sql`at`, now.getTime())} as at, "reviewId", "commentId" from (
        select e."userId", e.at, e."reviewId", e."commentId",
               row_number() over (partition by e."userId" order by e.at, e."reviewId" nulls first, e."commentId" nulls first) as n
          from (${rule.events(who, now)}) e
          where e.at is not null and e."userId" in (select id from users where is_system = false)
      ) ranked where n in (${positions})`);
    for (const g of found) out.push({ userId: g.userId, slug: rule.slugAt(g.n), at: g.at, reviewId: g.reviewId, commentId: g.commentId });
  }
  const held = await heldBy(conn, who);
  return out
    .filter((g) => !held.has(`${g.userId} ${g.slug}`))
    .sort((a, b) => a.at - b.at || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

async function heldBy(conn: Conn, who: Who): Promise<Set<string>> {
  const rows = await rawRows<{ k: string }>(conn, who === "all" ? sql`select user_id || ' ' || badge_slug as k from user_badges` : sql`select user_id || ' ' || badge_slug as k from user_badges where user_id = ${who.userId}`);
  return new Set(rows.map((r) => r.k));
}

// ——— the live path's one-off predicates, beside their SQL above

/** The one-off an item's upvote count earns its author at exactly `count`, if any. */
export const starAt = (target: "review" | "comment", count: number): OneOffSlug | null =>
  count === STAR_UPVOTES ? (target === "review" ? "review-10-upvotes" : "comment-10-upvotes") : null;

/** The one-offs a published review earns its author (its score, its spoiler flag). */
export const reviewOneOffs = (review: { score: number | null; hasSpoilers: boolean }): OneOffSlug[] => [
  ...(review.score !== null ? (["first-scored-review"] as const) : []),
  ...(review.hasSpoilers ? (["first-spoiler-review"] as const) : []),
];

/** Whether an edit earns "Second thoughts": the author's own edit of something published. */
export const isOwnEditOfPublished = (e: { editorId: string; authorId: string | null; wasPublished: boolean }) => e.wasPublished && e.editorId === e.authorId;
