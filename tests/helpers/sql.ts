// Raw SQL in tests, on either dialect: a statement written with `?` placeholders, its parameters,
// and rows in the shape SQLite holds them (time stamps as milliseconds, booleans as 0 and 1), so
// that one assertion reads both. Pass a time as a Date and a boolean as true/false: SQLite gets
// milliseconds and 0/1, PostgreSQL its own types. `conn` is a DB (reads), `fixtureWriter(db)`
// (writes outside any verb) or a transaction's handle.
import type pg from "pg";
import type { Conn } from "@/db";
import { DIALECT } from "@/db/dialect";
import { aliases } from "./sql-aliases";

const ON_PG = DIALECT === "pg";

type Row = Record<string, unknown>;

const toSqlite = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === "boolean" ? Number(v) : v);
/** A PostgreSQL value as SQLite holds it: a time stamp as milliseconds, a boolean as 0/1, JSON as its text, bytes (bytea) as a Buffer. */
export const asSqliteValue = (v: unknown) =>
  v instanceof Date ? v.getTime() : typeof v === "boolean" ? Number(v) : Buffer.isBuffer(v) ? v : v !== null && typeof v === "object" ? JSON.stringify(v) : v;
const fromPg = asSqliteValue;

/** `?` placeholders as PostgreSQL's `$1`, `$2`, … (outside quoted strings). */
function numbered(text: string): string {
  let n = 0;
  let out = "";
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "?") {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

async function pgQuery(conn: Conn, text: string, params: unknown[]): Promise<{ rows: Row[]; rowCount: number }> {
  const client = conn.$client as unknown as pg.Pool;
  const res = await client.query({ text: numbered(text), values: params, rowMode: "array" });
  const spelled = aliases(text);
  const names = res.fields.map((f) => spelled.get(f.name) ?? f.name);
  const rows = (res.rows as unknown[][]).map((r) => Object.fromEntries(r.map((v, i) => [names[i], fromPg(v)])));
  return { rows, rowCount: res.rowCount ?? 0 };
}

/** Every row a query returns. */
export async function sqlAll<T = Row>(conn: Conn, text: string, ...params: unknown[]): Promise<T[]> {
  if (ON_PG) return (await pgQuery(conn, text, params)).rows as T[];
  return conn.$client.prepare(text).all(...params.map(toSqlite)) as T[];
}

/** The first row a query returns, or undefined. */
export async function sqlGet<T = Row>(conn: Conn, text: string, ...params: unknown[]): Promise<T | undefined> {
  return (await sqlAll<T>(conn, text, ...params))[0];
}

/** The first column of every row. */
export async function sqlColumn<T = unknown>(conn: Conn, text: string, ...params: unknown[]): Promise<T[]> {
  return (await sqlAll<Row>(conn, text, ...params)).map((r) => Object.values(r)[0] as T);
}

/** The first column of the first row, or undefined. */
export async function sqlValue<T = unknown>(conn: Conn, text: string, ...params: unknown[]): Promise<T> {
  return (await sqlColumn<T>(conn, text, ...params))[0] as T;
}

/** Runs a statement; resolves to how many rows it touched. */
export async function sqlRun(conn: Conn, text: string, ...params: unknown[]): Promise<number> {
  if (ON_PG) return (await pgQuery(conn, text, params)).rowCount;
  return conn.$client.prepare(text).run(...params.map(toSqlite)).changes;
}
