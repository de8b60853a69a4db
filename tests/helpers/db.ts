import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach } from "vitest";
import { openDb, type DB } from "@/db";
import { setTestEnv } from "./env";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const MIGRATIONS = path.join(REPO_ROOT, "drizzle");

export type TestDb = { db: DB; dir: string; file: string; close: () => void };

/** A fresh SQLite file in a temp folder, built from the committed migrations. */
export function createTestDb(): TestDb {
  setTestEnv();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-test-"));
  const file = path.join(dir, "test.db");
  const db = openDb(file, { migrationsFolder: MIGRATIONS });
  const close = () => {
    if (db.$client.open) db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { db, dir, file, close };
}

/** A fresh database per test: `const t = perTestDb();` then `t.db` inside a test. */
export function perTestDb(): { readonly db: DB; readonly file: string } {
  let current: TestDb | undefined;
  beforeEach(() => {
    current = createTestDb();
  });
  afterEach(() => {
    current?.close();
    current = undefined;
  });
  return {
    get db() {
      if (!current) throw new Error("perTestDb: no database outside a test");
      return current.db;
    },
    get file() {
      if (!current) throw new Error("perTestDb: no database outside a test");
      return current.file;
    },
  };
}

const TABLES = ["users", "accounts", "sessions", "verification_tokens", "auth_throttle"] as const;
export type TableName = (typeof TABLES)[number];

/** Every row of a table, in insertion order, as SQLite holds it. */
export function rows(db: DB, table: TableName): Record<string, unknown>[] {
  return db.$client.prepare(`select * from "${table}" order by rowid`).all() as Record<string, unknown>[];
}

/** Full contents of every table: compare before and after a refusal. */
export function snapshot(db: DB): Record<TableName, Record<string, unknown>[]> {
  return Object.fromEntries(TABLES.map((t) => [t, rows(db, t)])) as Record<TableName, Record<string, unknown>[]>;
}
