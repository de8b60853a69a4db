import { and, eq } from "drizzle-orm";
import { films } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { foldText, uniqueSlugAsync, urlSlug } from "@/lib/slug";
import type { Write } from "@/lib/write";
import type { FilmChoiceInput } from "./schemas";
import { first, one } from "@/db/query";

/** The film a review is about: an existing one, or one created now — reused when the same title and year exist. */
export async function resolveFilm(w: Write, choice: FilmChoiceInput): Promise<number> {
  if ("filmId" in choice) {
    const row = await first(w.tx.select({ id: films.id }).from(films).where(eq(films.id, choice.filmId)));
    if (!row) throw invalid("film", "That film is not in Marquee. Choose one from the list or add it.");
    return row.id;
  }
  const titleKey = foldText(choice.newFilm.title);
  const existing = await first(w.tx
    .select({ id: films.id })
    .from(films)
    .where(and(eq(films.titleKey, titleKey), eq(films.year, choice.newFilm.year))));
  if (existing) return existing.id;
  const slug = await uniqueSlugAsync(urlSlug(`${choice.newFilm.title} ${choice.newFilm.year}`) || `film-${choice.newFilm.year}`, async (s) =>
    !!(await first(w.tx.select({ id: films.id }).from(films).where(eq(films.slug, s)))),
  );
  const id = (await one(w.tx.insert(films).values({ slug, title: choice.newFilm.title, titleKey, year: choice.newFilm.year }).returning({ id: films.id }))).id;
  w.changes.films.add(id);
  return id;
}
