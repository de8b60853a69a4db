// `npm run recount`: rebuilds every counter from source rows, then expires every cached page.
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { recountAll } from "@/lib/maintenance/recount";

async function main() {
  const fixed = await recountAll(getDb());
  const total = Object.values(fixed).reduce((a, b) => a + b, 0);
  console.log(`Recounted ${getEnv().databasePath}: ${total === 0 ? "every counter was already exact." : `corrected ${total} rows.`}`);
  for (const [what, n] of Object.entries(fixed)) if (n) console.log(`  ${what}: ${n}`);
  if (total) console.log("Restart the server (or let the next write expire its pages) to show the corrected counts.");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
