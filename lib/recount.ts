import { sql } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { hotScore } from "@/lib/reviews/hot";
import { NEWCOMER_CONTRIBUTIONS, NEWCOMER_DAYS } from "@/lib/users/newcomer";

/**
 * Every denormalized counter, rebuilt from its source rows in one transaction: comment, reply and
 * upvote counts, upvotes received, members' contributions and "New" markers, stored hot scores
 * and films' review and score totals. Returns
 * how many rows each step corrected (all zero when the counters were exact).
 */
export function recountAll(db: DB, now = new Date()) {
  return writeTx(db, (tx) => {
    const run = (q: ReturnType<typeof sql>) => tx.run(q).changes;
    const fixed = {
      postComments: run(sql`
        update posts set comment_count = (select count(*) from comments c where c.post_id = posts.id and c.deleted_at is null)
        where comment_count <> (select count(*) from comments c where c.post_id = posts.id and c.deleted_at is null)`),
      postUpvotes: run(sql`
        update posts set upvote_count = (select count(*) from post_votes v where v.post_id = posts.id)
        where upvote_count <> (select count(*) from post_votes v where v.post_id = posts.id)`),
      commentReplies: run(sql`
        update comments set reply_count = (select count(*) from comments r where r.parent_id = comments.id and r.deleted_at is null)
        where reply_count <> (select count(*) from comments r where r.parent_id = comments.id and r.deleted_at is null)`),
      commentUpvotes: run(sql`
        update comments set upvote_count = (select count(*) from comment_votes v where v.comment_id = comments.id)
        where upvote_count <> (select count(*) from comment_votes v where v.comment_id = comments.id)`),
      upvotesReceived: run(sql`
        update users set upvotes_received = (
          (select count(*) from post_votes v join posts p on p.id = v.post_id where p.author_id = users.id) +
          (select count(*) from comment_votes v join comments c on c.id = v.comment_id where c.author_id = users.id))
        where upvotes_received <> (
          (select count(*) from post_votes v join posts p on p.id = v.post_id where p.author_id = users.id) +
          (select count(*) from comment_votes v join comments c on c.id = v.comment_id where c.author_id = users.id))`),
      contributions: run(sql`
        update users set
          review_count = (select count(*) from posts p where p.author_id = users.id and p.status = 'published'),
          comment_count = (select count(*) from comments c join posts p on p.id = c.post_id
                           where c.author_id = users.id and c.deleted_at is null and p.status = 'published')
        where review_count <> (select count(*) from posts p where p.author_id = users.id and p.status = 'published')
           or comment_count <> (select count(*) from comments c join posts p on p.id = c.post_id
                                where c.author_id = users.id and c.deleted_at is null and p.status = 'published')`),
      newcomers: run(sql`
        update users set is_new = not is_new
        where is_new <> (created_at > ${now.getTime() - NEWCOMER_DAYS * 86_400_000} or review_count + comment_count < ${NEWCOMER_CONTRIBUTIONS})`),
      films: run(sql`
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
    const rows = tx.all<{ id: number; status: string; upvotes: number; publishedAt: number | null; hot: number }>(
      sql`select id, status, upvote_count as upvotes, published_at as publishedAt, hot_score as hot from posts`,
    );
    for (const r of rows) {
      const want = r.status === "published" ? hotScore(r.upvotes, r.publishedAt === null ? null : new Date(r.publishedAt)) : 0;
      if (Math.abs(want - r.hot) > 1e-9) {
        tx.run(sql`update posts set hot_score = ${want} where id = ${r.id}`);
        fixed.hotScores++;
      }
    }
    return fixed;
  });
}
