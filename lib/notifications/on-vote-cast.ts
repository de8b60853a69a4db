import type { EventMap } from "@/lib/events";
import { voteKey } from "@/lib/votes/key";
import type { Write } from "@/lib/write";
import { isMilestone, notify } from "./notify";

/** The item's author hears of its 1st, 10th, 50th… upvote, once per item and milestone. */
export async function noticeUpvoteMilestone(w: Write, e: EventMap["vote.cast"]) {
  if (!e.up || !isMilestone(e.count)) return;
  await notify(w, {
    recipientId: e.authorId,
    kind: "milestone",
    reviewId: e.reviewId,
    commentId: e.target === "review" ? null : e.itemId,
    target: voteKey(e.target, e.itemId),
    amount: e.count,
  });
}
