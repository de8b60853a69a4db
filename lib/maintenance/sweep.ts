import type { DB } from "@/db";
import { forgetExpiredRevocations } from "@/lib/auth/revocation";
import { grantBadge } from "@/lib/badges/grant";
import { dueGrants, ruleFor } from "@/lib/badges/rules";
import { makeCtx } from "@/lib/context";
import { monthOf } from "@/lib/rankings/standings";
import { endFirstWeeks } from "@/lib/users/newcomer";
import { write } from "@/lib/write";

const ONE_YEAR = [ruleFor("one-year")!];

let lastMonth: string | null = null;

/**
 * The periodic sweep (at start-up, then every few minutes), in one write: members whose first
 * week ended lose the "New" marker, members of a year get "A year at the pictures" (the backfill's
 * rule, dated now), sign-outs of expired tokens are forgotten, and a new month starts the
 * Ranking's "this month" afresh. Returns what changed, for the cache.
 */
export async function sweep(db: DB, now: Date) {
  // Who is due is read before the write lock; a grant made meanwhile is not made twice.
  const due = await dueGrants(db, "all", now, ONE_YEAR);
  const done = await write(makeCtx(db, { now }), async (w) => {
    const ended = await endFirstWeeks(w);
    for (const g of due) await grantBadge(w, g.userId, g.slug, {});
    await forgetExpiredRevocations(w);
    return { ended: ended.length, anniversaries: w.earned.length };
  });
  const month = monthOf(now);
  if (lastMonth && month !== lastMonth) done.changes.ranking = true;
  lastMonth = month;
  return done;
}
