import { and, eq, isNull, sql } from "drizzle-orm";
import { comments } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { adjustContributions } from "./newcomer";

/** A deleted published review, and the live comments under it, no longer count as anyone's contributions. */
export async function usersOnReviewDeleted(w: Write, e: EventMap["review.deleted"]) {
  if (e.status !== "published") return;
  await adjustContributions(w, e.authorId, { reviews: -1 });
  const commenters = await w.tx
    .select({ id: comments.authorId, n: sql<number>`count(*)` })
    .from(comments)
    .where(and(eq(comments.reviewId, e.reviewId), isNull(comments.deletedAt)))
    .groupBy(comments.authorId);
  for (const { id, n } of commenters) if (id) await adjustContributions(w, id, { comments: -n });
}
