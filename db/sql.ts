// The few SQL fragments that SQLite and PostgreSQL spell differently, for raw SQL that must run on
// both. Everything else Marquee writes is common to the two: `cast(… as integer)`, `coalesce`,
// `is distinct from`, `on conflict … do`, `returning`, `true`/`false`, `nulls first/last`.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { DIALECT } from "./dialect";

const pg = DIALECT === "pg";

/** The larger of two values (SQLite's two-argument `max`). */
export const greatest = (a: SQLWrapper | number, b: SQLWrapper | number): SQL => (pg ? sql`greatest(${a}, ${b})` : sql`max(${a}, ${b})`);

/** The smaller of two values (SQLite's two-argument `min`). */
export const least = (a: SQLWrapper | number, b: SQLWrapper | number): SQL => (pg ? sql`least(${a}, ${b})` : sql`min(${a}, ${b})`);

/** A time stamp column's calendar month in UTC, as `YYYY-MM`. */
export const monthOf = (at: SQLWrapper): SQL => (pg ? sql`to_char(${at} at time zone 'UTC', 'YYYY-MM')` : sql`strftime('%Y-%m', ${at} / 1000, 'unixepoch')`);

/** A time stamp column as milliseconds since the epoch (a number on both). */
export const msOf = (at: SQLWrapper): SQL<number> => (pg ? sql<number>`cast(floor(extract(epoch from ${at}) * 1000) as bigint)` : sql<number>`${at}`);

/** A time as a raw SQL parameter compared with (or stored in) a time stamp column. */
export const atTime = (at: Date): SQL => (pg ? sql`${at.toISOString()}::timestamptz` : sql`${at.getTime()}`);

/** A JSON array of `value` over a group, as JSON text on both (`[]` for no rows). */
export const jsonArrayText = (value: SQLWrapper): SQL<string> =>
  pg ? sql<string>`coalesce(json_agg(${value}), '[]'::json)::text` : sql<string>`json_group_array(${value})`;

/**
 * The id the next comment will get, taken before its insert (its thread path holds its own id):
 * SQLite's next AUTOINCREMENT value (the insert then moves sqlite_sequence past it), or a value
 * drawn from PostgreSQL's identity sequence (the insert gives it explicitly).
 */
export const nextCommentId: SQL<number> = pg
  ? sql<number>`nextval(pg_get_serial_sequence('comments', 'id'))`
  : sql<number>`coalesce((select seq from sqlite_sequence where name = 'comments'), 0) + 1`;

/** A list of texts as a table of one column, `value` (PostgreSQL's unnest, SQLite's json_each). */
export const textRows = (values: readonly string[]): SQL =>
  pg ? sql`unnest(array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]) as t(value)` : sql`json_each(${JSON.stringify(values)})`;
