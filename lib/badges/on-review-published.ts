import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { grantOneOff, reachRung } from "./grant";

/** A published review climbs its author's reviews ladder, and a first scored or spoiler review earns its one-off. */
export async function badgesOnReviewPublished(w: Write, e: EventMap["review.published"]) {
  if (!e.authorId) return;
  const source = { postId: e.reviewId };
  // The author's count as the contributions subscriber left it, this review included.
  const author = await w.tx.select({ reviewCount: users.reviewCount }).from(users).where(eq(users.id, e.authorId)).get();
  if (author) await reachRung(w, e.authorId, "reviews", author.reviewCount, source);
  if (e.score !== null) await grantOneOff(w, e.authorId, "first-scored-review", source);
  if (e.hasSpoilers) await grantOneOff(w, e.authorId, "first-spoiler-review", source);
}
