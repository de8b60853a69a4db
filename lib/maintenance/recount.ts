import { sql } from "drizzle-orm";
import { writeTx, type DB, type Tx } from "@/db";
import { reviews, users } from "@/db/schema";
import { monthOf, msOf } from "@/db/sql";
import { hotScore } from "@/lib/reviews/hot";
import { NEWCOMER_CONTRIBUTIONS, NEWCOMER_DAYS } from "@/lib/users/newcomer";
import { rawFirst, rawRows, rawRun } from "@/db/query";

// Live replies by others to a member's reviews (top-level comments) and comments (replies).
// The system account's badge notes count for no one.
// Replies each member received: comments under their review (top level) or answering their
// comment, not their own, not a system note, not deleted. One pass over the comments, grouped
// by recipient (a subquery per member would read every comment once per member).
const REPLIES_BY_RECIPIENT = sql`
  select recipient, count(*) as n from (
    select (case when c.parent_id is null then p.author_id else parent.author_id end) as recipient, c.author_id as author
    from comments c
    left join comments parent on parent.id = c.parent_id
    join posts p on p.id = c.post_id
    where c.deleted_at is null and c.author_id not in (select id from users where is_system = true)
  ) replies where recipient is not null and author is distinct from recipient
  group by recipient`;

// Each member's standing per month, from the rows: badge points granted, upvotes received on
// what they wrote, reviews published (and still published) in that month. One row per event, of
// one kind, with its moment (a column per kind would leave PostgreSQL a union of untyped nulls).
const month = (at: string) => monthOf(sql.raw(at));
const MONTHS = sql`
  select user_id, month,
         sum(case when kind = 'points' then n else 0 end) as points, max(case when kind = 'points' then at end) as points_at,
         sum(case when kind = 'upvotes' then n else 0 end) as upvotes, max(case when kind = 'upvotes' then at end) as upvotes_at,
         sum(case when kind = 'reviews' then n else 0 end) as reviews, max(case when kind = 'reviews' then at end) as reviews_at
  from (
    select ub.user_id, ${month("ub.granted_at")} as month, 'points' as kind, b.points as n, ub.granted_at as at
      from user_badges ub join badges b on b.slug = ub.badge_slug
    union all
    select p.author_id, ${month("v.created_at")}, 'upvotes', 1, v.created_at
      from post_votes v join posts p on p.id = v.post_id where p.author_id is not null
    union all
    select c.author_id, ${month("v.created_at")}, 'upvotes', 1, v.created_at
      from comment_votes v join comments c on c.id = v.comment_id where c.author_id is not null
    union all
    select p.author_id, ${month("p.published_at")}, 'reviews', 1, p.published_at
      from posts p where p.status = 'published' and p.author_id is not null
  ) standings group by user_id, month`;

/** Rebuilds monthly_scores where the rows disagree; returns how many (member, month) pairs it corrected. */
async function recountMonths(tx: Tx): Promise<number> {
  const differ = (await rawFirst<{ n: number }>(tx, sql`
    select count(*) as n from (
      select w.user_id from (${MONTHS}) w
        left join monthly_scores m on m.user_id = w.user_id and m.month = w.month
        where m.user_id is null or m.points <> w.points or m.upvotes <> w.upvotes or m.reviews <> w.reviews
      union all
      select m.user_id from monthly_scores m
        where (m.points <> 0 or m.upvotes <> 0 or m.reviews <> 0)
          and not exists (select 1 from (${MONTHS}) w where w.user_id = m.user_id and w.month = m.month)
    ) differing`))!.n;
  if (differ === 0) return 0;
  await rawRun(tx, sql`delete from monthly_scores`);
  await rawRun(tx, sql`insert into monthly_scores (user_id, month, points, points_at, upvotes, upvotes_at, reviews, reviews_at) ${MONTHS}`);
  return differ;
}

/**
 * Every denormalized counter, rebuilt from its source rows in one transaction: comment, reply and
 * upvote counts, upvotes received, members' contributions and "New" markers, badge points and
 * holders, replies and views received, monthly standings, stored hot scores and films' totals. Returns
 * how many rows each step corrected (all zero when the counters were exact).
 */
