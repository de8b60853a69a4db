import type { DB } from "@/db";
import { forgetExpiredRevocations } from "@/lib/auth/revocation";
import { grantBadge, type Earned } from "@/lib/badges/grant";
import { dueGrants, ruleFor } from "@/lib/badges/rules";
import { makeCtx } from "@/lib/context";
import { monthOf } from "@/lib/rankings/standings";
import { endFirstWeeks } from "@/lib/users/newcomer";
import { write, type Write } from "@/lib/write";
import { claimRun } from "./jobs";

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

/** How often the sweep runs (once across all processes: `claimRun`). */
export const SWEEP_EVERY_MS = 5 * 60_000;

/**
 * The periodic sweep (at start-up, then every few minutes, once across all processes), in one
 * write: members whose first week ended lose the "New" marker, members of a year get "A year at
 * the pictures" (the backfill's rule, dated now), sign-outs of expired tokens are forgotten, and a
 * new month starts the Ranking's "this month" afresh. Returns what changed, for the cache; nothing
 * when another process swept less than SWEEP_EVERY_MS ago.
 */
export async function sweep(db: DB, now: Date) {
  // Who is due is read before the write lock; a grant made meanwhile is not made twice.
  const due = await dueGrants(db, "all", now, ONE_YEAR);
  return write(makeCtx(db, { now }), async (w) => {
    const last = await claimRun(w, "sweep", SWEEP_EVERY_MS);
    if (last === false) return { ran: false, ended: 0, anniversaries: 0 };
    const ended = await endFirstWeeks(w);
    const anniversaries = await grantDue(w, due);
    await forgetExpiredRevocations(w);
    if (last && monthOf(last) !== monthOf(now)) w.changes.ranking = true;
    return { ran: true, ended: ended.length, anniversaries: anniversaries.length };
  });
}
