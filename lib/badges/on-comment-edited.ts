import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { grantOneOff } from "./grant";

/** Editing one's own comment earns "Second thoughts" (a moderator's edit earns the author nothing). */
export async function badgesOnCommentEdited(w: Write, e: EventMap["comment.edited"]) {
  if (e.authorId === e.editorId) await grantOneOff(w, e.editorId, "first-edit", { postId: e.reviewId, commentId: e.commentId });
}
