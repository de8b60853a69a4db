import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import { bytewiseText, instant } from "./columns";
import { reviews } from "./reviews";
import { users } from "./users";

export const comments = pgTable(
  "comments",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    reviewId: integer("post_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnyPgColumn => comments.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    depth: integer("depth").notNull(),
    path: bytewiseText("path").notNull(),
    bodyMd: text("body_md").notNull(),
    bodyHtml: text("body_html").notNull(),
    rendererVersion: integer("renderer_version").notNull(),
    revisionCount: integer("revision_count").notNull().default(1),
    editedAt: instant("edited_at"),
    announcesBadge: text("announces_badge"),
    deletedAt: instant("deleted_at"),
    upvoteCount: integer("upvote_count").notNull().default(0),
    replyCount: integer("reply_count").notNull().default(0),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("comments_post_path_unique").on(t.reviewId, t.path),
    index("comments_parent_idx").on(t.parentId),
    index("comments_author_created_idx").on(t.authorId, t.createdAt),
    check("comments_depth_check", sql`${t.depth} >= 1`),
  ],
);

export const commentRevisions = pgTable(
  "comment_revisions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    editorId: text("editor_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
    bodyMd: text("body_md").notNull(),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [uniqueIndex("comment_revisions_comment_number_unique").on(t.commentId, t.number), index("comment_revisions_editor_idx").on(t.editorId)],
);

export type CommentRow = typeof comments.$inferSelect;
export type CommentRevisionRow = typeof commentRevisions.$inferSelect;
