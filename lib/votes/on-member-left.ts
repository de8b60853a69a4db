import { eq, inArray, sql } from "drizzle-orm";
import { comments, reviews } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import { reviewListed } from "@/lib/cache/changes";
import { hotScore } from "@/lib/reviews/hot";
import type { Write } from "@/lib/write";
import { rawFirst } from "@/db/query";
import { jsonArrayText, msOf } from "@/db/sql";

/**
 * A deleted account's upvotes are gone (they cascaded with it): the comments and reviews it had
 * upvoted are recounted from the votes that remain, and each review's hot score follows its count.
 */
export async function takeBackLeaversUpvotes(w: Write, e: EventMap["member.left"]) {
  const { tx } = w;
  if (e.votedComments.length) {
    await tx
      .update(comments)
      .set({ upvoteCount: sql`(select count(*) from comment_votes v where v.comment_id = ${comments.id})` })
      .where(inArray(comments.id, e.votedComments));
    const threads = await tx.selectDistinct({ id: comments.reviewId }).from(comments).where(inArray(comments.id, e.votedComments));
    for (const t of threads) w.changes.threads.add(t.id);
  }
  for (const id of e.votedReviews) {
    const p = await rawFirst<{ n: number; publishedAt: number | null; status: string; filmId: number; authorId: string | null; tags: string }>(tx, sql`
      select (select count(*) from post_votes where post_id = ${id}) as n, ${msOf(reviews.publishedAt)} as "publishedAt", status, film_id as "filmId",
             author_id as "authorId", (select ${jsonArrayText(sql`tag`)} from post_tags where post_id = ${id}) as tags from posts where id = ${id}`);
    if (!p) continue;
    const hot = p.status === "published" ? hotScore(p.n, p.publishedAt === null ? null : new Date(p.publishedAt)) : 0;
    await tx.update(reviews).set({ upvoteCount: p.n, hotScore: hot }).where(eq(reviews.id, id));
    // The card's count changed wherever it is listed.
    reviewListed(w.changes, { id, filmId: p.filmId, authorId: p.authorId, tags: JSON.parse(p.tags) as string[] });
  }
}
