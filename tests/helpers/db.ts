import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach } from "vitest";
import { closeDb, unlockedWriter, type Conn, type DB } from "@/db";
import { makeCtx, type Ctx } from "@/lib/context";
import { openMarqueeDb } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { setTestEnv } from "./env";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const MIGRATIONS = path.join(REPO_ROOT, "drizzle", "sqlite");

export type TestDb = { db: DB; dir: string; file: string; close: () => void };

/** A fresh SQLite file in a temp folder, built from the committed migrations. */
export function createTestDb(): TestDb {
  setTestEnv();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-test-"));
  const file = path.join(dir, "test.db");
  const db = openMarqueeDb(file, { migrationsFolder: MIGRATIONS });
  const close = () => {
    closeDb(db);
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

/** Every row of a table (or those a `where …` clause keeps), in insertion order, as SQLite holds it. */
export function rows(db: DB, table: string, where = ""): Record<string, unknown>[] {
  return db.$client.prepare(`select * from "${table}" ${where} order by rowid`).all() as Record<string, unknown>[];
}

/** Full contents of every table (migrations' bookkeeping aside): compare before and after a refusal. */
export function snapshot(db: DB): Record<string, Record<string, unknown>[]> {
  const names = db.$client
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(names.map((name) => [name, rows(db, name)]));
}

/**
 * The write connection, for a test's own fixtures and tampering (the read connection refuses
 * writes). Only while no verb is running: it bypasses the write lock.
 */
export function fixtureWriter(db: DB): Conn {
  return unlockedWriter(db);
}

/** A verb's context in a test: acting as `actor` (an id is a member), at a fixed time if given. */
export function ctxAs(db: DB, actor: Actor | string | null, now?: Date, address?: string): Ctx {
  const a = typeof actor === "string" ? { id: actor, role: "member" as const } : actor;
  return makeCtx(db, { actor: a, now, address: address ?? null });
}
