import { eq } from "drizzle-orm";
import { reviews, users } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { countPublishedReview } from "./newcomer";

/**
 * Publishing counts as the author's contribution (their "New" marker may end) and stamps when
 * they last reached a new review count; a newcomer's first review is marked so its page says so.
 */
export async function usersOnReviewPublished(w: Write, e: EventMap["review.published"]) {
  if (!e.authorId) return;
  const counted = await countPublishedReview(w, e.authorId, e.reviewId);
  await w.tx.update(users).set({ reviewsReachedAt: w.now }).where(eq(users.id, e.authorId));
  await w.tx.update(reviews).set({ firstReview: counted.first }).where(eq(reviews.id, e.reviewId));
}
