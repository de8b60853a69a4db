// `npm run recount`: rebuilds every counter from source rows, then expires every cached page in every running server.
import { closeDb, dbLabel } from "@/db";
import { expireEverywhere } from "@/lib/cache/shared-tags";
import { getDb } from "@/lib/db";
import { recountAll } from "@/lib/maintenance/recount";

async function main() {
  const db = getDb();
  const fixed = await recountAll(db);
  const total = Object.values(fixed).reduce((a, b) => a + b, 0);
  if (total) await expireEverywhere(db);
  // PostgreSQL's pools would otherwise keep the process alive a while.
  await closeDb(db);
  console.log(`Recounted ${dbLabel(db)}: ${total === 0 ? "every counter was already exact." : `corrected ${total} rows.`}`);
  for (const [what, n] of Object.entries(fixed)) if (n) console.log(`  ${what}: ${n}`);
  if (total) console.log("Running servers show the corrected counts from their next request.");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
