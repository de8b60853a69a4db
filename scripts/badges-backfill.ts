// `npm run badges:backfill`: grants the badges existing data has earned (safe to run again).
import { getDb } from "@/lib/db";
import { backfillBadges } from "@/lib/badges/backfill";
import { getEnv } from "@/lib/env";

const { members, granted, notified } = backfillBadges(getDb());
console.log(
  `Backfilled badges in ${getEnv().databasePath}: ${members} members checked, ${granted} badges granted` +
    (granted ? ` (${notified} recent enough to notify, the rest given quietly).` : "; everyone already held what they earned."),
);
if (granted) console.log("Restart the server to show them on the boards, the catalog and the Ranking.");
