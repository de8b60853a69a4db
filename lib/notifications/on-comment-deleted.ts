import { and, eq, inArray } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";

/** Notices of a reply or mention that is gone would lead nowhere: they go with it (badge notices stay). */
export async function notificationsOnCommentDeleted(w: Write, e: EventMap["comment.deleted"]) {
  await w.tx
    .delete(notifications)
    .where(and(eq(notifications.commentId, e.commentId), inArray(notifications.kind, ["review_reply", "comment_reply", "mention"])));
}
