import type { EventMap } from "@/lib/events";
import { bumpCounter } from "@/lib/badges/grant";
import type { Write } from "@/lib/write";
import { adjustContributions } from "./newcomer";

/** A deleted comment no longer counts for its author, nor as a reply received (badges already earned stay). */
export async function usersOnCommentDeleted(w: Write, e: EventMap["comment.deleted"]) {
  await adjustContributions(w, e.authorId, { comments: -1 });
  if (e.repliedToId && e.repliedToId !== e.authorId) {
    await bumpCounter(w, e.repliedToId, "repliesReceived", -1);
    w.changes.members.add(e.repliedToId);
  }
}
