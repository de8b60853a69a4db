import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { notifyMentions } from "./notify";

/** Everyone a review names hears of it when it is published. */
export async function notificationsOnReviewPublished(w: Write, e: EventMap["review.published"]) {
  await notifyMentions(w, e.mentioned, { actorId: e.actorId, reviewId: e.reviewId });
}
