import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { bumpMonth } from "./standings";

/** The month a deleted review was published in counts one review fewer (badges already earned stay). */
export async function rankingsOnReviewDeleted(w: Write, e: EventMap["review.deleted"]) {
  if (e.status !== "published") return;
  w.changes.ranking = true;
  if (e.authorId && e.publishedAt) await bumpMonth(w, e.authorId, e.publishedAt, { reviews: -1 });
}
