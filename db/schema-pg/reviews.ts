import { sql } from "drizzle-orm";
import { bigint, boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { REVIEW_STATUSES } from "../schema-sqlite/reviews";
import { instant } from "./columns";
import { films } from "./films";
import { users } from "./users";

export { REVIEW_STATUSES, type ReviewStatus } from "../schema-sqlite/reviews";

export const reviews = pgTable(
  "posts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    slug: text("slug").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    filmId: integer("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    bodyMd: text("body_md").notNull(),
    bodyHtml: text("body_html").notNull(),
    rendererVersion: integer("renderer_version").notNull(),
    excerpt: text("excerpt").notNull(),
    score: integer("score"),
    hasSpoilers: boolean("has_spoilers").notNull().default(false),
    status: text("status", { enum: REVIEW_STATUSES }).notNull().default("draft"),
    wordCount: integer("word_count").notNull().default(0),
    readingMinutes: integer("reading_minutes").notNull().default(1),
    publishedAt: instant("published_at"),
    editedAt: instant("edited_at"),
    editedAfterComments: integer("edited_after_comments"),
    revisionCount: integer("revision_count").notNull().default(1),
    upvoteCount: integer("upvote_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    // Views are counted once per reader a day, without end: the one review counter that could pass 2^31.
    viewCount: bigint("view_count", { mode: "number" }).notNull().default(0),
    hotScore: doublePrecision("hot_score").notNull().default(0),
    firstReview: boolean("first_review").notNull().default(false),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("posts_slug_unique").on(t.slug),
    index("posts_status_hot_idx").on(t.status, t.hotScore, t.id),
    index("posts_status_published_idx").on(t.status, t.publishedAt, t.id),
    index("posts_status_upvotes_idx").on(t.status, t.upvoteCount, t.id),
    index("posts_film_idx").on(t.filmId, t.status, t.publishedAt),
    index("posts_author_idx").on(t.authorId, t.status, t.updatedAt),
    check("posts_score_check", sql`${t.score} is null or ${t.score} between 1 and 10`),
    check("posts_status_check", sql`${t.status} in ('draft', 'published', 'hidden', 'deleted')`),
  ],
);

export const reviewTags = pgTable(
  "post_tags",
  {
    reviewId: integer("post_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.tag] }), index("post_tags_tag_idx").on(t.tag, t.reviewId)],
);

export const reviewRevisions = pgTable(
  "post_revisions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    reviewId: integer("post_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    editorId: text("editor_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
    title: text("title").notNull(),
    bodyMd: text("body_md").notNull(),
    score: integer("score"),
    tags: jsonb("tags").$type<string[]>().notNull(),
    filmId: integer("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "restrict" }),
    hasSpoilers: boolean("has_spoilers").notNull(),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [uniqueIndex("post_revisions_post_number_unique").on(t.reviewId, t.number), index("post_revisions_editor_idx").on(t.editorId)],
);

export const reviewViews = pgTable(
  "post_views",
  {
    reviewId: integer("post_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    viewerKey: text("viewer_key").notNull(),
    day: text("day").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.viewerKey, t.day] })],
);

export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewRevisionRow = typeof reviewRevisions.$inferSelect;
