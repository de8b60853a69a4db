// `npm run db:reset`: empties the database (the SQLite file deleted; on PostgreSQL, Marquee's tables
// and its migration record dropped) and recreates it, migrated and seeded.
import fs from "node:fs";
import path from "node:path";
import { getTableName, isTable, sql, type Table } from "drizzle-orm";
import { closeDb, dbLabel, openDb, readyDb, unlockedWriter, type DB } from "@/db";
import { DIALECT } from "@/db/dialect";
import { rawRun } from "@/db/query";
import * as schema from "@/db/schema";
import { syncCatalog } from "@/lib/badges/sync";
import { seedIfEmpty } from "@/lib/seed/demo";
import { demoPasswordNotice } from "@/lib/seed/members";
import { getEnv } from "@/lib/env";
import { avatarDir } from "@/lib/users/avatar-files";

/**
 * PostgreSQL: drops the tables Marquee's schema defines (nothing else the database may hold) and
 * the migrator's record of what it applied, so that the migrations run again from the start.
 */
async function dropMarqueeTables(db: DB) {
  const conn = unlockedWriter(db);
  for (const table of (Object.values(schema) as unknown[]).filter((v): v is Table => isTable(v))) await rawRun(conn, sql`drop table if exists ${sql.identifier(getTableName(table))} cascade`);
  await rawRun(conn, sql`drop table if exists drizzle.__drizzle_migrations`);
}

async function main() {
  const { database, databasePath } = getEnv();
  if (DIALECT === "sqlite") for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databasePath + suffix, { force: true });
  // Avatar files an earlier version kept belonged to the members of the old database.
  fs.rmSync(avatarDir(), { recursive: true, force: true });
  const db = openDb(database);
  if (DIALECT === "pg") await dropMarqueeTables(db);
  await readyDb(db, syncCatalog);
  const seeded = await seedIfEmpty(db);
  await closeDb(db);
  // Pages cached on disk by an earlier server run were rendered from the old data.
  fs.rmSync(path.join(process.cwd(), ".next", "server", "route-cache"), { recursive: true, force: true });
  console.log(`Recreated ${dbLabel(db)} with ${seeded?.users ?? 0} demo members, ${seeded?.reviews ?? 0} reviews, ${seeded?.comments ?? 0} comments and ${seeded?.votes ?? 0} upvotes. Restart the server if it is running.`);
  if (seeded) console.log(demoPasswordNotice(seeded));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
