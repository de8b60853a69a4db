import { openDb, readyDb, type DB, type OpenOptions } from "@/db";
import { syncCatalog } from "@/lib/badges/sync";
import { getEnv } from "@/lib/env";

/** Opens a Marquee database: the committed migrations, then the badge catalog brought in line with the code. */
export function openMarqueeDb(target: string, opts: OpenOptions = {}): Promise<DB> {
  return readyDb(openDb(target, opts), syncCatalog);
}

const g = globalThis as unknown as { __marqueeDb?: DB; __marqueeReady?: Promise<DB> };

/**
 * The process's database, opened on first use, never at import time. Server start awaits
 * `dbReady()` before anything is served: it migrates PostgreSQL and syncs the badge catalog.
 */
export function getDb(): DB {
  const env = getEnv();
  return (g.__marqueeDb ??= openDb(env.database, { pool: { read: env.DATABASE_POOL_SIZE, write: env.DATABASE_WRITE_POOL_SIZE } }));
}

/** The process's database once migrated and its badge catalog synced (once per process). */
export function dbReady(): Promise<DB> {
  return (g.__marqueeReady ??= readyDb(getDb(), syncCatalog));
}

/** Swaps the process database (tests). */
export function setDbForTests(db: DB | undefined) {
  g.__marqueeDb = db;
  g.__marqueeReady = db ? Promise.resolve(db) : undefined;
}
