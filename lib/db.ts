import { openDb, type DB, type OpenOptions } from "@/db";
import { syncCatalog } from "@/lib/badges/sync";
import { getEnv } from "@/lib/env";

/** Opens a Marquee database: the committed migrations, then the badge catalog brought in line with the code. */
export function openMarqueeDb(file: string, opts: Omit<OpenOptions, "onOpen"> = {}): DB {
  return openDb(file, { ...opts, onOpen: syncCatalog });
}

const g = globalThis as unknown as { __marqueeDb?: DB };

/** The process's database, opened (and migrated) on first use, never at import time. */
export function getDb(): DB {
  return (g.__marqueeDb ??= openMarqueeDb(getEnv().databasePath));
}

/** Swaps the process database (tests). */
export function setDbForTests(db: DB | undefined) {
  g.__marqueeDb = db;
}
