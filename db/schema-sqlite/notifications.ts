import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { comments } from "./comments";
import { reviews } from "./reviews";
import { users } from "./users";

export const NOTIFICATION_KINDS = ["review_reply", "comment_reply", "mention", "milestone", "badge"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

// A notice to one person. It points at what it is about and never copies text, so a notice can
// show no more than its target shows now (and no spoiler: excerpts are spoiler-free).
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    // Who did it; null for milestones and badges, and once that account is deleted.
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    reviewId: integer("post_id").references(() => reviews.id, { onDelete: "cascade" }),
    commentId: integer("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    // What a milestone or badge is about ("r42", "c17", a badge slug): with `amount`, one notice
    // per milestone, however often the count crosses it.
    target: text("target"),
    amount: integer("amount"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("notifications_recipient_idx").on(t.recipientId, t.id),
    index("notifications_unread_idx").on(t.recipientId).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_once_unique").on(t.recipientId, t.kind, t.target, t.amount).where(sql`${t.target} is not null`),
    check("notifications_kind_check", sql`${t.kind} in ('review_reply', 'comment_reply', 'mention', 'milestone', 'badge')`),
  ],
);
