import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { NOTIFICATION_KINDS } from "../schema-sqlite/notifications";
import { instant } from "./columns";
import { comments } from "./comments";
import { reviews } from "./reviews";
import { users } from "./users";

export { NOTIFICATION_KINDS, type NotificationKind } from "../schema-sqlite/notifications";

export const notifications = pgTable(
  "notifications",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    reviewId: integer("post_id").references(() => reviews.id, { onDelete: "cascade" }),
    commentId: integer("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    target: text("target"),
    amount: integer("amount"),
    createdAt: instant("created_at").notNull(),
    readAt: instant("read_at"),
  },
  (t) => [
    index("notifications_recipient_idx").on(t.recipientId, t.id),
    index("notifications_unread_idx").on(t.recipientId).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_once_unique").on(t.recipientId, t.kind, t.target, t.amount).where(sql`${t.target} is not null`),
    check("notifications_kind_check", sql`${t.kind} in ('review_reply', 'comment_reply', 'mention', 'milestone', 'badge')`),
  ],
);
