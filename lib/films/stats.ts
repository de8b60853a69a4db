import { eq, sql } from "drizzle-orm";
import { films } from "@/db/schema";
import type { Write } from "@/lib/write";

export type FilmStatsDelta = { reviews: number; scoreSum: number; scoreCount: number };

/** What one review contributes to its film's counters: only a published review counts. */
export function filmContribution(review: { status: string; score: number | null }): FilmStatsDelta {
  const counted = review.status === "published";
  return {
    reviews: counted ? 1 : 0,
    scoreSum: counted && review.score !== null ? review.score : 0,
    scoreCount: counted && review.score !== null ? 1 : 0,
  };
}

const negated = (d: FilmStatsDelta): FilmStatsDelta => ({ reviews: -d.reviews, scoreSum: -d.scoreSum, scoreCount: -d.scoreCount });

/** Keeps a film's counters equal to its published reviews: called with the change a write makes. */
export async function adjustFilmStats(w: Write, filmId: number, d: FilmStatsDelta) {
  if (d.reviews === 0 && d.scoreSum === 0 && d.scoreCount === 0) return;
  await w.tx
    .update(films)
    .set({
      reviewCount: sql`${films.reviewCount} + ${d.reviews}`,
      scoreSum: sql`${films.scoreSum} + ${d.scoreSum}`,
      scoreCount: sql`${films.scoreCount} + ${d.scoreCount}`,
    })
    .where(eq(films.id, filmId));
  w.changes.films.add(filmId);
}

/** A review moved from one state (film, status, score) to another: its old film loses what it gave, the new one gains. */
export async function moveFilmStats(w: Write, from: { filmId: number; status: string; score: number | null } | null, to: { filmId: number; status: string; score: number | null } | null) {
  if (from) await adjustFilmStats(w, from.filmId, negated(filmContribution(from)));
  if (to) await adjustFilmStats(w, to.filmId, filmContribution(to));
}
