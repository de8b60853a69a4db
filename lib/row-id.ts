/**
 * The largest id a row can have: PostgreSQL's `integer`, the type of every id column there
 * (SQLite's ids are the same numbers and never come near it). A larger number names no row: it
 * is refused like any other unknown id, before any query, which PostgreSQL would fail.
 */
export const MAX_ROW_ID = 2_147_483_647;

/** Whether `n` can be a row's id: a whole number from 1 to MAX_ROW_ID. */
export const isRowId = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 1 && n <= MAX_ROW_ID;
