import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { bumpCounter, reachRung } from "./grant";

/** The author's views received climb the views ladder. */
export async function badgesOnViewCounted(w: Write, e: EventMap["view.counted"]) {
  if (!e.authorId) return;
  const received = await bumpCounter(w, e.authorId, "viewsReceived", 1);
  if (received !== null) await reachRung(w, e.authorId, "views", received, { reviewId: e.reviewId });
}
