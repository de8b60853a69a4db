import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { notify } from "./notify";

/** A badge's notice, naming the next target (the words come from the catalog when the notice is read). */
export async function noticeBadge(w: Write, e: EventMap["badge.granted"]) {
  if (e.silent) return;
  const { earned } = e;
  await notify(w, { recipientId: earned.userId, kind: "badge", target: earned.slug, reviewId: earned.reviewId, commentId: earned.commentId, at: e.at });
}
