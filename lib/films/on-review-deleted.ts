import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { moveFilmStats } from "./stats";

/** A deleted review no longer counts on its film. */
export async function filmOnReviewDeleted(w: Write, e: EventMap["review.deleted"]) {
  await moveFilmStats(w, { filmId: e.filmId, status: e.status, score: e.score }, null);
}
