import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { grantOneOff } from "./grant";

/**
 * Editing what one published (not a draft, not someone else's) earns "Second thoughts"; a score or
 * spoiler flag added later earns what it would have on publishing.
 */
export async function badgesOnReviewEdited(w: Write, e: EventMap["review.edited"]) {
  if (!e.wasPublished || !e.authorId) return;
  const source = { postId: e.reviewId };
  if (e.authorId === e.editorId) await grantOneOff(w, e.editorId, "first-edit", source);
  if (e.score !== null) await grantOneOff(w, e.authorId, "first-scored-review", source);
  if (e.hasSpoilers) await grantOneOff(w, e.authorId, "first-spoiler-review", source);
}
