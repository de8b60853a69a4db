import { sql } from "drizzle-orm";
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const ROLES = ["member", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    // As the person typed it (after NFKC); `usernameKey` is what uniqueness compares.
    username: text("username").notNull(),
    usernameKey: text("username_key").notNull(),
    // Auth.js calls the display name `name`.
    name: text("name").notNull(),
    // Stored lower-cased, so the unique index compares case-insensitively.
    email: text("email"),
    emailVerified: integer("email_verified", { mode: "timestamp_ms" }),
    image: text("image"),
    passwordHash: text("password_hash"),
    bio: text("bio").notNull().default(""),
    role: text("role", { enum: ROLES }).notNull().default("member"),
    suspendedAt: integer("suspended_at", { mode: "timestamp_ms" }),
    // Bumped to end every session at once (password change, suspension, sign-out everywhere).
    sessionVersion: integer("session_version").notNull().default(0),
    // Upvotes on everything this person wrote, kept in the transaction of each vote.
    upvotesReceived: integer("upvotes_received").notNull().default(0),
    // Published reviews, and comments not deleted on published reviews: what the profile counts
    // and the newcomer rule reads. Kept by each verb that changes them; `npm run recount` checks.
    reviewCount: integer("review_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    // The "New" marker as last rendered: kept by the verbs above and by the sweep that ends a
    // newcomer's first week, so a flip is the moment to expire the pages that show the name.
    isNew: integer("is_new", { mode: "boolean" }).notNull().default(true),
    // Badges: points (bronze 1, silver 3, gold 10) and the ladders' counters beside the ones above.
    badgePoints: integer("badge_points").notNull().default(0),
    repliesReceived: integer("replies_received").notNull().default(0),
    viewsReceived: integer("views_received").notNull().default(0),
    // When each ranked value was reached, so ties go to who got there first.
    pointsReachedAt: integer("points_reached_at", { mode: "timestamp_ms" }),
    upvotesReachedAt: integer("upvotes_reached_at", { mode: "timestamp_ms" }),
    reviewsReachedAt: integer("reviews_reached_at", { mode: "timestamp_ms" }),
    // The account that posts badge announcements; never ranked, never signs in.
    isSystem: integer("is_system", { mode: "boolean" }).notNull().default(false),
    // Badge announcements under one's reviews (off by a reply of "STOP" or in settings).
    badgeAnnouncements: integer("badge_announcements", { mode: "boolean" }).notNull().default(true),
    // Which notices this person wants (settings → Notifications).
    notifyReviewReplies: integer("notify_review_replies", { mode: "boolean" }).notNull().default(true),
    notifyCommentReplies: integer("notify_comment_replies", { mode: "boolean" }).notNull().default(true),
    notifyMentions: integer("notify_mentions", { mode: "boolean" }).notNull().default(true),
    notifyMilestones: integer("notify_milestones", { mode: "boolean" }).notNull().default(true),
    notifyBadges: integer("notify_badges", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
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

/**
 * Uploaded avatars, kept in the database so that every app process on every host serves the same
 * bytes. `name` is the server-chosen file name the avatar's URL ends with (`/avatars/<name>`, as
 * `users.image` holds it); a member has at most one, replaced by each upload and gone with them.
 */
export const avatarFiles = sqliteTable(
  "avatar_files",
  {
    name: text("name").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    bytes: blob("bytes", { mode: "buffer" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex("avatar_files_user_id_unique").on(t.userId)],
);
