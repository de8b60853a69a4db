// `npm run backup -- <file> [--db <path>]`: an online, verified copy of the live database; never overwrites a file.
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "@/db/backup";
import { getEnv } from "@/lib/env";

const USAGE = "Usage: npm run backup -- <file> [--db <database path>]  (the database defaults to DATABASE_PATH)";

async function main() {
  const { values, positionals } = parseArgs({ options: { db: { type: "string" } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error(USAGE);
  // The copy is SQLite's online backup of the file; a PostgreSQL server has its own tools.
  if (getEnv().DATABASE_URL && values.db === undefined) throw new Error("DATABASE_URL is set: back up PostgreSQL with its own tools (pg_dump). npm run backup copies a SQLite file.");
  const source = values.db ?? getEnv().databasePath;
  const r = await backupDatabase(source, path.resolve(positionals[0]!));
  const mb = (r.bytes / 1_048_576).toFixed(2);
  console.log(`Backed up ${r.source} to ${r.file}: ${mb} MB (${r.pages} pages) in ${Math.round(r.ms)} ms; integrity_check ${r.integrity}.`);
  const width = Math.max(...Object.keys(r.rows).map((t) => t.length));
  for (const [table, n] of Object.entries(r.rows)) console.log(`  ${table.padEnd(width)}  ${n.toLocaleString("en-US")}`);
  console.log(`To restore: stop the server, remove ${path.basename(r.source)}-wal and -shm if present, copy the backup over ${r.source}, start.`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
