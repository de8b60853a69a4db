import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { comments } from "./comments";
import { reviews } from "./reviews";
import { users } from "./users";

// Upvotes only: one row per person and item, so the primary key is the one-vote rule.
export const reviewVotes = sqliteTable(
  "post_votes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reviewId: integer("post_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.reviewId] }), index("post_votes_post_idx").on(t.reviewId, t.createdAt)],
);

export const commentVotes = sqliteTable(
  "comment_votes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    // The comment's review, so one query finds a reader's votes on a whole thread.
    reviewId: integer("post_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.commentId] }),
    index("comment_votes_comment_idx").on(t.commentId, t.createdAt),
    index("comment_votes_user_post_idx").on(t.userId, t.reviewId),
  ],
);

// Fixed-window counters of the one limiter (lib/rate-limit.ts): `vote:minute:<user id>`, `signup:hour:<hash>`, sign-in `pair:<hash>`, …
export const rateWindows = sqliteTable("rate_windows", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
});
