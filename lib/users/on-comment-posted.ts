import type { EventMap } from "@/lib/events";
import { bumpCounter } from "@/lib/badges/grant";
import type { Write } from "@/lib/write";
import { adjustContributions } from "./newcomer";

/**
 * A comment counts among its author's contributions (which may end their newcomer status), and as
 * a reply received by the member it answers (the review's or the parent comment's author), unless
 * they answered themselves.
 */
export async function usersOnCommentPosted(w: Write, e: EventMap["comment.posted"]) {
  await adjustContributions(w, e.authorId, { comments: 1 });
  if (e.repliedToId && e.repliedToId !== e.authorId) {
    await bumpCounter(w, e.repliedToId, "repliesReceived", 1);
    // Replies received show on their profile and board.
    w.changes.members.add(e.repliedToId);
  }
}
