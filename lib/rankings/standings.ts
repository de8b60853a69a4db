import { sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { monthlyScores } from "@/db/schema";
import { greatest } from "@/db/sql";
import type { Write } from "@/lib/write";

/** "2026-11": the calendar month (UTC) a moment falls in, as the Ranking's "this month" counts it. */
export const monthOf = (d: Date) => d.toISOString().slice(0, 7);

export type StandingDelta = { points?: number; upvotes?: number; reviews?: number };

/**
 * Adds to a member's standing in the month of `at` (points, upvotes received, reviews published).
 * `at` is not always the write's moment: an undone upvote comes off the month it was given in.
 */
export async function bumpMonth(w: Write, userId: string, at: Date, delta: StandingDelta) {
  const month = monthOf(at);
  const p = delta.points ?? 0;
  const u = delta.upvotes ?? 0;
  const r = delta.reviews ?? 0;
  // A rise records when the value was reached (the latest rise, whatever order they are written
  // in, as the backfill does); a fall keeps the earlier moment.
  const when = (d: number) => (d > 0 ? at : null);
  const latest = (col: SQLiteColumn, d: number) => {
    if (d <= 0) return sql`${col}`;
    const moment = sql.param(at, col);
    return greatest(sql`coalesce(${col}, ${moment})`, moment);
  };
  await w.tx
    .insert(monthlyScores)
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
    });
  w.changes.ranking = true;
}
