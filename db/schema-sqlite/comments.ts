import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { reviews } from "./reviews";
import { users } from "./users";

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("post_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => comments.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    // 1 for a reply to the review, parent's depth + 1 below it.
    depth: integer("depth").notNull(),
    // The ids of the ancestors and the comment itself, each in a fixed-width segment (lib/comments/path.ts):
    // ordering by it returns a whole thread, parents before children, siblings oldest first.
    path: text("path").notNull(),
    bodyMd: text("body_md").notNull(),
    // Rendered once at write time by lib/markdown, sanitized, headings demoted.
    bodyHtml: text("body_html").notNull(),
    rendererVersion: integer("renderer_version").notNull(),
    revisionCount: integer("revision_count").notNull().default(1),
    // The last substantive edit; grace edits leave it alone.
    editedAt: integer("edited_at", { mode: "timestamp_ms" }),
    // Set on a badge announcement (the badge's slug): a reply of "STOP" to it by the review's
    // author turns announcements off.
    announcesBadge: text("announces_badge"),
    // A deleted comment with replies still shows as "[deleted]"; one without disappears.
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    upvoteCount: integer("upvote_count").notNull().default(0),
    // Live (not deleted) direct replies.
    replyCount: integer("reply_count").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("comments_post_path_unique").on(t.reviewId, t.path),
    index("comments_parent_idx").on(t.parentId),
    index("comments_author_created_idx").on(t.authorId, t.createdAt),
    check("comments_depth_check", sql`${t.depth} >= 1`),
  ],
);

export const commentRevisions = sqliteTable(
  "comment_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    editorId: text("editor_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
    bodyMd: text("body_md").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    // Moves forward when a grace edit amends this revision in place.
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("comment_revisions_comment_number_unique").on(t.commentId, t.number), index("comment_revisions_editor_idx").on(t.editorId)],
);

export type CommentRow = typeof comments.$inferSelect;
export type CommentRevisionRow = typeof commentRevisions.$inferSelect;
