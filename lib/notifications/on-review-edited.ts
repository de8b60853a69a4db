import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { notifyMentions } from "./notify";

/** After publishing, only the names an edit adds hear of the review (a draft's edits tell no one). */
export async function notificationsOnReviewEdited(w: Write, e: EventMap["review.edited"]) {
  if (e.status !== "published") return;
  await notifyMentions(w, e.mentionsAdded, { actorId: e.editorId, reviewId: e.reviewId });
}
