import type { DB } from "@/db";
import { forgetExpiredRevocations } from "@/lib/auth/revocation";
import { grantBadge, type Earned } from "@/lib/badges/grant";
import { dueGrants, ruleFor } from "@/lib/badges/rules";
import { makeCtx } from "@/lib/context";
import { monthOf } from "@/lib/rankings/standings";
import { endFirstWeeks } from "@/lib/users/newcomer";
import { write, type Write } from "@/lib/write";

const ONE_YEAR = [ruleFor("one-year")!];

/** Members who have been here a year get "A year at the pictures", dated now (the rule is the backfill's). */
export async function grantAnniversaries(db: DB, now: Date) {
  const due = await dueGrants(db, "all", now, ONE_YEAR);
  return write(makeCtx(db, { now }), async (w) => ({ earned: await grantDue(w, due) }));
}

async function grantDue(w: Write, due: readonly { userId: string; slug: string }[]): Promise<Earned[]> {
  const earned: Earned[] = [];
  for (const g of due) {
    const e = await grantBadge(w, g.userId, g.slug, {});
    if (e) earned.push(e);
  }
  return earned;
}

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
    const anniversaries = await grantDue(w, due);
    await forgetExpiredRevocations(w);
    return { ended: ended.length, anniversaries: anniversaries.length };
  });
  const month = monthOf(now);
  if (lastMonth && month !== lastMonth) done.changes.ranking = true;
  lastMonth = month;
  return done;
}
