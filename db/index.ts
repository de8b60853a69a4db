import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { databaseFiles, precreatePrivateFile, PRIVATE_FILE_MODE, privateDir, tightenMode } from "./private-files";

/** A Drizzle handle on one SQLite connection. */
export type Conn = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle a write transaction works through: the write connection, while its lock is held. */
export type Tx = Conn;

/**
 * Marquee's database: a Drizzle handle on the read connection (every loader reads through it), and,
 * out of reach behind `writeTx`, the one write connection and its lock. The read connection is
 * `query_only`: a write that skips `writeTx` fails at once instead of racing a transaction.
 */
export type DB = Conn & { readonly [WRITER]: Writer };

// From the global registry: Next bundles this module more than once (instrumentation, each route),
// and the process's one DB, opened by any copy, must be usable by every other.
const WRITER = Symbol.for("marquee.writer");
type Writer = { conn: Conn; lock: Lock; file: string };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle", "sqlite");

export type OpenOptions = {
  migrationsFolder?: string;
  /** Runs once on the write connection after the migrations, before anyone else can use it. */
  onOpen?: (writer: Conn) => void;
};

/**
 * Opens a SQLite file with Marquee's pragmas: a write connection (which applies the committed
 * migrations) and a read connection, both in WAL mode so that readers never wait for a writer and
 * never see a row before its transaction commits. Its folder is made 0700 and its files 0600.
 */
export function openDb(file: string, opts: OpenOptions = {}): DB {
  if (file === ":memory:") throw new Error("Marquee needs a database file: its reads and writes use two connections.");
  privateDir(path.dirname(file));
  precreatePrivateFile(file);
  const writer = connect(file);
  writer.pragma("journal_mode = WAL");
  // SQLite makes -wal and -shm with the database file's mode; older ones may predate that.
  for (const f of databaseFiles(file)) tightenMode(f, PRIVATE_FILE_MODE);
  const writeConn = drizzle(writer, { schema }) as Conn;
  migrate(writeConn, { migrationsFolder: opts.migrationsFolder ?? MIGRATIONS_FOLDER });
  opts.onOpen?.(writeConn);
  const reader = connect(file);
  reader.pragma("query_only = ON");
  const db = drizzle(reader, { schema }) as Conn;
  Object.defineProperty(db, WRITER, { value: { conn: writeConn, lock: new Lock(), file } satisfies Writer });
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
export function closeDb(db: DB) {
  if (db.$client.open) db.$client.close();
  const { conn } = db[WRITER];
  if (conn.$client.open) conn.$client.close();
}

/** The database file a handle was opened on. */
export const dbFile = (db: DB) => db[WRITER].file;

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
  const client = writer.conn.$client;
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
    release();
  }
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
