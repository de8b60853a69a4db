import { and, eq, sql } from "drizzle-orm";
import { preparedOn, type Conn } from "@/db";
import { badges, userBadges, users } from "@/db/schema";
import { bumpMonth } from "@/lib/rankings/standings";
import type { Write } from "@/lib/write";
import { BADGE_BY_SLUG, rungAt, type LadderKey, type OneOffSlug } from "./catalog";
import { first, affected } from "@/db/query";
import { greatest } from "@/db/sql";

export type Earned = { userId: string; slug: string; reviewId: number | null; commentId: number | null };
export type Source = { reviewId?: number | null; commentId?: number | null };
export type GrantOptions = {
  /** No notice (an old grant found by the backfill). */
  silent?: boolean;
  /** When it was earned, if not now (the backfill dates a grant by the event that earned it). */
  at?: Date;
};

/**
 * Grants a badge inside the transaction of the write that earned it: once per member and badge
 * (the primary key decides, so two writes crossing the same threshold grant it once), with its
 * points, its holder count and the month's standing; then `badge.granted` (whose subscriber sends
 * the notice naming the next target, unless `silent`). Returns what was granted, or null when the
 * member already held it.
 */
export async function grantBadge(w: Write, userId: string, slug: string, source: Source, opts: GrantOptions = {}): Promise<Earned | null> {
  const badge = BADGE_BY_SLUG.get(slug);
  if (!badge) throw new Error(`No badge "${slug}" in the catalog.`);
  const at = opts.at ?? w.now;
  const reviewId = source.reviewId ?? null;
  const commentId = source.commentId ?? null;
  const inserted = affected(await w.tx.insert(userBadges).values({ userId, badgeSlug: slug, grantedAt: at, reviewId, commentId }).onConflictDoNothing());
  if (!inserted) return null;
  await w.tx.update(badges).set({ holderCount: sql`${badges.holderCount} + 1` }).where(eq(badges.slug, slug));
  // Points are reached at the latest grant, whatever order grants are written in (the backfill's are out of order).
  const moment = sql.param(at, users.pointsReachedAt);
  await w.tx
    .update(users)
    .set({ badgePoints: sql`${users.badgePoints} + ${badge.points}`, pointsReachedAt: greatest(sql`coalesce(${users.pointsReachedAt}, ${moment})`, moment) })
    .where(eq(users.id, userId));
  await bumpMonth(w, userId, at, { points: badge.points });
  const earned: Earned = { userId, slug, reviewId, commentId };
  w.earned.push(earned);
  // The badge's page and the catalog's counts, the holder's board and profile, the Ranking's points.
  w.changes.badges.add(slug);
  w.changes.members.add(userId);
  w.changes.ranking = true;
  await w.emit("badge.granted", { earned, at, silent: opts.silent ?? false });
  return earned;
}

/**
 * A ladder's counter just became `value` (counters move one at a time): grants the rung at
 * exactly that value, if there is one. Costs nothing between rungs.
 */
export async function reachRung(w: Write, userId: string | null, ladder: LadderKey, value: number, source: Source): Promise<Earned | null> {
  const slug = rungAt(ladder, value);
  if (!userId || !slug) return null;
  if (await isSystemAccount(w, userId)) return null;
  return grantBadge(w, userId, slug, source);
}

export async function grantOneOff(w: Write, userId: string | null, slug: OneOffSlug, source: Source): Promise<Earned | null> {
  if (!userId || (await isSystemAccount(w, userId))) return null;
  return grantBadge(w, userId, slug, source);
}

const p = sql.placeholder;
const bump = (counter: "repliesReceived" | "viewsReceived") => (c: Conn) =>
  c
    .update(users)
    .set({ [counter]: sql`${users[counter]} + ${p("delta")}` })
    .where(eq(users.id, p("id")))
    .returning({ value: users[counter] })
    .prepare();
// A reply and a view each move one: prepared once per connection (see preparedOn).
const BUMP = { repliesReceived: bump("repliesReceived"), viewsReceived: bump("viewsReceived") };

async function isSystemAccount(w: Write, userId: string): Promise<boolean> {
  return !!(await first(w.tx.select({ s: users.isSystem }).from(users).where(and(eq(users.id, userId), eq(users.isSystem, true)))));
}

/** Adds `delta` to a member's counter and returns the new value (for reachRung), or null when there is no such member. */
export async function bumpCounter(w: Write, userId: string, counter: "repliesReceived" | "viewsReceived", delta: number): Promise<number | null> {
  const row = await first(preparedOn(w.tx, BUMP[counter]).execute({ delta, id: userId }));
  return row?.value ?? null;
}
