import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { comments } from "./comments";
import { reviews } from "./reviews";
import { users } from "./users";

// A copy of the catalog in lib/badges/catalog.ts, synced on start, with how many hold each.
export const badges = sqliteTable(
  "badges",
  {
    slug: text("slug").primaryKey(),
    name: text("name").notNull(),
    rule: text("rule").notNull(),
    tier: text("tier", { enum: ["bronze", "silver", "gold"] }).notNull(),
    points: integer("points").notNull(),
    ladder: text("ladder"),
    threshold: integer("threshold"),
    position: integer("position").notNull(),
    holderCount: integer("holder_count").notNull().default(0),
  },
  (t) => [check("badges_tier_check", sql`${t.tier} in ('bronze', 'silver', 'gold')`)],
);

// Who holds what: the primary key is the exactly-once rule. Never revoked.
export const userBadges = sqliteTable(
  "user_badges",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    badgeSlug: text("badge_slug")
      .notNull()
      .references(() => badges.slug, { onDelete: "cascade" }),
    grantedAt: integer("granted_at", { mode: "timestamp_ms" }).notNull(),
    // The review or comment whose upvote, publication, reply or edit crossed the threshold.
    reviewId: integer("post_id").references(() => reviews.id, { onDelete: "set null" }),
    commentId: integer("comment_id").references(() => comments.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.badgeSlug] }), index("user_badges_badge_idx").on(t.badgeSlug, t.grantedAt)],
);

// Each member's standing in one calendar month (UTC, "2026-11"), for the Ranking's "this month".
// The `*_at` columns say when the value was reached: ties go to who got there first.
export const monthlyScores = sqliteTable(
  "monthly_scores",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    points: integer("points").notNull().default(0),
    pointsAt: integer("points_at", { mode: "timestamp_ms" }),
    upvotes: integer("upvotes").notNull().default(0),
    upvotesAt: integer("upvotes_at", { mode: "timestamp_ms" }),
    reviews: integer("reviews").notNull().default(0),
    reviewsAt: integer("reviews_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.month] }),
    index("monthly_points_idx").on(t.month, t.points, t.pointsAt),
    index("monthly_upvotes_idx").on(t.month, t.upvotes, t.upvotesAt),
    index("monthly_reviews_idx").on(t.month, t.reviews, t.reviewsAt),
  ],
);
