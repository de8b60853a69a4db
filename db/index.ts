import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { writeTurn } from "./cluster-lock";
import { DIALECT, isPostgresUrl, type Dialect } from "./dialect";
import * as schema from "./schema";
import * as pgSchema from "./schema-pg";
import { databaseFiles, precreatePrivateFile, PRIVATE_FILE_MODE, privateDir, tightenMode } from "./private-files";

/**
 * A Drizzle handle on one connection (SQLite) or a pool or one pooled client (PostgreSQL). It is
 * typed as SQLite's: the app builds queries from what both query builders share and runs them
 * with `await` (db/query.ts), so the same code runs on either.
 */
export type Conn = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle a write transaction works through: the write connection, while its lock is held. */
export type Tx = Conn;

/**
 * Marquee's database: a Drizzle handle reads go through (SQLite's read connection, or a pool of
 * read-only PostgreSQL connections), and, out of reach behind `writeTx`, the writer and its lock.
 * Reads are read-only: a write that skips `writeTx` fails at once instead of racing a transaction.
 */
export type DB = Conn & { readonly [WRITER]: Writer };

// From the global registry: Next bundles this module more than once (instrumentation, each route),
// and the process's one DB, opened by any copy, must be usable by every other.
const WRITER = Symbol.for("marquee.writer");
type SqliteWriter = { dialect: "sqlite"; conn: Conn; lock: Lock; file: string };
type PgWriter = {
  dialect: "pg";
  pool: pg.Pool;
  conn: Conn;
  lock: Lock;
  url: string;
  clients: WeakMap<pg.PoolClient, Conn>;
  migrationsFolder: string;
  /** How long a transaction waits for the write lock another process holds (SQLite's busy_timeout). */
  lockWaitMs: number;
};
type Writer = SqliteWriter | PgWriter;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle", "sqlite");
export const PG_MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle", "pg");

export type OpenOptions = {
  migrationsFolder?: string;
  /** PostgreSQL: the most connections each of the read and write pools opens (default 10 and 4). */
  pool?: { read?: number; write?: number };
};

/** The dialect a handle runs on. */
export const dialectOf = (db: DB): Dialect => db[WRITER].dialect;

/**
 * Opens Marquee's database: a `postgres://` address opens PostgreSQL (`openPg`), anything else is
 * a SQLite file (`openSqlite`). The process's tables (db/schema) follow DATABASE_URL, so a handle
 * of the other dialect than the process's is refused. Then `readyDb` before first use.
 */
export function openDb(target: string, opts: OpenOptions = {}): DB {
  const wanted: Dialect = isPostgresUrl(target) ? "pg" : "sqlite";
  if (wanted !== DIALECT) throw new Error(`This process runs on ${DIALECT === "pg" ? "PostgreSQL (DATABASE_URL)" : "SQLite"}; it cannot open ${wanted === "pg" ? "a PostgreSQL database" : "a SQLite file"}.`);
  return wanted === "pg" ? openPg(target, opts) : openSqlite(target, opts);
}

/**
 * Applies what opening could not do synchronously (PostgreSQL's migrations), then `onReady` (the
 * badge catalog, lib/db.ts). SQLite's migrations already ran in `openSqlite`.
 */
