import { and, eq, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Tx } from "@/db";
import { badges, monthlyScores, userBadges, users } from "@/db/schema";
import { notify } from "@/lib/notifications/notify";
import { BADGE_BY_SLUG, LADDER_SPECS, ladderSlug, type LadderKey, type OneOffSlug } from "./catalog";

export type Earned = { userId: string; slug: string; postId: number | null; commentId: number | null };
export type Source = { postId?: number | null; commentId?: number | null };

/** "2026-11": the calendar month (UTC) a moment falls in, as the Ranking's "this month" counts it. */
export const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/** Adds to a member's standing in the month of `at` (points, upvotes received, reviews published). */
export function bumpMonth(tx: Tx, userId: string, at: Date, delta: { points?: number; upvotes?: number; reviews?: number }) {
  const month = monthOf(at);
  const p = delta.points ?? 0;
  const u = delta.upvotes ?? 0;
  const r = delta.reviews ?? 0;
  // A rise records when the value was reached (the latest rise, whatever order they are written
  // in, as the backfill does); a fall keeps the earlier moment.
  const when = (d: number) => (d > 0 ? at : null);
  const latest = (col: SQLiteColumn, d: number) => (d > 0 ? sql`max(coalesce(${col}, 0), ${at.getTime()})` : sql`${col}`);
  tx.insert(monthlyScores)
    .values({ userId, month, points: p, pointsAt: when(p), upvotes: u, upvotesAt: when(u), reviews: r, reviewsAt: when(r) })
    .onConflictDoUpdate({
      target: [monthlyScores.userId, monthlyScores.month],
      set: {
        points: sql`${monthlyScores.points} + ${p}`,
        pointsAt: latest(monthlyScores.pointsAt, p),
        upvotes: sql`${monthlyScores.upvotes} + ${u}`,
        upvotesAt: latest(monthlyScores.upvotesAt, u),
        reviews: sql`${monthlyScores.reviews} + ${r}`,
        reviewsAt: latest(monthlyScores.reviewsAt, r),
      },
    })
    .run();
}

/**
 * Grants a badge inside the transaction of the write that earned it: once per member and badge
 * (the primary key decides, so two writes crossing the same threshold grant it once), with its
 * points, its holder count, the month's standing and — unless `silent` — a notice naming the
 * next target. Returns what was granted, or null when the member already held it.
 */
export function grantBadge(tx: Tx, userId: string, slug: string, source: Source, now: Date, opts: { silent?: boolean } = {}): Earned | null {
  const badge = BADGE_BY_SLUG.get(slug);
  if (!badge) throw new Error(`No badge "${slug}" in the catalog.`);
  const inserted = tx
    .insert(userBadges)
    .values({ userId, badgeSlug: slug, grantedAt: now, postId: source.postId ?? null, commentId: source.commentId ?? null })
    .onConflictDoNothing()
    .run().changes;
  if (!inserted) return null;
  tx.update(badges).set({ holderCount: sql`${badges.holderCount} + 1` }).where(eq(badges.slug, slug)).run();
  tx.update(users)
    .set({ badgePoints: sql`${users.badgePoints} + ${badge.points}`, pointsReachedAt: now })
    .where(eq(users.id, userId))
    .run();
  bumpMonth(tx, userId, now, { points: badge.points });
  if (!opts.silent) notify(tx, { recipientId: userId, kind: "badge", target: slug, postId: source.postId ?? null, commentId: source.commentId ?? null }, now);
  return { userId, slug, postId: source.postId ?? null, commentId: source.commentId ?? null };
}

/**
 * A ladder's counter just became `value` (counters move one at a time): grants the rung at
 * exactly that value, if there is one. Costs nothing between rungs.
 */
export function reachRung(tx: Tx, userId: string | null, ladder: LadderKey, value: number, source: Source, now: Date): Earned | null {
  if (!userId || !LADDER_SPECS[ladder].rungs.some(([t]) => t === value)) return null;
  if (isSystemAccount(tx, userId)) return null;
  return grantBadge(tx, userId, ladderSlug(ladder, value), source, now);
}

/** Every rung up to `value` that the member lacks (the backfill's way; counters that jump). */
export function climbTo(tx: Tx, userId: string, ladder: LadderKey, value: number, source: Source, now: Date, opts: { silent?: boolean } = {}): Earned[] {
  const out: Earned[] = [];
  for (const [t] of LADDER_SPECS[ladder].rungs) {
    if (t > value) break;
    const g = grantBadge(tx, userId, ladderSlug(ladder, t), source, now, opts);
    if (g) out.push(g);
  }
  return out;
}

export function grantOneOff(tx: Tx, userId: string | null, slug: OneOffSlug, source: Source, now: Date): Earned | null {
  if (!userId || isSystemAccount(tx, userId)) return null;
  return grantBadge(tx, userId, slug, source, now);
}

function isSystemAccount(tx: Tx, userId: string): boolean {
  return !!tx.select({ s: users.isSystem }).from(users).where(and(eq(users.id, userId), eq(users.isSystem, true))).get();
}

/** Adds one to a member's counter and returns the new value (for reachRung). */
export function bumpCounter(tx: Tx, userId: string, column: "repliesReceived" | "viewsReceived", delta: number): number | null {
  const col = users[column];
  const row = tx
    .update(users)
    .set({ [column]: sql`${col} + ${delta}` })
    .where(eq(users.id, userId))
    .returning({ value: col })
    .get();
  return row?.value ?? null;
}
