import { asc, eq } from "drizzle-orm";
import type { DB } from "@/db";
import { badges, reviews, userBadges, users } from "@/db/schema";
import { BADGES, LADDER_SPECS, LADDERS, ladderSlug, type Badge, type LadderKey } from "./catalog";
import { first } from "@/db/query";

export const HOLDERS_PAGE_SIZE = 50;

export type HeldBadge = { slug: string; grantedAt: Date; reviewSlug: string | null; reviewTitle: string | null; commentId: number | null };

type LadderProgress = {
  key: LadderKey;
  title: string;
  value: number;
  /** The next rung, or null when the ladder is complete. */
  target: number | null;
  /** 0–100: value / next rung (100 when the ladder is complete). */
  percent: number;
  progress: string;
  rungs: { badge: Badge; held: HeldBadge | null }[];
};

/** A member's badge board: what they hold (with dates and the item that earned it) and every ladder's progress. */
export async function getBoard(db: DB, userId: string) {
  const u = await first(db
    .select({
      upvotes: users.upvotesReceived,
      reviews: users.reviewCount,
      comments: users.commentCount,
      replies: users.repliesReceived,
      views: users.viewsReceived,
      points: users.badgePoints,
    })
    .from(users)
    .where(eq(users.id, userId)));
  if (!u) return null;
  const rows = await db
    .select({ slug: userBadges.badgeSlug, grantedAt: userBadges.grantedAt, reviewSlug: reviews.slug, reviewTitle: reviews.title, reviewStatus: reviews.status, commentId: userBadges.commentId })
    .from(userBadges)
    .leftJoin(reviews, eq(reviews.id, userBadges.reviewId))
    .where(eq(userBadges.userId, userId))
    // Badges earned at the same moment in one order on either dialect (the sort below keeps it).
    .orderBy(asc(userBadges.badgeSlug));
  const held = new Map<string, HeldBadge>(
    rows.map((r) => {
      const shown = r.reviewStatus === "published";
      return [r.slug, { slug: r.slug, grantedAt: r.grantedAt, reviewSlug: shown ? r.reviewSlug : null, reviewTitle: shown ? r.reviewTitle : null, commentId: shown ? r.commentId : null }];
    }),
  );
  const ladders: LadderProgress[] = LADDERS.map((key) => {
    const spec = LADDER_SPECS[key];
    const value = u[key];
    const next = spec.rungs.find(([t]) => t > value)?.[0] ?? null;
    return {
      key,
      title: spec.title,
      value,
      target: next,
      percent: next === null ? 100 : Math.max(0, Math.min(100, Math.floor((value / next) * 100))),
      progress: spec.progress(value),
      rungs: spec.rungs.map(([t]) => ({ badge: BADGES.find((b) => b.slug === ladderSlug(key, t))!, held: held.get(ladderSlug(key, t)) ?? null })),
    };
  });
  const oneOffs = BADGES.filter((b) => !b.ladder).map((badge) => ({ badge, held: held.get(badge.slug) ?? null }));
  const earned = [...held.values()].sort((a, b) => b.grantedAt.getTime() - a.grantedAt.getTime());
  return { points: u.points, earned, ladders, oneOffs };
}
export type Board = NonNullable<Awaited<ReturnType<typeof getBoard>>>;

/** Every badge in catalog order with how many hold it. */
export async function listCatalog(db: DB) {
  const counts = new Map((await db.select({ slug: badges.slug, n: badges.holderCount }).from(badges)).map((r) => [r.slug, r.n]));
  return BADGES.map((b) => ({ ...b, holders: counts.get(b.slug) ?? 0 }));
}

/** A badge's holders, first to earn it first, one page (numbered from 1). */
export async function listHolders(db: DB, slug: string, page: number) {
  const total = (await first(db.select({ n: badges.holderCount }).from(badges).where(eq(badges.slug, slug))))?.n ?? 0;
  const holders = await db
    .select({ username: users.username, name: users.name, image: users.image, isNew: users.isNew, grantedAt: userBadges.grantedAt })
    .from(userBadges)
    .innerJoin(users, eq(users.id, userBadges.userId))
    .where(eq(userBadges.badgeSlug, slug))
    .orderBy(asc(userBadges.grantedAt), asc(users.id))
    .limit(HOLDERS_PAGE_SIZE)
    .offset((page - 1) * HOLDERS_PAGE_SIZE);
  return { total, holders };
}
