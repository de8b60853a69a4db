import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { grantOneOff } from "./grant";
import { isOwnEditOfPublished, reviewOneOffs } from "./rules";

/**
 * Editing what one published (not a draft, not someone else's) earns "Second thoughts"; a score or
 * spoiler flag added later earns what it would have on publishing.
 */
export async function badgesOnReviewEdited(w: Write, e: EventMap["review.edited"]) {
  if (!e.wasPublished || !e.authorId) return;
  const source = { reviewId: e.reviewId };
  if (isOwnEditOfPublished(e)) await grantOneOff(w, e.editorId, "first-edit", source);
  for (const slug of reviewOneOffs(e)) await grantOneOff(w, e.authorId, slug, source);
}
