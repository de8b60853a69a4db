import { eq } from "drizzle-orm";
import { reviews } from "@/db/schema";
import type { LiveStatus } from "@/lib/events";
import { reviewListed } from "@/lib/cache/changes";
import { actorOf, type Ctx } from "@/lib/context";
import { forbidden } from "@/lib/errors";
import { canEditAuthored } from "@/lib/permissions";
import { write } from "@/lib/write";
import { ReviewIdInput } from "./schemas";
import { commenterIds, flippedSince, loadLiveReview, newcomerMarks, tagsOf } from "./store";

/** Deletes a review: its page then says so (410); its revisions stay for the record. */
export async function deleteReview(ctx: Ctx, raw: unknown) {
  const actor = actorOf(ctx);
  const { reviewId } = ReviewIdInput.parse(raw);
  return write(ctx, async (w) => {
    const review = await loadLiveReview(w.tx, reviewId);
    if (!canEditAuthored(actor, review)) throw forbidden("You can only delete your own reviews.");
    const tags = await tagsOf(w.tx, reviewId);
    await w.tx.update(reviews).set({ status: "deleted", hotScore: 0, updatedAt: w.now }).where(eq(reviews.id, reviewId));
    reviewListed(w.changes, { id: reviewId, filmId: review.filmId, authorId: review.authorId, tags });
    // Their comments on it leave their profiles.
    const commenters = await commenterIds(w.tx, reviewId);
    for (const id of commenters) w.changes.members.add(id);
    w.changes.ranking = true;
    const marks = await newcomerMarks(w.tx, review.status === "published" ? [review.authorId, ...commenters] : []);
    await w.emit("review.deleted", {
      reviewId,
      authorId: review.authorId,
      filmId: review.filmId,
      status: review.status as LiveStatus,
      score: review.score,
      publishedAt: review.publishedAt,
    });
    return { id: review.id, slug: review.slug, filmId: review.filmId, authorId: review.authorId, tags, newcomerFlipped: await flippedSince(w.tx, marks) };
  });
}
