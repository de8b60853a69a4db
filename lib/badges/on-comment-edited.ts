import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { grantOneOff } from "./grant";
import { isOwnEditOfPublished } from "./rules";

/** Editing one's own comment earns "Second thoughts" (a moderator's edit earns the author nothing). */
export async function badgesOnCommentEdited(w: Write, e: EventMap["comment.edited"]) {
  // A comment is published when posted: there are no draft comments.
  if (isOwnEditOfPublished({ ...e, wasPublished: true })) await grantOneOff(w, e.editorId, "first-edit", { reviewId: e.reviewId, commentId: e.commentId });
}
