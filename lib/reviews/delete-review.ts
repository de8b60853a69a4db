import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { comments, notifications, posts } from "@/db/schema";
import { forbidden } from "@/lib/errors";
import { adjustFilmStats, filmContribution } from "@/lib/films/resolve-film";
import { canEditPost, type Actor } from "@/lib/permissions";
import { bumpMonth } from "@/lib/badges/grant";
import { adjustContributions } from "@/lib/users/newcomer";
import { loadLivePost } from "./store";

/** Deletes a review: its page then says so (410); its revisions stay for the record. */
export function deleteReview(db: DB, actor: Actor, postId: number, now = new Date()) {
  return writeTx(db, (tx) => {
    const post = loadLivePost(tx, postId);
    if (!canEditPost(actor, post)) throw forbidden("You can only delete your own reviews.");
    tx.update(posts).set({ status: "deleted", hotScore: 0, updatedAt: now }).where(eq(posts.id, postId)).run();
    const c = filmContribution(post);
    adjustFilmStats(tx, post.filmId, { reviews: -c.reviews, scoreSum: -c.scoreSum, scoreCount: -c.scoreCount });
    // Its comments no longer count as anyone's contributions, and notices about it lead nowhere.
    const flipped: string[] = [];
    if (post.status === "published") {
      if (adjustContributions(tx, post.authorId, { reviews: -1 }, now).flipped && post.authorId) flipped.push(post.authorId);
      // The month it was published in counts one review fewer (badges already earned stay).
      if (post.authorId && post.publishedAt) bumpMonth(tx, post.authorId, post.publishedAt, { reviews: -1 });
      const commenters = tx
        .select({ id: comments.authorId, n: sql<number>`count(*)` })
        .from(comments)
        .where(and(eq(comments.postId, postId), isNull(comments.deletedAt)))
        .groupBy(comments.authorId)
        .all();
      for (const { id, n } of commenters) if (id && adjustContributions(tx, id, { comments: -n }, now).flipped) flipped.push(id);
    }
    // Badges stay earned, and so do their notices (they lead to the board, not the review).
    tx.delete(notifications)
      .where(and(eq(notifications.postId, postId), inArray(notifications.kind, ["review_reply", "comment_reply", "mention", "milestone"])))
      .run();
    return { id: post.id, slug: post.slug, filmId: post.filmId, authorId: post.authorId, tags: [] as string[], newcomerFlipped: flipped };
  });
}
