import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { bytewiseText, instant } from "./columns";

export const films = pgTable(
  "films",
  {
    // SQLite's AUTOINCREMENT: ids are never reused, and an explicit id is still accepted.
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    // Byte order, as on SQLite: film search finds a prefix as a range of keys (lib/films/queries.ts).
    titleKey: bytewiseText("title_key").notNull(),
    year: integer("year").notNull(),
    director: text("director"),
    country: text("country"),
    reviewCount: integer("review_count").notNull().default(0),
    scoreSum: integer("score_sum").notNull().default(0),
    scoreCount: integer("score_count").notNull().default(0),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("films_slug_unique").on(t.slug),
    uniqueIndex("films_title_key_year_unique").on(t.titleKey, t.year),
    index("films_title_key_idx").on(t.titleKey),
    check("films_year_check", sql`${t.year} between 1870 and 2100`),
  ],
);

export type FilmRow = typeof films.$inferSelect;
