import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { films } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { foldText, uniqueSlug, urlSlug } from "@/lib/slug";
import type { FilmChoiceInput } from "./schemas";

/** The film a review is about: an existing one, or one created now — reused when the same title and year exist. */
export function resolveFilm(tx: Tx, choice: FilmChoiceInput): number {
  if ("filmId" in choice) {
    const row = tx.select({ id: films.id }).from(films).where(eq(films.id, choice.filmId)).get();
    if (!row) throw invalid("film", "That film is not in Marquee. Choose one from the list or add it.");
    return row.id;
  }
  const titleKey = foldText(choice.newFilm.title);
  const existing = tx
    .select({ id: films.id })
    .from(films)
    .where(and(eq(films.titleKey, titleKey), eq(films.year, choice.newFilm.year)))
    .get();
  if (existing) return existing.id;
  const slug = uniqueSlug(urlSlug(`${choice.newFilm.title} ${choice.newFilm.year}`) || `film-${choice.newFilm.year}`, (s) =>
    !!tx.select({ id: films.id }).from(films).where(eq(films.slug, s)).get(),
  );
  return tx
    .insert(films)
    .values({ slug, title: choice.newFilm.title, titleKey, year: choice.newFilm.year })
    .returning({ id: films.id })
    .get().id;
}

/** Keeps a film's counters equal to its published reviews: called with the change a write makes. */
export function adjustFilmStats(tx: Tx, filmId: number, d: { reviews: number; scoreSum: number; scoreCount: number }) {
  if (d.reviews === 0 && d.scoreSum === 0 && d.scoreCount === 0) return;
  tx.update(films)
    .set({
      reviewCount: sql`${films.reviewCount} + ${d.reviews}`,
      scoreSum: sql`${films.scoreSum} + ${d.scoreSum}`,
      scoreCount: sql`${films.scoreCount} + ${d.scoreCount}`,
    })
    .where(eq(films.id, filmId))
    .run();
}

/** What one review contributes to its film's counters. */
export function filmContribution(post: { status: string; score: number | null }) {
  const counted = post.status === "published";
  return {
    reviews: counted ? 1 : 0,
    scoreSum: counted && post.score !== null ? post.score : 0,
    scoreCount: counted && post.score !== null ? 1 : 0,
  };
}
