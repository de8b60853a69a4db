import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { bumpMonth, grantOneOff, reachRung, type Earned } from "@/lib/badges/grant";
import { countPublishedReview } from "@/lib/users/newcomer";

/**
 * What publishing a review does to its author, inside the publishing transaction: it counts
 * (newcomer marker, reviews ladder, this month's standing) and may earn one-off badges. `first`
 * says whether it is a newcomer's first review.
 */
export function onReviewPublished(tx: Tx, authorId: string, post: { id: number | null; score: number | null; hasSpoilers: boolean }, now: Date) {
  const counted = countPublishedReview(tx, authorId, post.id, now);
  tx.update(users).set({ reviewsReachedAt: now }).where(eq(users.id, authorId)).run();
  bumpMonth(tx, authorId, now, { reviews: 1 });
  return { first: counted.first, flipped: counted.flipped, reviewCount: counted.reviewCount };
}

/** The badges a just-published review earned (once its id is known). */
export function publishedBadges(tx: Tx, authorId: string, post: { id: number; score: number | null; hasSpoilers: boolean }, reviewCount: number, now: Date): Earned[] {
  const source = { postId: post.id };
  return [
    reachRung(tx, authorId, "reviews", reviewCount, source, now),
    post.score !== null ? grantOneOff(tx, authorId, "first-scored-review", source, now) : null,
    post.hasSpoilers ? grantOneOff(tx, authorId, "first-spoiler-review", source, now) : null,
  ].filter((e): e is Earned => e !== null);
}
