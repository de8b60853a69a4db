import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach } from "vitest";
import pg from "pg";
import Database from "better-sqlite3";
import { closeDb, unlockedWriter, WRITE_LOCK_KEY, type Conn, type DB } from "@/db";
import { DIALECT } from "@/db/dialect";
import { makeCtx, type Ctx } from "@/lib/context";
import { openMarqueeDb } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { setTestEnv } from "./env";
import { asSqliteValue } from "./sql";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const MIGRATIONS = path.join(REPO_ROOT, "drizzle", "sqlite");

export type TestDb = { db: DB; dir: string; file: string; close: () => Promise<void> };

export const ON_PG = DIALECT === "pg";

let made = 0;

/**
 * A fresh database built from the committed migrations: a SQLite file in a temp folder, or, when
 * the suite runs on PostgreSQL (scripts/test-pg.mjs sets DATABASE_URL), a copy of the migrated
 * template database on the suite's throwaway cluster. `file` is the SQLite file, or the database's URL.
 */
export async function createTestDb(): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-test-"));
  // On PostgreSQL the data folder (avatars) is DATABASE_PATH's: this test's own.
  setTestEnv(ON_PG ? { DATABASE_PATH: path.join(dir, "unused.db") } : {});
  if (ON_PG) {
    const name = `t_${process.pid}_${++made}`;
    const url = await createPgTestDatabase(name);
    const db = await openMarqueeDb(url, { pool: { read: 4, write: 2 } });
    const close = async () => {
      await closeDb(db);
      await pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      fs.rmSync(dir, { recursive: true, force: true });
    };
    return { db, dir, file: url, close };
  }
  const file = path.join(dir, "test.db");
  const db = await openMarqueeDb(file, { migrationsFolder: MIGRATIONS });
  const close = async () => {
    await closeDb(db);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { db, dir, file, close };
}

/** A fresh database per test: `const t = perTestDb();` then `t.db` inside a test. */
export function perTestDb(): { readonly db: DB; readonly file: string } {
  let current: TestDb | undefined;
  beforeEach(async () => {
    current = await createTestDb();
  });
  afterEach(async () => {
    await current?.close();
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

/** One statement on the suite's PostgreSQL cluster, as its superuser, on the `postgres` database. */
export async function pgAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function createPgTestDatabase(name: string): Promise<string> {
  const template = process.env.MARQUEE_TEST_PG_TEMPLATE;
  if (!template) throw new Error("The PostgreSQL suite runs through scripts/test-pg.mjs, which makes the template database.");
  // Two test files may copy the template at the same moment; PostgreSQL refuses the second while
  // the first is connected to it, so that one waits and tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      await pgAdmin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (err) {
      if (attempt >= 50 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Every row of a table (or those a `where …` clause keeps), in the shape SQLite holds it: time
 * stamps as milliseconds, booleans as 0 and 1. In insertion order on SQLite; on PostgreSQL, which
 * keeps none, in the order of the table's columns (its key first).
 */
export async function rows(db: DB, table: string, where = ""): Promise<Record<string, unknown>[]> {
  if (!ON_PG) return db.$client.prepare(`select * from "${table}" ${where} order by rowid`).all() as Record<string, unknown>[];
  const result = await (db.$client as unknown as pg.Pool).query({ text: `select * from "${table}" ${where}`, rowMode: "array" });
  const names = result.fields.map((f) => f.name);
  const order = (a: unknown[], b: unknown[]) => {
    for (let i = 0; i < a.length; i++) {
      const c = compareValues(a[i], b[i]);
      if (c) return c;
    }
    return 0;
  };
  return (result.rows as unknown[][]).sort(order).map((r) => Object.fromEntries(r.map((v, i) => [names[i], asSqliteValue(v)])));
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}


/** Full contents of every table (migrations' bookkeeping aside): compare before and after a refusal. */
export async function snapshot(db: DB): Promise<Record<string, Record<string, unknown>[]>> {
  const names = ON_PG
    ? (
        await (db.$client as unknown as pg.Pool).query<{ name: string }>(
          `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
        )
      ).rows.map((r) => r.name)
    : (db.$client
        .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`)
        .pluck()
        .all() as string[]);
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const name of names) out[name] = await rows(db, name);
  return out;
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

/**
 * Holds the database's write lock from a connection of its own, as another process's writer would
 * (SQLite's BEGIN IMMEDIATE; PostgreSQL's write advisory lock), until `release`.
 */
export async function holdWriteLockElsewhere(file: string): Promise<{ release: () => Promise<void> }> {
  if (ON_PG) {
    const client = new pg.Client({ connectionString: file });
    await client.connect();
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
    return {
      release: async () => {
        await client.query("ROLLBACK");
        await client.end();
      },
    };
  }
  const other = new Database(file);
  other.exec("BEGIN IMMEDIATE");
  return {
    release: async () => {
      other.exec("ROLLBACK");
      other.close();
    },
  };
}

/** Whether another connection could take the write lock right now, without waiting for it. */
export async function writeLockFreeElsewhere(file: string): Promise<boolean> {
  if (ON_PG) {
    const client = new pg.Client({ connectionString: file });
    await client.connect();
    try {
      const got = (await client.query<{ ok: boolean }>(`select pg_try_advisory_lock(${WRITE_LOCK_KEY}) as ok`)).rows[0]!.ok;
      if (got) await client.query(`select pg_advisory_unlock(${WRITE_LOCK_KEY})`);
      return got;
    } finally {
      await client.end();
    }
  }
  const other = new Database(file);
  try {
    other.pragma("busy_timeout = 0");
    other.exec("BEGIN IMMEDIATE");
    other.exec("ROLLBACK");
    return true;
  } catch (err) {
    if (/database is locked/.test(String(err))) return false;
    throw err;
  } finally {
    other.close();
  }
}
