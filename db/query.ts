// Running Drizzle queries the same way on SQLite and PostgreSQL. Both query builders build the
// same queries; only SQLite's builders also run synchronously (`.get()`, `.all()`, `.run()`), which
// PostgreSQL's lack, so the app awaits every query (a lint rule keeps the synchronous forms out):
//   a query's rows          await db.select()…            prepared: await P.execute({ … })
//   its first row           await first(db.select()…)     prepared: await first(P.execute({ … }))
//   a write                 await db.update()…            rows it touched: affected(await …)
//   raw SQL                 rawRows / rawFirst / rawRun below, with db/sql.ts for what differs.
import type { SQL } from "drizzle-orm";
import type { Conn } from "./index";
import { DIALECT } from "./dialect";

/** The first row of a query's rows, or undefined when there are none. */
export async function first<T>(rows: PromiseLike<T[]> | T[]): Promise<T | undefined> {
  return (await rows)[0];
}

/** How many rows a write touched: SQLite's `changes`, PostgreSQL's `rowCount`. */
export function affected(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}

type PgExecutor = { execute(query: SQL): Promise<{ rows: unknown[]; rowCount: number | null }> };

/** A raw SQL statement's rows, as the driver returns them (db/sql.ts names what differs). */
export async function rawRows<T>(conn: Conn, query: SQL): Promise<T[]> {
  if (DIALECT === "pg") return (await (conn as unknown as PgExecutor).execute(query)).rows as T[];
  return conn.all<T>(query);
}

/** A raw SQL statement's first row, or undefined. */
export async function rawFirst<T>(conn: Conn, query: SQL): Promise<T | undefined> {
  return (await rawRows<T>(conn, query))[0];
}

/** Runs a raw SQL statement that returns no rows; resolves to how many rows it touched. */
export async function rawRun(conn: Conn, query: SQL): Promise<number> {
  if (DIALECT === "pg") return (await (conn as unknown as PgExecutor).execute(query)).rowCount ?? 0;
  return conn.run(query).changes;
}

/** The one row a write's `.returning()` gives (an insert of one row, an update by key known to exist). */
export async function one<T>(rows: PromiseLike<T[]> | T[]): Promise<T> {
  const row = (await rows)[0];
  if (row === undefined) throw new Error("A write that returns its row returned none.");
  return row;
}

/**
 * A unique index refused a write: SQLite's SQLITE_CONSTRAINT_UNIQUE or PostgreSQL's 23505 (which
 * Drizzle wraps, keeping the driver's error as the cause). `detail` names the index or columns
 * ("users.email", "users_email_unique"), for telling which value was taken.
 */
export function uniqueViolation(err: unknown): { detail: string } | null {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === "SQLITE_CONSTRAINT_UNIQUE") return { detail: e.message };
    if (code === "23505") {
      const pg = e as { constraint?: string; detail?: string };
      return { detail: `${pg.constraint ?? ""} ${pg.detail ?? ""}` };
    }
  }
  return null;
}
