import { z } from "zod";
import { shortText } from "@/lib/text";

const CURRENT_YEAR = new Date().getUTCFullYear();

export const NewFilmInput = z.object({
  title: z
    .string({ error: "Name the film." })
    .pipe(shortText({ what: "A film title", max: 200, tooLong: "A film title has at most 200 characters." }))
    .pipe(z.string().min(1, "Name the film.")),
  year: z.coerce
    .number({ error: "Give the film's year, like 1949." })
    .int("Give the film's year, like 1949.")
    .min(1870, "Films start in the 1870s.")
    .max(CURRENT_YEAR + 5, `Give a year up to ${CURRENT_YEAR + 5}.`),
});
export type NewFilmInput = z.infer<typeof NewFilmInput>;

/** Either an existing film's id, or a new film by title and year. */
export const FilmChoiceInput = z.union([
  z.object({ filmId: z.coerce.number().int().positive() }),
  z.object({ newFilm: NewFilmInput }),
]);
export type FilmChoiceInput = z.infer<typeof FilmChoiceInput>;
