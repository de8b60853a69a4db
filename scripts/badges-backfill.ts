// `npm run badges:backfill`: grants the badges existing data has earned (safe to run again).
import { closeDb, dbLabel } from "@/db";
import { expireEverywhere } from "@/lib/cache/shared-tags";
import { getDb } from "@/lib/db";
import { backfillBadges } from "@/lib/maintenance/backfill-badges";

async function main() {
  const db = getDb();
  const { members, granted, notified } = await backfillBadges(db);
  if (granted) await expireEverywhere(db);
  // PostgreSQL's pools would otherwise keep the process alive a while.
  await closeDb(db);
  console.log(
    `Backfilled badges in ${dbLabel(db)}: ${members} members checked, ${granted} badges granted` +
      (granted ? ` (${notified} recent enough to notify, the rest given quietly).` : "; everyone already held what they earned."),
  );
  if (granted) console.log("Running servers show them on the boards, the catalog and the Ranking from their next request.");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
