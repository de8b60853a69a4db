import { sql } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { grantBadge, type Earned } from "./grant";

const YEAR_MS = 365 * 86_400_000;

/** Members who have been here a year get "A year at the pictures" (run by the periodic sweep). */
export function grantAnniversaries(db: DB, now: Date): Earned[] {
  return writeTx(db, (tx) => {
    const due = tx.all<{ id: string }>(sql`
      select u.id from users u
      where u.is_system = 0 and u.created_at <= ${now.getTime() - YEAR_MS}
        and not exists (select 1 from user_badges b where b.user_id = u.id and b.badge_slug = 'one-year')`);
    return due.map((u) => grantBadge(tx, u.id, "one-year", {}, now)).filter((e): e is Earned => e !== null);
  });
}
