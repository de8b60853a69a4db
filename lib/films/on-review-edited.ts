import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { moveFilmStats } from "./stats";

/** An edit may move a review to another film or change its score: the old film loses what it gave, the new one gains. */
export async function filmOnReviewEdited(w: Write, e: EventMap["review.edited"]) {
  await moveFilmStats(w, e.before, { filmId: e.filmId, status: e.status, score: e.score });
}
