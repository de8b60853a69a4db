import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { ROLES } from "../schema-sqlite/users";
import { bytes, instant } from "./columns";

export { ROLES, type Role } from "../schema-sqlite/users";

export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    // Uniqueness compares `usernameKey` (and the lower-cased email), as on SQLite: no citext, no collation.
    username: text("username").notNull(),
    usernameKey: text("username_key").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    emailVerified: instant("email_verified"),
    image: text("image"),
    passwordHash: text("password_hash"),
    bio: text("bio").notNull().default(""),
    role: text("role", { enum: ROLES }).notNull().default("member"),
    suspendedAt: instant("suspended_at"),
    sessionVersion: integer("session_version").notNull().default(0),
    upvotesReceived: integer("upvotes_received").notNull().default(0),
    reviewCount: integer("review_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    isNew: boolean("is_new").notNull().default(true),
    badgePoints: integer("badge_points").notNull().default(0),
    repliesReceived: integer("replies_received").notNull().default(0),
    // Every view of every review this person wrote: the one member counter that could pass 2^31.
    viewsReceived: bigint("views_received", { mode: "number" }).notNull().default(0),
    pointsReachedAt: instant("points_reached_at"),
    upvotesReachedAt: instant("upvotes_reached_at"),
    reviewsReachedAt: instant("reviews_reached_at"),
    isSystem: boolean("is_system").notNull().default(false),
    badgeAnnouncements: boolean("badge_announcements").notNull().default(true),
    notifyReviewReplies: boolean("notify_review_replies").notNull().default(true),
    notifyCommentReplies: boolean("notify_comment_replies").notNull().default(true),
    notifyMentions: boolean("notify_mentions").notNull().default(true),
    notifyMilestones: boolean("notify_milestones").notNull().default(true),
    notifyBadges: boolean("notify_badges").notNull().default(true),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_username_key_unique").on(t.usernameKey),
    uniqueIndex("users_email_unique").on(t.email),
    index("users_created_at_idx").on(t.createdAt),
    index("users_new_idx").on(t.isNew, t.createdAt),
    index("users_rank_points_idx").on(t.badgePoints, t.pointsReachedAt),
    index("users_rank_upvotes_idx").on(t.upvotesReceived, t.upvotesReachedAt),
    index("users_rank_reviews_idx").on(t.reviewCount, t.reviewsReachedAt),
    check("users_role_check", sql`${t.role} in ('member', 'moderator', 'admin')`),
    check("users_email_lower_check", sql`${t.email} is null or ${t.email} = lower(${t.email})`),
  ],
);

export type UserRow = typeof users.$inferSelect;

export const avatarFiles = pgTable(
  "avatar_files",
  {
    name: text("name").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    bytes: bytes("bytes").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("avatar_files_user_id_unique").on(t.userId)],
);
