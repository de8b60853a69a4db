// `npm run badges:backfill`: grants the badges existing data has earned (safe to run again).
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { backfillBadges } from "@/lib/maintenance/backfill-badges";

async function main() {
  const { members, granted, notified } = await backfillBadges(getDb());
  console.log(
    `Backfilled badges in ${getEnv().databasePath}: ${members} members checked, ${granted} badges granted` +
      (granted ? ` (${notified} recent enough to notify, the rest given quietly).` : "; everyone already held what they earned."),
  );
  if (granted) console.log("Restart the server to show them on the boards, the catalog and the Ranking.");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
