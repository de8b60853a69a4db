import { notInArray, sql } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { badges } from "@/db/schema";
import { BADGES } from "./catalog";

/** Brings the badges table in line with the catalog in code (names, rules, tiers, order). */
export async function syncCatalog(db: DB): Promise<void> {
  await writeTx(db, async (tx) => {
    for (const b of BADGES) {
      const row = { slug: b.slug, name: b.name, rule: b.rule, tier: b.tier, points: b.points, ladder: b.ladder, threshold: b.threshold, position: b.position };
      await tx
        .insert(badges)
        .values(row)
        .onConflictDoUpdate({
          target: badges.slug,
          set: { name: row.name, rule: row.rule, tier: row.tier, points: row.points, ladder: row.ladder, threshold: row.threshold, position: row.position },
          setWhere: sql`${badges.name} is distinct from ${row.name} or ${badges.rule} is distinct from ${row.rule} or ${badges.tier} is distinct from ${row.tier}
            or ${badges.points} is distinct from ${row.points} or ${badges.position} is distinct from ${row.position}`,
        });
    }
    // A badge taken out of the catalog leaves the site (its grants with it).
    await tx.delete(badges).where(notInArray(badges.slug, BADGES.map((b) => b.slug)));
  });
}
