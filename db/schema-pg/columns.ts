import { customType, timestamp } from "drizzle-orm/pg-core";

/**
 * What SQLite keeps as `integer({ mode: "timestamp_ms" })`: a moment, with its time zone, to the
 * millisecond. PostgreSQL would otherwise keep microseconds (`now()` has them), and a row's time
 * read into a Date and compared again would no longer equal the stored one.
 */
export const instant = <TName extends string>(name: TName) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

/**
 * Text compared byte by byte, as SQLite compares all text. Where order or a range decides what a
 * query returns (a comment's path: a thread in order, a subtree up to "~"), it must not depend on
 * the database's collation. drizzle-orm has no column collation, hence a type that carries it.
 */
export const bytewiseText = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

/** What SQLite keeps as `blob({ mode: "buffer" })`: bytes, read and written as a Buffer (node-postgres's own for bytea). */
export const bytes = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });
