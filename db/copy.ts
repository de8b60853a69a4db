// Copies a whole Marquee site between a SQLite file and a PostgreSQL database, either way
// (`npm run db:copy`). The two schemas (db/schema-sqlite, db/schema-pg) hold the same tables and
// columns, which tests/unit/schema-parity.test.ts keeps true; what differs is how a value is
// stored: time stamps are integer milliseconds on SQLite and timestamptz on PostgreSQL, booleans
// 0/1 and true/false, JSON text and jsonb (bytes, blob and bytea, are a Buffer on both drivers and
// pass as they are). Each row is read from one side, converted by the target column's type, and
// written in batches inside ONE transaction on the target: an interrupted copy leaves the target
// as empty as it was, and running the command again starts over. The target must be empty.
import path from "node:path";
import Database from "better-sqlite3";
import { is } from "drizzle-orm";
import { getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { isPostgresUrl } from "./dialect";
import * as pgSchema from "./schema-pg";
import { precreatePrivateFile, privateDir } from "./private-files";

/** Where a copy reads or writes: a SQLite file's path or a postgres:// address. */
export type Endpoint = string;

export type CopyProgress = { table: string; done: number; total: number };

export type CopyReport = {
  tables: { table: string; rows: number; ms: number }[];
  rows: number;
  ms: number;
};

/** A copy refused for a reason to tell the operator as is (a target with rows, an unknown source). */
export class CopyError extends Error {
  override name = "CopyError";
}

type Kind = "time" | "bool" | "json" | "other";
type TablePlan = { name: string; columns: string[]; kinds: Kind[]; key: string[]; identity: string | null };

// PostgreSQL's bigint and numeric (counts, view totals) as numbers, as the app reads them (db/index.ts).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * Every table in an order that respects foreign keys (a table after the tables it refers to), with
 * its columns and what each column's values need on the way across.
 */
export function copyPlan(): TablePlan[] {
  const tables = (Object.values(pgSchema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
  const configs = tables.map((t) => pgTableConfig(t));
  const byName = new Map(configs.map((c) => [c.name, c]));
  const ordered: string[] = [];
  const visit = (name: string, trail: string[]) => {
    if (ordered.includes(name)) return;
    if (trail.includes(name)) throw new Error(`foreign keys loop through ${[...trail, name].join(" → ")}`);
    for (const fk of byName.get(name)!.foreignKeys) {
      const target = pgTableConfig(fk.reference().foreignTable).name;
      if (target !== name) visit(target, [...trail, name]);
    }
    ordered.push(name);
  };
  for (const c of configs) visit(c.name, []);
  return ordered.map((name) => {
    const c = byName.get(name)!;
    const kind = (t: string): Kind => (t === "PgTimestamp" ? "time" : t === "PgBoolean" ? "bool" : t === "PgJsonb" || t === "PgJson" ? "json" : "other");
    const key = c.primaryKeys[0]?.columns.map((col) => col.name) ?? c.columns.filter((col) => col.primary).map((col) => col.name);
    const identity = c.columns.find((col) => col.generatedIdentity)?.name ?? null;
    return { name, columns: c.columns.map((col) => col.name), kinds: c.columns.map((col) => kind(col.columnType)), key, identity };
  });
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** Reads a table in key order, a batch at a time. */
type Source = {
  count(t: TablePlan): Promise<number>;
  batches(t: TablePlan, size: number): AsyncIterable<unknown[][]>;
  close(): Promise<void>;
};

/** Writes batches inside one open transaction; `commit` makes them visible, `rollback` drops them. */
type Target = {
  isEmpty(plan: TablePlan[]): Promise<string | null>;
  begin(): Promise<void>;
  insert(t: TablePlan, rows: unknown[][]): Promise<void>;
  /** After the rows: identity sequences moved past the copied ids (PostgreSQL). */
  finish(plan: TablePlan[]): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  count(t: TablePlan): Promise<number>;
  close(): Promise<void>;
};

function sqliteSource(file: string): Source {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    async count(t) {
      return (db.prepare(`select count(*) as n from ${quote(t.name)}`).get() as { n: number }).n;
    },
    async *batches(t, size) {
      const stmt = db.prepare(`select ${t.columns.map(quote).join(", ")} from ${quote(t.name)} order by ${t.key.map(quote).join(", ")}`).raw();
      let batch: unknown[][] = [];
      for (const row of stmt.iterate() as Iterable<unknown[]>) {
        batch.push(row);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
    async close() {
      db.close();
    },
  };
}

function pgSource(url: string): Source {
  const client = new pg.Client({ connectionString: url });
  const connected = client.connect();
  return {
    async count(t) {
      await connected;
      return (await client.query<{ n: number }>(`select count(*) as n from ${quote(t.name)}`)).rows[0]!.n;
    },
    async *batches(t, size) {
      await connected;
      // A cursor in a read-only transaction: one consistent snapshot, read a batch at a time.
      await client.query("BEGIN READ ONLY");
      try {
        await client.query(`DECLARE copy_rows NO SCROLL CURSOR FOR select ${t.columns.map(quote).join(", ")} from ${quote(t.name)} order by ${t.key.map(quote).join(", ")}`);
        for (;;) {
          const res = await client.query({ text: `FETCH ${size} FROM copy_rows`, rowMode: "array" });
          if (!res.rows.length) break;
          yield res.rows as unknown[][];
        }
      } finally {
        await client.query("COMMIT");
      }
    },
    async close() {
      await connected.catch(() => {});
      await client.end();
    },
  };
}

function sqliteTarget(file: string): Target {
  privateDir(path.dirname(file));
  precreatePrivateFile(file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  migrate(drizzle(db), { migrationsFolder: path.join(process.cwd(), "drizzle", "sqlite") });
  const toSqlite = (v: unknown, k: Kind) => (v === null ? null : k === "time" ? (v as Date).getTime() : k === "bool" ? Number(v) : k === "json" ? JSON.stringify(v) : v);
  return {
    async isEmpty(plan) {
      for (const t of plan) if ((db.prepare(`select count(*) as n from ${quote(t.name)}`).get() as { n: number }).n) return t.name;
      return null;
    },
    async begin() {
      db.exec("BEGIN IMMEDIATE");
    },
    async insert(t, rows) {
      const stmt = db.prepare(`insert into ${quote(t.name)} (${t.columns.map(quote).join(", ")}) values (${t.columns.map(() => "?").join(", ")})`);
      for (const row of rows) stmt.run(row.map((v, i) => toSqlite(v, t.kinds[i]!)));
    },
    async finish() {
      // AUTOINCREMENT's counters follow the largest id inserted: nothing to move.
    },
    async commit() {
      db.exec("COMMIT");
    },
    async rollback() {
      if (db.inTransaction) db.exec("ROLLBACK");
    },
    async count(t) {
      return (db.prepare(`select count(*) as n from ${quote(t.name)}`).get() as { n: number }).n;
    },
    async close() {
      db.close();
    },
  };
}

// PostgreSQL takes at most 65,535 parameters in one statement.
const PG_MAX_PARAMS = 65_000;

function pgTarget(url: string): Target {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  let client: pg.PoolClient | null = null;
  const toPg = (v: unknown, k: Kind) => (v === null ? null : k === "time" ? new Date(v as number) : k === "bool" ? v === 1 || v === true : v);
  const one = async () => (client ??= await pool.connect());
  return {
    async isEmpty(plan) {
      const c = await one();
      await migratePg(drizzlePg(c), { migrationsFolder: path.join(process.cwd(), "drizzle", "pg") });
      for (const t of plan) if ((await c.query<{ n: number }>(`select count(*) as n from ${quote(t.name)}`)).rows[0]!.n) return t.name;
      return null;
    },
    async begin() {
      await (await one()).query("BEGIN");
    },
    async insert(t, rows) {
      const c = await one();
      const per = Math.max(1, Math.floor(PG_MAX_PARAMS / t.columns.length));
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => `(${row.map((v, j) => (values.push(toPg(v, t.kinds[j]!)), `$${values.length}`)).join(", ")})`);
        await c.query(`insert into ${quote(t.name)} (${t.columns.map(quote).join(", ")}) values ${tuples.join(", ")}`, values);
      }
    },
    async finish(plan) {
      const c = await one();
      for (const t of plan) {
        if (!t.identity) continue;
        // The next id after the largest copied one (identity columns take ids given explicitly).
        await c.query(
          `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quote(t.identity)}) from ${quote(t.name)}), 0) + 1, false)`,
          [t.name, t.identity],
        );
      }
    },
    async commit() {
      await (await one()).query("COMMIT");
    },
    async rollback() {
      if (client) await client.query("ROLLBACK").catch(() => {});
    },
    async count(t) {
      return (await (await one()).query<{ n: number }>(`select count(*) as n from ${quote(t.name)}`)).rows[0]!.n;
    },
    async close() {
      client?.release();
      await pool.end();
    },
  };
}

const open = <T>(endpoint: Endpoint, sqlite: (f: string) => T, postgres: (u: string) => T) =>
  isPostgresUrl(endpoint) ? postgres(endpoint) : sqlite(path.resolve(endpoint));

/**
 * Copies every row of `from` into the empty database `to` (created and migrated if need be), in
 * batches of `batch` rows, all in one transaction on `to`, then checks that each table holds as
 * many rows on both sides. Refuses a target that already holds rows.
 */
export async function copyDatabase(from: Endpoint, to: Endpoint, opts: { batch?: number; onProgress?: (p: CopyProgress) => void } = {}): Promise<CopyReport> {
  if (isPostgresUrl(from) === isPostgresUrl(to)) throw new CopyError("A copy goes from a SQLite file to PostgreSQL or back: give one of each.");
  const started = performance.now();
  const plan = copyPlan();
  const source = open(from, sqliteSource, pgSource);
  let target: Target | null = null;
  try {
    target = open(to, sqliteTarget, pgTarget);
    const taken = await target.isEmpty(plan);
    if (taken) throw new CopyError(`The target already holds rows (in ${taken}); a copy goes into an empty database only.`);
    const size = opts.batch ?? 5_000;
    const tables: CopyReport["tables"] = [];
    await target.begin();
    try {
      for (const t of plan) {
        const t0 = performance.now();
        const total = await source.count(t);
        let done = 0;
        opts.onProgress?.({ table: t.name, done, total });
        for await (const rows of source.batches(t, size)) {
          await target.insert(t, rows);
          done += rows.length;
          opts.onProgress?.({ table: t.name, done, total });
        }
        tables.push({ table: t.name, rows: done, ms: performance.now() - t0 });
      }
      await target.finish(plan);
      await target.commit();
    } catch (err) {
      await target.rollback();
      throw err;
    }
    for (const t of plan) {
      const [a, b] = [await source.count(t), await target.count(t)];
      if (a !== b) throw new CopyError(`${t.name}: ${a} rows in the source, ${b} in the copy.`);
    }
    return { tables, rows: tables.reduce((n, t) => n + t.rows, 0), ms: performance.now() - started };
  } finally {
    await source.close();
    await target?.close();
  }
}
