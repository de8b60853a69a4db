import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { DB } from "@/db";
import { films, reviews } from "@/db/schema";
import { first } from "@/db/query";

/** A film's page: its row, the histogram of its published scores, and its average once three are scored. */
export async function getFilmBySlug(db: DB, slug: string) {
  const film = await first(db.select().from(films).where(eq(films.slug, slug)));
  if (!film) return null;
  const histogram = Array.from({ length: 10 }, () => 0);
  const rows = await db
    .select({ score: reviews.score, n: sql<number>`count(*)` })
    .from(reviews)
    .where(and(eq(reviews.filmId, film.id), eq(reviews.status, "published"), sql`${reviews.score} is not null`))
    .groupBy(reviews.score);
  for (const r of rows) if (r.score) histogram[r.score - 1] = r.n;
  return { ...film, histogram, average: film.scoreCount >= 3 ? film.scoreSum / film.scoreCount : null };
}

/** The editor's film suggestions: by title prefix (accents and case ignored), or the most reviewed. */
export async function searchFilms(db: DB, q: string, limit = 10) {
  const key = q.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  if (!key) return await db.select({ id: films.id, title: films.title, year: films.year }).from(films).orderBy(desc(films.reviewCount), asc(films.title), asc(films.id)).limit(limit);
  return await db
    .select({ id: films.id, title: films.title, year: films.year })
    .from(films)
    .where(and(gte(films.titleKey, key), lt(films.titleKey, key + "\uffff")))
    .orderBy(asc(films.titleKey), asc(films.year))
    .limit(limit);
}
