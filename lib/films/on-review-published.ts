import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { adjustFilmStats, filmContribution } from "./stats";

/** A published review counts on its film: one review more, and its score in the average. */
export async function filmOnReviewPublished(w: Write, e: EventMap["review.published"]) {
  await adjustFilmStats(w, e.filmId, filmContribution({ status: "published", score: e.score }));
}
