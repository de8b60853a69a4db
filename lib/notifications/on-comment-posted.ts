import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { notify, notifyMentions } from "./notify";

/** The author replied to hears of it, then everyone it mentions (a member told of the reply is not told twice). */
export async function notificationsOnCommentPosted(w: Write, e: EventMap["comment.posted"]) {
  const at = { actorId: e.authorId, reviewId: e.reviewId, commentId: e.commentId };
  const told = await notify(w, { recipientId: e.repliedToId, kind: e.parentId !== null ? "comment_reply" : "review_reply", ...at });
  await notifyMentions(w, e.mentioned, { ...at, skip: told ? [e.repliedToId] : [] });
}
