import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { databaseFiles, precreatePrivateFile, PRIVATE_FILE_MODE, privateDir, tightenMode } from "./private-files";
import { getEnv } from "@/lib/env";
import { syncCatalog } from "@/lib/badges/sync";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/**
 * Opens a SQLite file with Marquee's pragmas, applies the committed migrations and syncs the badge
 * catalog. Its folder is made 0700 and the database files 0600 (tightened when they exist).
 */
export function openDb(file: string, opts: { migrationsFolder?: string } = {}): DB {
  const onDisk = file !== ":memory:";
  if (onDisk) {
    privateDir(path.dirname(file));
    precreatePrivateFile(file);
  }
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // SQLite makes -wal and -shm with the database file's mode; older ones may predate that.
  if (onDisk) for (const f of databaseFiles(file)) tightenMode(f, PRIVATE_FILE_MODE);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Set explicitly: the connection that switched the file to WAL and later ones otherwise differ.
  sqlite.pragma("synchronous = NORMAL");
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as DB;
  migrate(db, { migrationsFolder: opts.migrationsFolder ?? MIGRATIONS_FOLDER });
  syncCatalog(db);
  return db;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Drizzle prepares every query afresh, and preparing costs more than running most of ours. The
 * connection keeps prepared statements by SQL text instead (a statement handed out again has its
 * output modes reset). Safe here because every statement runs to completion synchronously.
 */
function cacheStatements(sqlite: Database.Database) {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      if (hit.reader) hit.raw(false).expand(false).pluck(false);
      return hit;
    }
    const stmt = prepare(source);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(source, stmt);
    return stmt;
  }) as typeof sqlite.prepare;
}

const g = globalThis as unknown as { __marqueeDb?: DB };

/** The process's one connection, opened (and migrated) on first use, never at import time. */
export function getDb(): DB {
  return (g.__marqueeDb ??= openDb(getEnv().databasePath));
}

/** Swaps the process connection (tests). */
export function setDbForTests(db: DB | undefined) {
  g.__marqueeDb = db;
}

/**
 * Runs `fn` in one BEGIN IMMEDIATE transaction: the write lock is taken up front, so concurrent
 * writers wait on busy_timeout instead of failing with SQLITE_BUSY on lock upgrade.
 * With better-sqlite3 the callback is synchronous.
 */
export function writeTx<T>(db: DB, fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: "immediate" });
}