export async function readyDb(db: DB, onReady?: (db: DB) => Promise<void>): Promise<DB> {
  const writer = db[WRITER];
  if (writer.dialect === "pg") {
    // Hosts starting at once take turns: the first applies what is new, the others find nothing left.
    // The lock is held on a connection of its own, so a write pool of one still migrates.
    const client = new pg.Client({ connectionString: writer.url });
    await client.connect();
    try {
      await client.query(`SELECT pg_advisory_lock(${MIGRATE_LOCK_KEY})`);
      await migratePg(writer.conn as never, { migrationsFolder: writer.migrationsFolder });
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  await onReady?.(db);
  return db;
}

/**
 * Opens a SQLite file with Marquee's pragmas: a write connection (which applies the committed
 * migrations) and a read connection, both in WAL mode so that readers never wait for a writer and
 * never see a row before its transaction commits. Its folder is made 0700 and its files 0600.
 */
function openSqlite(file: string, opts: OpenOptions): DB {
  if (file === ":memory:") throw new Error("Marquee needs a database file: its reads and writes use two connections.");
  privateDir(path.dirname(file));
  precreatePrivateFile(file);
  const writer = connect(file);
  writer.pragma("journal_mode = WAL");
  // SQLite makes -wal and -shm with the database file's mode; older ones may predate that.
  for (const f of databaseFiles(file)) tightenMode(f, PRIVATE_FILE_MODE);
  const writeConn = drizzle(writer, { schema }) as Conn;
  migrate(writeConn, { migrationsFolder: opts.migrationsFolder ?? MIGRATIONS_FOLDER });
  const reader = connect(file);
  reader.pragma("query_only = ON");
  const db = drizzle(reader, { schema }) as Conn;
  Object.defineProperty(db, WRITER, { value: { dialect: "sqlite", conn: writeConn, lock: new Lock(), file } satisfies SqliteWriter });
  return db as DB;
}

// PostgreSQL's bigint and numeric arrive as strings by default; Marquee's counts, sums and ids fit
// a double exactly, and the app relies on them being numbers (drizzle-orm reads pg's global parsers).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * Opens PostgreSQL through node-postgres: a pool of read-only connections (a write outside
 * `writeTx` fails, as on SQLite's `query_only` reader) and a smaller pool that writes, each
 * transaction on one client of it. No connection is made until the first query.
 */
function openPg(url: string, opts: OpenOptions): DB {
  const read = new pg.Pool({ connectionString: url, max: opts.pool?.read ?? 10, options: "-c default_transaction_read_only=on" });
  const write = new pg.Pool({ connectionString: url, max: opts.pool?.write ?? 4 });
  // An idle client's error (the server restarted) must not end the process; the next query reconnects.
  for (const pool of [read, write]) pool.on("error", () => {});
  const db = drizzlePg(read, { schema: pgSchema }) as unknown as Conn;
  const writer: PgWriter = {
    dialect: "pg",
    pool: write,
    conn: drizzlePg(write, { schema: pgSchema }) as unknown as Conn,
    lock: new Lock(),
    url,
    clients: new WeakMap(),
    migrationsFolder: opts.migrationsFolder ?? PG_MIGRATIONS_FOLDER,
    lockWaitMs: LOCK_WAIT_MS,
  };
  Object.defineProperty(db, WRITER, { value: writer });
  return db as DB;
}

function connect(file: string): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma("foreign_keys = ON");
  // Another process's writer (a script, a second server) is waited for, not failed on.
  sqlite.pragma("busy_timeout = 5000");
  // Set explicitly: the connection that switched the file to WAL and later ones otherwise differ.
  sqlite.pragma("synchronous = NORMAL");
  cacheStatements(sqlite);
  return sqlite;
}

/** Closes both connections (the write connection last, so that it checkpoints the WAL). */
export async function closeDb(db: DB): Promise<void> {
  const writer = db[WRITER];
  if (writer.dialect === "pg") {
    await Promise.all([(db.$client as unknown as pg.Pool).end(), writer.pool.end()]);
    return;
  }
  if (db.$client.open) db.$client.close();
  if (writer.conn.$client.open) writer.conn.$client.close();
}

/** The SQLite file a handle was opened on; null on PostgreSQL. */
export const dbFile = (db: DB): string | null => {
  const writer = db[WRITER];
  return writer.dialect === "sqlite" ? writer.file : null;
};

/** Where a handle points, for messages: the SQLite file, or the PostgreSQL address without its password. */
export function dbLabel(db: DB): string {
  const writer = db[WRITER];
  if (writer.dialect === "sqlite") return writer.file;
  const u = new URL(writer.url);
  if (u.password) u.password = "***";
  return u.toString();
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Drizzle prepares every query afresh, and preparing costs more than running most of ours. Each
 * connection keeps prepared statements by SQL text instead (a statement handed out again has its
 * output modes reset). Safe because every statement runs to completion synchronously.
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

/** A first-come, first-served async lock: who holds it is the only user of the write connection. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => held);
    await before;
    return release;
  }
}

const g = globalThis as unknown as { __marqueeTx?: AsyncLocalStorage<DB> };
// One for the process, for the same reason as WRITER.
const inTransaction = (g.__marqueeTx ??= new AsyncLocalStorage<DB>());

/**
 * Runs `fn` as one transaction on the write connection. The lock makes every other write wait for
 * the commit, so no other request's statement ever runs inside it, while reads go on through the
 * read connection and see only what has committed. BEGIN IMMEDIATE takes SQLite's write lock up
 * front: a writer in another process waits on busy_timeout instead of failing on lock upgrade.
 * Only database work belongs in `fn`: hash, render and decode before, since every other write
 * queues behind it. A throw rolls everything back.
 */
export async function writeTx<T>(db: DB, fn: (tx: Tx) => Promise<T> | T): Promise<T> {
  if (inTransaction.getStore() === db) throw new Error("writeTx inside writeTx: pass the open transaction down instead.");
  const writer = db[WRITER];
  const release = await writer.lock.acquire();
  try {
    return writer.dialect === "pg" ? await pgTransaction(db, writer, fn) : await sqliteTransaction(db, writer, fn);
  } finally {
    release();
  }
}

async function sqliteTransaction<T>(db: DB, writer: SqliteWriter, fn: (tx: Tx) => Promise<T> | T): Promise<T> {
  const client = writer.conn.$client;
  // The other workers of this server wait their turn without sleeping (db/cluster-lock.ts).
  const endTurn = await writeTurn();
  try {
    client.exec("BEGIN IMMEDIATE");
    try {
      const value = await inTransaction.run(db, () => fn(writer.conn));
      client.exec("COMMIT");
      return value;
    } catch (err) {
      if (client.inTransaction) client.exec("ROLLBACK");
      throw err;
    }
  } finally {
    endTurn();
  }
}

// The key of the advisory lock PostgreSQL's migrations are applied under, one host at a time ("MQMG").
const MIGRATE_LOCK_KEY = 0x4d514d47;
// The key of the advisory lock every PostgreSQL write transaction takes (any constant; "MQWR").
export const WRITE_LOCK_KEY = 0x4d515752;
// A writer in another process is waited for this long, then the write fails (as busy_timeout on SQLite).
const LOCK_WAIT_MS = 5000;

/**
 * How long this handle's writes wait for a writer in another process before failing with nothing
 * written (0: fail at once). SQLite's busy_timeout, PostgreSQL's lock_timeout on the write lock.
 */
export function setWriteLockWait(db: DB, ms: number) {
  const writer = db[WRITER];
  if (writer.dialect === "pg") writer.lockWaitMs = ms;
  else writer.conn.$client.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
}

/**
 * PostgreSQL: one pooled client, BEGIN and a transaction-scoped advisory lock that every writer of
 * the database takes, in this process or any other, held until COMMIT or ROLLBACK. So writes are
 * one at a time, as on SQLite: a verb's reads inside its transaction (READ COMMITTED) see every
 * earlier write committed, and nothing moves under them before they commit. The lock in this
 * process queues its own writers first, so that waiting ones hold no connection.
 */
async function pgTransaction<T>(db: DB, writer: PgWriter, fn: (tx: Tx) => Promise<T> | T): Promise<T> {
  const client = await writer.pool.connect();
  let broken: unknown;
  try {
    try {
      // lock_timeout 0 would mean "wait for ever": 1 ms is PostgreSQL's "at once".
      const wait = Math.max(1, Math.floor(writer.lockWaitMs));
      await client.query(`BEGIN; SET LOCAL lock_timeout = ${wait}; SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY}); SET LOCAL lock_timeout = 0`);
      const value = await inTransaction.run(db, () => fn(clientConn(writer, client)));
      await client.query("COMMIT");
      return value;
    } catch (err) {
      // Also when the lock was not granted in time: the transaction BEGIN opened ends here.
      await client.query("ROLLBACK").catch((e: unknown) => (broken = e));
      throw err;
    }
  } finally {
    // A client whose ROLLBACK failed is closed rather than handed to the next writer.
    client.release(broken instanceof Error ? broken : undefined);
  }
}

/** One Drizzle handle per pooled client, kept, so that `preparedOn` builds each query once per connection. */
function clientConn(writer: PgWriter, client: pg.PoolClient): Conn {
  let conn = writer.clients.get(client);
  if (!conn) writer.clients.set(client, (conn = drizzlePg(client, { schema: pgSchema }) as unknown as Conn));
  return conn;
}

/**
 * The write connection without its lock, for what runs alone: test fixtures, and command-line
 * maintenance before or without a server in this process. Never from the app (a lint rule keeps it
 * out of app/, components/ and lib/).
 */
export function unlockedWriter(db: DB): Conn {
  return db[WRITER].conn;
}

const preparedByConn = new WeakMap<Conn, Map<(conn: Conn) => unknown, unknown>>();

/**
 * A Drizzle query built and prepared once per connection, then run with placeholders: building a
 * query's SQL costs more than running most of ours, and a hot write (an upvote) runs a dozen.
 * `build` must be a module-level function, so that it names one query.
 */
export function preparedOn<T>(conn: Conn, build: (conn: Conn) => T): T {
  let byBuild = preparedByConn.get(conn);
  if (!byBuild) preparedByConn.set(conn, (byBuild = new Map()));
  if (!byBuild.has(build)) byBuild.set(build, build(conn));
  return byBuild.get(build) as T;
}
