// PostgreSQL for tests: a throwaway cluster per test file (scripts/postgres-throwaway.mjs starts
// and stops it), databases migrated from the committed drizzle/pg, and connections to them.
import { fileURLToPath } from "node:url";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "@/db/schema-pg";
import { startPostgres as startThrowaway, type ThrowawayPostgres } from "../../scripts/postgres-throwaway.mjs";

export type { ThrowawayPostgres } from "../../scripts/postgres-throwaway.mjs";

export const PG_MIGRATIONS = fileURLToPath(new URL("../../drizzle/pg", import.meta.url));

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/**
 * A throwaway PostgreSQL 15 cluster of this test file's own (`initdb` about a second, start a
 * tenth): start it in `beforeAll` with a generous timeout, stop it in `afterAll`. It is stopped on
 * process exit as well.
 */
export function startPostgres(options: { durable?: boolean } = {}): Promise<ThrowawayPostgres> {
  return startThrowaway({ name: "marquee-test", ...options });
}

/** A pool on one database, with Drizzle over it (the PostgreSQL schema). End it with `$client.end()`. */
export function connectPg(url: string): PgDb {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return drizzle(pool, { schema });
}

/** Applies the committed drizzle/pg migrations to a database, through its own short-lived pool. */
export async function migratePg(url: string): Promise<void> {
  const db = connectPg(url);
  try {
    await migrate(db, { migrationsFolder: PG_MIGRATIONS });
  } finally {
    await db.$client.end();
  }
}

/**
 * A migrated database to clone: migrated once, then left without a connection, as
 * `CREATE DATABASE … TEMPLATE` requires. Each clone takes milliseconds.
 */
export async function migratedTemplate(cluster: ThrowawayPostgres, name = "marquee_template"): Promise<{ name: string; clone(as: string): Promise<string> }> {
  await migratePg(await cluster.createDatabase(name));
  return { name, clone: (as) => cluster.createDatabase(as, { template: name }) };
}