export async function recountAll(db: DB, now = new Date()) {
  return writeTx(db, async (tx) => {
    const run = (q: ReturnType<typeof sql>) => rawRun(tx, q);
    // One statement after another, in this order (the reached-at moments read the recounted counters).
    const fixed = {
      reviewComments: await run(sql`
        update posts set comment_count = (select count(*) from comments c where c.post_id = posts.id and c.deleted_at is null)
        where comment_count <> (select count(*) from comments c where c.post_id = posts.id and c.deleted_at is null)`),
      reviewUpvotes: await run(sql`
        update posts set upvote_count = (select count(*) from post_votes v where v.post_id = posts.id)
        where upvote_count <> (select count(*) from post_votes v where v.post_id = posts.id)`),
      commentReplies: await run(sql`
        update comments set reply_count = (select count(*) from comments r where r.parent_id = comments.id and r.deleted_at is null)
        where reply_count <> (select count(*) from comments r where r.parent_id = comments.id and r.deleted_at is null)`),
      commentUpvotes: await run(sql`
        update comments set upvote_count = (select count(*) from comment_votes v where v.comment_id = comments.id)
        where upvote_count <> (select count(*) from comment_votes v where v.comment_id = comments.id)`),
      upvotesReceived: await run(sql`
        update users set upvotes_received = (
          (select count(*) from post_votes v join posts p on p.id = v.post_id where p.author_id = users.id) +
          (select count(*) from comment_votes v join comments c on c.id = v.comment_id where c.author_id = users.id))
        where upvotes_received <> (
          (select count(*) from post_votes v join posts p on p.id = v.post_id where p.author_id = users.id) +
          (select count(*) from comment_votes v join comments c on c.id = v.comment_id where c.author_id = users.id))`),
      contributions: await run(sql`
        update users set
          review_count = (select count(*) from posts p where p.author_id = users.id and p.status = 'published'),
          comment_count = (select count(*) from comments c join posts p on p.id = c.post_id
                           where c.author_id = users.id and c.deleted_at is null and p.status = 'published')
        where is_system = false and (
              review_count <> (select count(*) from posts p where p.author_id = users.id and p.status = 'published')
           or comment_count <> (select count(*) from comments c join posts p on p.id = c.post_id
                                where c.author_id = users.id and c.deleted_at is null and p.status = 'published'))`),
      // Reached-at moments missing from before they were kept: the latest upvote, the latest review.
      reachedAt: await run(sql`
        update users set
          upvotes_reached_at = coalesce(upvotes_reached_at, (select max(at) from (
            select v.created_at as at from post_votes v join posts p on p.id = v.post_id where p.author_id = users.id
            union all
            select v.created_at from comment_votes v join comments c on c.id = v.comment_id where c.author_id = users.id) upvotes)),
          reviews_reached_at = coalesce(reviews_reached_at, (select max(published_at) from posts p where p.author_id = users.id and p.status = 'published'))
        where (upvotes_reached_at is null and upvotes_received > 0) or (reviews_reached_at is null and review_count > 0)`),
      newcomers: await run(sql`
        update users set is_new = not is_new
        where is_system = false and is_new <> (created_at > ${sql.param(new Date(now.getTime() - NEWCOMER_DAYS * 86_400_000), users.createdAt)} or review_count + comment_count < ${NEWCOMER_CONTRIBUTIONS})`),
      badgePoints: await run(sql`
        update users set badge_points = (select coalesce(sum(b.points), 0) from user_badges ub join badges b on b.slug = ub.badge_slug where ub.user_id = users.id)
        where badge_points <> (select coalesce(sum(b.points), 0) from user_badges ub join badges b on b.slug = ub.badge_slug where ub.user_id = users.id)`),
      badgeHolders: await run(sql`
        update badges set holder_count = (select count(*) from user_badges ub where ub.badge_slug = badges.slug)
        where holder_count <> (select count(*) from user_badges ub where ub.badge_slug = badges.slug)`),
      repliesReceived: await run(sql`
        update users set replies_received = r.n
        from (select u.id as uid, coalesce(g.n, 0) as n from users u left join (${REPLIES_BY_RECIPIENT}) g on g.recipient = u.id) r
        where r.uid = users.id and users.replies_received <> r.n`),
      viewsReceived: await run(sql`
        update users set views_received = (select coalesce(sum(p.view_count), 0) from posts p where p.author_id = users.id)
        where views_received <> (select coalesce(sum(p.view_count), 0) from posts p where p.author_id = users.id)`),
      monthly: await recountMonths(tx),
      films: await run(sql`
        update films set
          review_count = (select count(*) from posts p where p.film_id = films.id and p.status = 'published'),
          score_sum = (select coalesce(sum(p.score), 0) from posts p where p.film_id = films.id and p.status = 'published'),
          score_count = (select count(p.score) from posts p where p.film_id = films.id and p.status = 'published')
        where review_count <> (select count(*) from posts p where p.film_id = films.id and p.status = 'published')
           or score_sum <> (select coalesce(sum(p.score), 0) from posts p where p.film_id = films.id and p.status = 'published')
           or score_count <> (select count(p.score) from posts p where p.film_id = films.id and p.status = 'published')`),
      hotScores: 0,
    };
    // The hot score is computed in TypeScript (SQLite has no log10 by default).
    const rows = await rawRows<{ id: number; status: string; upvotes: number; publishedAt: number | null; hot: number }>(tx, sql`select id, status, upvote_count as upvotes, ${msOf(reviews.publishedAt)} as "publishedAt", hot_score as hot from posts`);
    for (const r of rows) {
      const want = r.status === "published" ? hotScore(r.upvotes, r.publishedAt === null ? null : new Date(r.publishedAt)) : 0;
      if (Math.abs(want - r.hot) > 1e-9) {
        await rawRun(tx, sql`update posts set hot_score = ${want} where id = ${r.id}`);
        fixed.hotScores++;
      }
    }
    return fixed;
  });
}
