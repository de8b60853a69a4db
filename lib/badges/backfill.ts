import { eq, sql } from "drizzle-orm";
import { writeTx, type DB, type Tx } from "@/db";
import { users } from "@/db/schema";
import { LADDER_SPECS, LADDERS, ladderSlug, type LadderKey, type OneOffSlug } from "./catalog";
import { recountAll } from "@/lib/recount";
import { grantBadge, type Earned } from "./grant";

// Grants older than this are given quietly: a notice about last year's badge is noise.
export const BACKFILL_QUIET_AFTER_MS = 2 * 86_400_000;
const YEAR_MS = 365 * 86_400_000;

type Event = { at: number; postId: number | null; commentId: number | null };

// For each ladder, the events that move a member's counter, oldest first: the n-th one is when
// (and by which item) the rung at n was reached.
const LADDER_EVENTS: Record<LadderKey, (userId: string) => ReturnType<typeof sql>> = {
  upvotes: (u) => sql`
    select v.created_at as at, v.post_id as postId, null as commentId from post_votes v join posts p on p.id = v.post_id where p.author_id = ${u}
    union all
    select v.created_at, v.post_id, v.comment_id from comment_votes v join comments c on c.id = v.comment_id where c.author_id = ${u}`,
  // "+status": the member's own posts through the author index, never every published post by date.
  reviews: (u) => sql`select published_at as at, id as postId, null as commentId from posts where author_id = ${u} and +status = 'published'`,
  comments: (u) => sql`
    select c.created_at as at, c.post_id as postId, c.id as commentId from comments c join posts p on p.id = c.post_id
    where c.author_id = ${u} and c.deleted_at is null and +p.status = 'published'`,
  // Top-level comments under their reviews, and replies to their comments: two indexed walks
  // from what they wrote, never a scan of every comment.
  replies: (u) => sql`
    select c.created_at as at, c.post_id as postId, c.id as commentId from posts p
    join comments c on c.post_id = p.id and +c.parent_id is null
    where p.author_id = ${u} and c.deleted_at is null and c.author_id is not ${u}
      and not exists (select 1 from users s where s.id = c.author_id and s.is_system = 1)
    union all
    select c.created_at, c.post_id, c.id from comments parent
    join comments c on c.parent_id = parent.id
    where parent.author_id = ${u} and c.deleted_at is null and c.author_id is not ${u}
      and not exists (select 1 from users s where s.id = c.author_id and s.is_system = 1)`,
  // A view row knows its day only: the rung counts from the start of that day (UTC).
  views: (u) => sql`
    select cast(strftime('%s', v.day) as integer) * 1000 as at, v.post_id as postId, null as commentId
    from post_views v join posts p on p.id = v.post_id where p.author_id = ${u}`,
};

const ONE_OFF_EVENTS: Record<Exclude<OneOffSlug, "one-year">, (userId: string) => ReturnType<typeof sql>> = {
  // A new revision, or a quick fix that amended the last one (updated after it was made).
  "first-edit": (u) => sql`
    select case when r.number > 1 then r.created_at else r.updated_at end as at, r.post_id as postId, null as commentId
      from post_revisions r join posts p on p.id = r.post_id
      where (r.number > 1 or (r.updated_at > r.created_at and p.status = 'published' and r.updated_at > p.published_at))
        and r.editor_id = ${u} and p.author_id = ${u}
    union all
    select case when r.number > 1 then r.created_at else r.updated_at end, c.post_id, c.id
      from comment_revisions r join comments c on c.id = r.comment_id
      where (r.number > 1 or r.updated_at > r.created_at) and r.editor_id = ${u} and c.author_id = ${u}`,
  "first-scored-review": (u) => sql`select published_at as at, id as postId, null as commentId from posts where author_id = ${u} and +status = 'published' and score is not null`,
  "first-spoiler-review": (u) => sql`select published_at as at, id as postId, null as commentId from posts where author_id = ${u} and +status = 'published' and has_spoilers = 1`,
  "review-10-upvotes": (u) => sql`
    select at, postId, null as commentId from (
      select v.created_at as at, v.post_id as postId, row_number() over (partition by v.post_id order by v.created_at, v.user_id) as n
      from post_votes v join posts p on p.id = v.post_id where p.author_id = ${u}) where n = 10`,
  "comment-10-upvotes": (u) => sql`
    select at, postId, commentId from (
      select v.created_at as at, v.post_id as postId, v.comment_id as commentId,
             row_number() over (partition by v.comment_id order by v.created_at, v.user_id) as n
      from comment_votes v join comments c on c.id = v.comment_id where c.author_id = ${u}) where n = 10`,
};

function nth(tx: Tx, events: ReturnType<typeof sql>, n: number): Event | undefined {
  return tx.get<Event>(sql`select at, postId, commentId from (${events}) where at is not null order by at limit 1 offset ${n - 1}`);
}

/**
 * Grants what existing data has earned, dated when it was earned (the n-th upvote, review,
 * comment, reply or view; the first edit, scored or spoiler-tagged review; the tenth upvote on
 * one item; a year after joining). Idempotent: held badges are skipped. Grants older than two
 * days are given without a notice. One short transaction per member, then a recount of the
 * standings the Ranking reads.
 */
export function backfillBadges(db: DB, now = new Date()): { members: number; granted: number; notified: number; earned: Earned[] } {
  const members = db.select({ id: users.id, createdAt: users.createdAt }).from(users).where(eq(users.isSystem, false)).all();
  const earned: Earned[] = [];
  let notified = 0;
  for (const m of members) {
    writeTx(db, (tx) => {
      const give = (slug: string, e: Event | undefined) => {
        if (!e) return;
        const at = new Date(Math.min(e.at, now.getTime()));
        const silent = now.getTime() - at.getTime() > BACKFILL_QUIET_AFTER_MS;
        const g = grantBadge(tx, m.id, slug, { postId: e.postId, commentId: e.commentId }, at, { silent });
        if (g) {
          earned.push(g);
          if (!silent) notified++;
        }
      };
      for (const ladder of LADDERS) {
        for (const [t] of LADDER_SPECS[ladder].rungs) {
          const e = nth(tx, LADDER_EVENTS[ladder](m.id), t);
          if (!e) break;
          give(ladderSlug(ladder, t), e);
        }
      }
      for (const [slug, events] of Object.entries(ONE_OFF_EVENTS)) give(slug, nth(tx, events(m.id), 1));
      const anniversary = m.createdAt.getTime() + YEAR_MS;
      if (anniversary <= now.getTime()) give("one-year", { at: anniversary, postId: null, commentId: null });
      // Grants arrive out of order here: the points were reached at the latest of them.
      tx.run(sql`update users set points_reached_at = (select max(granted_at) from user_badges where user_id = ${m.id}) where id = ${m.id}`);
    });
  }
  // Standings kept only since badges began (this month's, reached-at moments) are rebuilt from rows.
  recountAll(db, now);
  return { members: members.length, granted: earned.length, notified, earned };
}
