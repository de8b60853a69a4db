// `npm run recount`: rebuilds every counter from source rows, then expires every cached page.
import { closeDb, dbLabel } from "@/db";
import { getDb } from "@/lib/db";
import { recountAll } from "@/lib/maintenance/recount";

async function main() {
  const db = getDb();
  const fixed = await recountAll(db);
  // PostgreSQL's pools would otherwise keep the process alive a while.
  await closeDb(db);
  const total = Object.values(fixed).reduce((a, b) => a + b, 0);
  console.log(`Recounted ${dbLabel(db)}: ${total === 0 ? "every counter was already exact." : `corrected ${total} rows.`}`);
  for (const [what, n] of Object.entries(fixed)) if (n) console.log(`  ${what}: ${n}`);
  if (total) console.log("Restart the server (or let the next write expire its pages) to show the corrected counts.");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
