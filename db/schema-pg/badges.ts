import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { instant } from "./columns";
import { comments } from "./comments";
import { reviews } from "./reviews";
import { users } from "./users";

export const badges = pgTable(
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

export const userBadges = pgTable(
  "user_badges",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    badgeSlug: text("badge_slug")
      .notNull()
      .references(() => badges.slug, { onDelete: "cascade" }),
    grantedAt: instant("granted_at").notNull(),
    reviewId: integer("post_id").references(() => reviews.id, { onDelete: "set null" }),
    commentId: integer("comment_id").references(() => comments.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.badgeSlug] }), index("user_badges_badge_idx").on(t.badgeSlug, t.grantedAt)],
);

export const monthlyScores = pgTable(
  "monthly_scores",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    points: integer("points").notNull().default(0),
    pointsAt: instant("points_at"),
    upvotes: integer("upvotes").notNull().default(0),
    upvotesAt: instant("upvotes_at"),
    reviews: integer("reviews").notNull().default(0),
    reviewsAt: instant("reviews_at"),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.month] }),
    index("monthly_points_idx").on(t.month, t.points, t.pointsAt),
    index("monthly_upvotes_idx").on(t.month, t.upvotes, t.upvotesAt),
    index("monthly_reviews_idx").on(t.month, t.reviews, t.reviewsAt),
  ],
);
