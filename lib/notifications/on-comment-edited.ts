import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { notifyMentions } from "./notify";

/** Members a comment's edit newly mentions hear of it (notifyMentions never tells anyone twice about one comment). */
export async function notificationsOnCommentEdited(w: Write, e: EventMap["comment.edited"]) {
  await notifyMentions(w, e.addedMentions, { actorId: e.editorId, reviewId: e.reviewId, commentId: e.commentId });
}
