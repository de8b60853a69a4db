import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { bumpMonth } from "./standings";

/** The month a review is published in counts it in its author's standing; the Ranking shows reviews published. */
export async function rankingsOnReviewPublished(w: Write, e: EventMap["review.published"]) {
  w.changes.ranking = true;
  if (e.authorId) await bumpMonth(w, e.authorId, w.now, { reviews: 1 });
}
