import { and, eq, inArray } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";

/** Notices about a deleted review lead nowhere: they go. Badge notices stay (they lead to the board). */
export async function notificationsOnReviewDeleted(w: Write, e: EventMap["review.deleted"]) {
  await w.tx
    .delete(notifications)
    .where(and(eq(notifications.reviewId, e.reviewId), inArray(notifications.kind, ["review_reply", "comment_reply", "mention", "milestone"])));
}
