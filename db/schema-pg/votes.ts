import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { instant } from "./columns";
import { comments } from "./comments";
import { reviews } from "./reviews";
import { users } from "./users";

export const reviewVotes = pgTable(
  "post_votes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reviewId: integer("post_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.reviewId] }), index("post_votes_post_idx").on(t.reviewId, t.createdAt)],
);

export const commentVotes = pgTable(
  "comment_votes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    reviewId: integer("post_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.commentId] }),
    index("comment_votes_comment_idx").on(t.commentId, t.createdAt),
    index("comment_votes_user_post_idx").on(t.userId, t.reviewId),
  ],
);

export const rateWindows = pgTable("rate_windows", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStartedAt: instant("window_started_at").notNull(),
});
