import { and, eq, lte, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db";
import { users } from "@/db/schema";

// Newcomers: accounts younger than 7 days or with fewer than 3 published contributions.
export const NEWCOMER_DAYS = 7;
export const NEWCOMER_CONTRIBUTIONS = 3;
const WEEK_MS = NEWCOMER_DAYS * 86_400_000;

export type Contributions = { createdAt: Date; reviewCount: number; commentCount: number };

export function isYoungAccount(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < WEEK_MS;
}

export function isNewcomerRow(u: Contributions, now: Date): boolean {
  return isYoungAccount(u.createdAt, now) || u.reviewCount + u.commentCount < NEWCOMER_CONTRIBUTIONS;
}

/** Whether a member counts as a newcomer right now (slower limits, the "New" marker). */
export function isNewcomer(db: DB | Tx, user: { id: string }, now: Date): boolean {
  const row = db
    .select({ createdAt: users.createdAt, reviewCount: users.reviewCount, commentCount: users.commentCount })
    .from(users)
    .where(eq(users.id, user.id))
    .get();
  return !row || isNewcomerRow(row, now);
}

export type ContributionChange = { flipped: boolean; reviewCount: number; commentCount: number };
const NO_CHANGE: ContributionChange = { flipped: false, reviewCount: 0, commentCount: 0 };

/**
 * Adds to a member's published reviews and comments, inside the verb's transaction, and brings
 * their "New" marker up to date. `flipped` when the marker flipped: the pages that show their
 * name then need rendering afresh (lib/users/presence.ts). Also returns the new counts.
 */
export function adjustContributions(tx: Tx, userId: string | null, delta: { reviews?: number; comments?: number }, now: Date): ContributionChange {
  if (!userId) return NO_CHANGE;
  const row = tx
    .update(users)
    .set({
      reviewCount: sql`${users.reviewCount} + ${delta.reviews ?? 0}`,
      commentCount: sql`${users.commentCount} + ${delta.comments ?? 0}`,
    })
    .where(eq(users.id, userId))
    .returning({ createdAt: users.createdAt, reviewCount: users.reviewCount, commentCount: users.commentCount, isNew: users.isNew })
    .get();
  if (!row) return NO_CHANGE;
  const counts = { reviewCount: row.reviewCount, commentCount: row.commentCount };
  const isNew = isNewcomerRow(row, now);
  if (isNew === row.isNew) return { flipped: false, ...counts };
  tx.update(users).set({ isNew }).where(eq(users.id, userId)).run();
  return { flipped: true, ...counts };
}

/**
 * Ends the first week: members marked new whose account is now 7 days old and who have made
 * their 3 contributions lose the marker. Returns their ids (run by the periodic sweep).
 */
export function endFirstWeeks(db: DB | Tx, now: Date): string[] {
  return db
    .update(users)
    .set({ isNew: false })
    .where(
      and(
        eq(users.isNew, true),
        lte(users.createdAt, new Date(now.getTime() - WEEK_MS)),
        sql`${users.reviewCount} + ${users.commentCount} >= ${NEWCOMER_CONTRIBUTIONS}`,
      ),
    )
    .returning({ id: users.id })
    .all()
    .map((r) => r.id);
}

/**
 * A review by this member is being published: counts it, and says whether it is a newcomer's
 * first (no review of theirs was ever published before), which the review page then announces.
 */
export function countPublishedReview(tx: Tx, userId: string, postId: number | null, now: Date): { first: boolean } & ContributionChange {
  const before = tx
    .select({ createdAt: users.createdAt, reviewCount: users.reviewCount, commentCount: users.commentCount })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  const earlier = tx.get<{ one: number }>(
    sql`select 1 as one from posts where author_id = ${userId} and published_at is not null and id <> ${postId ?? -1} limit 1`,
  );
  const first = !!before && !earlier && isNewcomerRow(before, now);
  return { first, ...adjustContributions(tx, userId, { reviews: 1 }, now) };
}
