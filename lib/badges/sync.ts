import { notInArray, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { badges } from "@/db/schema";
import type * as schema from "@/db/schema";
import { BADGES } from "./catalog";

/** Brings the badges table in line with the catalog in code (names, rules, tiers, order). */
export function syncCatalog(db: BetterSQLite3Database<typeof schema>) {
  db.transaction((tx) => {
    for (const b of BADGES) {
      const row = { slug: b.slug, name: b.name, rule: b.rule, tier: b.tier, points: b.points, ladder: b.ladder, threshold: b.threshold, position: b.position };
      tx.insert(badges)
        .values(row)
        .onConflictDoUpdate({
          target: badges.slug,
          set: { name: row.name, rule: row.rule, tier: row.tier, points: row.points, ladder: row.ladder, threshold: row.threshold, position: row.position },
          setWhere: sql`${badges.name} is not ${row.name} or ${badges.rule} is not ${row.rule} or ${badges.tier} is not ${row.tier}
            or ${badges.points} is not ${row.points} or ${badges.position} is not ${row.position}`,
        })
        .run();
    }
    // A badge taken out of the catalog leaves the site (its grants with it).
    tx.delete(badges).where(notInArray(badges.slug, BADGES.map((b) => b.slug))).run();
  }, { behavior: "immediate" });
}
