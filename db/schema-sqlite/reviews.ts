import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { films } from "./films";
import { users } from "./users";

export const REVIEW_STATUSES = ["draft", "published", "hidden", "deleted"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const reviews = sqliteTable(
  "posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Derived from the first title; never changes, so links keep working after a retitle.
    slug: text("slug").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    filmId: integer("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    bodyMd: text("body_md").notNull(),
    // Rendered once at write time by lib/markdown, sanitized; `rendererVersion` says by which version.
    bodyHtml: text("body_html").notNull(),
    rendererVersion: integer("renderer_version").notNull(),
    excerpt: text("excerpt").notNull(),
    score: integer("score"),
    hasSpoilers: integer("has_spoilers", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: REVIEW_STATUSES }).notNull().default("draft"),
    wordCount: integer("word_count").notNull().default(0),
    readingMinutes: integer("reading_minutes").notNull().default(1),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    // The last substantive edit after publishing, and how many comments it had by then.
    editedAt: integer("edited_at", { mode: "timestamp_ms" }),
    editedAfterComments: integer("edited_after_comments"),
    revisionCount: integer("revision_count").notNull().default(1),
    upvoteCount: integer("upvote_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    viewCount: integer("view_count").notNull().default(0),
    // log10(max(upvotes, 1)) + published_epoch_seconds / 45000, computed in TypeScript.
    hotScore: real("hot_score").notNull().default(0),
    // Published while its author was a newcomer with no earlier published review.
    firstReview: integer("first_review", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
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

export const reviewTags = sqliteTable(
  "post_tags",
  {
    reviewId: integer("post_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.tag] }), index("post_tags_tag_idx").on(t.tag, t.reviewId)],
);

export const reviewRevisions = sqliteTable(
  "post_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("post_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    editorId: text("editor_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
    // A full snapshot of every field a reader sees.
    title: text("title").notNull(),
    bodyMd: text("body_md").notNull(),
    score: integer("score"),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    filmId: integer("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "restrict" }),
    hasSpoilers: integer("has_spoilers", { mode: "boolean" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    // Moves forward when a grace edit amends this revision in place.
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  // By editor: the pages showing a member's name are found through it, and deleting a member
  // clears their name from the revisions they made.
  (t) => [uniqueIndex("post_revisions_post_number_unique").on(t.reviewId, t.number), index("post_revisions_editor_idx").on(t.editorId)],
);

export const reviewViews = sqliteTable(
  "post_views",
  {
    reviewId: integer("post_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    // A user id, or a salted hash of address and user agent; never a raw address.
    viewerKey: text("viewer_key").notNull(),
    day: text("day").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.viewerKey, t.day] })],
);

export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewRevisionRow = typeof reviewRevisions.$inferSelect;
