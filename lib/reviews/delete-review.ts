import { eq } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { posts } from "@/db/schema";
import { forbidden } from "@/lib/errors";
import { adjustFilmStats, filmContribution } from "@/lib/films/resolve-film";
import { canEditPost, type Actor } from "@/lib/permissions";
import { loadLivePost } from "./store";

/** Deletes a review: its page then says so (410); its revisions stay for the record. */
export function deleteReview(db: DB, actor: Actor, postId: number, now = new Date()) {
  return writeTx(db, (tx) => {
    const post = loadLivePost(tx, postId);
    if (!canEditPost(actor, post)) throw forbidden("You can only delete your own reviews.");
    tx.update(posts).set({ status: "deleted", hotScore: 0, updatedAt: now }).where(eq(posts.id, postId)).run();
    const c = filmContribution(post);
    adjustFilmStats(tx, post.filmId, { reviews: -c.reviews, scoreSum: -c.scoreSum, scoreCount: -c.scoreCount });
    return { id: post.id, slug: post.slug, filmId: post.filmId, authorId: post.authorId, tags: [] as string[] };
  });
}
