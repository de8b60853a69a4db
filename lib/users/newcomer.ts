import { and, eq, lte, sql } from "drizzle-orm";
import { preparedOn, type Conn } from "@/db";
import { users } from "@/db/schema";
import type { Write } from "@/lib/write";
import { recordPresence } from "./presence";
import { first, rawFirst } from "@/db/query";

// Newcomers: accounts younger than 7 days or with fewer than 3 published contributions.
export const NEWCOMER_DAYS = 7;
export const NEWCOMER_CONTRIBUTIONS = 3;
const WEEK_MS = NEWCOMER_DAYS * 86_400_000;

export type Contributions = { createdAt: Date; reviewCount: number; commentCount: number };

function isYoungAccount(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < WEEK_MS;
}

export function isNewcomerRow(u: Contributions, now: Date): boolean {
  return isYoungAccount(u.createdAt, now) || u.reviewCount + u.commentCount < NEWCOMER_CONTRIBUTIONS;
}

// Every review published and comment posted or deleted runs this: prepared once per connection.
const p = sql.placeholder;
const ADJUST = (c: Conn) =>
  c
    .update(users)
    .set({ reviewCount: sql`${users.reviewCount} + ${p("reviews")}`, commentCount: sql`${users.commentCount} + ${p("comments")}` })
    .where(eq(users.id, p("id")))
    .returning({ createdAt: users.createdAt, reviewCount: users.reviewCount, commentCount: users.commentCount, isNew: users.isNew })
    .prepare();

export type ContributionChange = { flipped: boolean; reviewCount: number; commentCount: number };
const NO_CHANGE: ContributionChange = { flipped: false, reviewCount: 0, commentCount: 0 };

/**
 * Adds to a member's published reviews and comments, inside the verb's write, and brings their
 * "New" marker up to date. `flipped` when the marker flipped: every page that shows their name is
 * then recorded in the write's changes (lib/users/presence.ts). Also returns the new counts.
 */
export async function adjustContributions(w: Write, userId: string | null, delta: { reviews?: number; comments?: number }): Promise<ContributionChange> {
  if (!userId) return NO_CHANGE;
  const row = await first(preparedOn(w.tx, ADJUST).execute({ reviews: delta.reviews ?? 0, comments: delta.comments ?? 0, id: userId }));
  if (!row) return NO_CHANGE;
  const counts = { reviewCount: row.reviewCount, commentCount: row.commentCount };
  const isNew = isNewcomerRow(row, w.now);
  if (isNew === row.isNew) return { flipped: false, ...counts };
  await w.tx.update(users).set({ isNew }).where(eq(users.id, userId));
  await recordPresence(w, userId);
  return { flipped: true, ...counts };
}

/**
 * Ends the first week: members marked new whose account is now 7 days old and who have made
 * their 3 contributions lose the marker, and the pages showing them are recorded in the write's
 * changes. Returns their ids (run by the periodic sweep).
 */
export async function endFirstWeeks(w: Write): Promise<string[]> {
  const ended = await w.tx
    .update(users)
    .set({ isNew: false })
    .where(
      and(
        eq(users.isNew, true),
        lte(users.createdAt, new Date(w.now.getTime() - WEEK_MS)),
        sql`${users.reviewCount} + ${users.commentCount} >= ${NEWCOMER_CONTRIBUTIONS}`,
      ),
    )
    .returning({ id: users.id });
  for (const { id } of ended) await recordPresence(w, id);
  return ended.map((r) => r.id);
}

/**
 * A review by this member is being published: counts it, and says whether it is a newcomer's
 * first (no review of theirs was ever published before), which the review page then announces.
 */
export async function countPublishedReview(w: Write, userId: string, reviewId: number | null): Promise<{ first: boolean } & ContributionChange> {
  const before = await first(w.tx
    .select({ createdAt: users.createdAt, reviewCount: users.reviewCount, commentCount: users.commentCount })
    .from(users)
    .where(eq(users.id, userId)));
  const earlier = await rawFirst<{ one: number }>(w.tx, sql`select 1 as one from posts where author_id = ${userId} and published_at is not null and id <> ${reviewId ?? -1} limit 1`);
  const isFirst = !!before && !earlier && isNewcomerRow(before, w.now);
  return { first: isFirst, ...(await adjustContributions(w, userId, { reviews: 1 })) };
}
