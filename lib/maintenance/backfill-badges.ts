import { eq } from "drizzle-orm";
import type { DB } from "@/db";
import { users } from "@/db/schema";
import { grantBadge, type Earned } from "@/lib/badges/grant";
import { dueGrants, type DueGrant, type Who } from "@/lib/badges/rules";
import { makeCtx } from "@/lib/context";
import { write } from "@/lib/write";
import { recountAll } from "./recount";

// Grants older than this are given quietly: a notice about last year's badge is noise.
export const BACKFILL_QUIET_AFTER_MS = 2 * 86_400_000;
// Grants per transaction: a live server's writes wait behind each one, never behind the whole run.
const BATCH = 500;

export type BackfillOptions = {
  /** The moment the backfill runs at (grants are never dated after it). */
  now?: Date;
  /** Only these members (default: everyone but the system account). */
  userIds?: readonly string[];
  /** Rebuild every counter afterwards, the monthly standings and reached-at moments included (default true). */
  recount?: boolean;
};

export type BackfillResult = { members: number; granted: number; notified: number; earned: Earned[] };

/**
 * Grants what existing data has earned by the badge rules (`lib/badges/rules.ts`), dated when it
 * was earned (the n-th upvote, review, comment, reply or view; the first edit, scored or
 * spoiler-tagged review; the tenth upvote on one item; a year after joining). Idempotent: held
 * badges are skipped (and a badge granted live meanwhile is not granted twice). Grants older than
 * two days come without a notice. Then a recount of the standings the Ranking reads.
 */
export async function backfillBadges(db: DB, opts: BackfillOptions = {}): Promise<BackfillResult> {
  const now = opts.now ?? new Date();
  const members = opts.userIds
    ? opts.userIds.length
    : (await db.select({ id: users.id }).from(users).where(eq(users.isSystem, false))).length;
  const scopes: Who[] = opts.userIds ? opts.userIds.map((userId) => ({ userId })) : ["all"];
  const due: DueGrant[] = [];
  // One by one: a large site is due hundreds of thousands, too many to spread as arguments.
  for (const who of scopes) for (const g of await dueGrants(db, who, now)) due.push(g);
  const earned: Earned[] = [];
  let notified = 0;
  const ctx = makeCtx(db, { now });
  for (let i = 0; i < due.length; i += BATCH) {
    await write(ctx, async (w) => {
      for (const g of due.slice(i, i + BATCH)) {
        const at = new Date(g.at);
        const silent = now.getTime() - g.at > BACKFILL_QUIET_AFTER_MS;
        const granted = await grantBadge(w, g.userId, g.slug, { reviewId: g.reviewId, commentId: g.commentId }, { at, silent });
        if (granted) {
          earned.push(granted);
          if (!silent) notified++;
        }
      }
      return {};
    });
  }
  // Standings kept only since badges began (this month's, reached-at moments) are rebuilt from rows.
  if (opts.recount !== false) await recountAll(db, now);
  return { members, granted: earned.length, notified, earned };
}
