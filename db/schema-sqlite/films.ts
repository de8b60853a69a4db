import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const films = sqliteTable(
  "films",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    // NFKC, case-folded, accents and punctuation dropped: "Amélie" and "amelie" are one film.
    titleKey: text("title_key").notNull(),
    year: integer("year").notNull(),
    director: text("director"),
    country: text("country"),
    // Counters over published reviews, changed in the write that changes a review.
    reviewCount: integer("review_count").notNull().default(0),
    scoreSum: integer("score_sum").notNull().default(0),
    scoreCount: integer("score_count").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex("films_slug_unique").on(t.slug),
    uniqueIndex("films_title_key_year_unique").on(t.titleKey, t.year),
    index("films_title_key_idx").on(t.titleKey),
    check("films_year_check", sql`${t.year} between 1870 and 2100`),
  ],
);

export type FilmRow = typeof films.$inferSelect;
