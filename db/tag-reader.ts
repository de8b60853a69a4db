import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "./dialect";

/**
 * A server process's own view of `cache_tags` (lib/cache/shared-tags.ts), apart from the app's
 * connections: the server reads it before Next.js serves from its cache, outside the bundle the
 * app's modules live in. SQLite: one read-only connection whose `data_version` moves only when
 * another connection commits, so a request that finds it unchanged asks nothing more. PostgreSQL:
 * one connection, asked once per request (a notification could arrive after the next request).
 */
export type TagReader = {
  /** SQLite: a number that changes whenever any other connection has committed; PostgreSQL: null. */
  dataVersion(): number | null;
  /** Tags numbered above `seq`, with the highest number among them (`seq` when there are none). */
  since(seq: number): Promise<{ tags: string[]; seq: number }>;
  /** The highest number given so far (0 before any write). */
  top(): Promise<number>;
  close(): Promise<void>;
};

const SINCE = "select tag, seq from cache_tags where seq > $1";
const TOP = "select coalesce(max(seq), 0) as seq from cache_tags";

export function openTagReader(target: string): TagReader {
  return isPostgresUrl(target) ? pgReader(target) : sqliteReader(target);
}

type Row = { tag: string; seq: number | string };

function collect(rows: Row[], seq: number) {
  let top = seq;
  for (const r of rows) top = Math.max(top, Number(r.seq));
  return { tags: rows.map((r) => r.tag), seq: top };
}

function sqliteReader(file: string): TagReader {
  const conn = new Database(file, { fileMustExist: true });
  conn.pragma("busy_timeout = 5000");
  conn.pragma("query_only = ON");
  const version = conn.prepare("pragma data_version").pluck();
  const since = conn.prepare(SINCE.replace("$1", "?"));
  const top = conn.prepare(TOP).pluck();
  return {
    dataVersion: () => version.get() as number,
    since: async (seq) => collect(since.all(seq) as Row[], seq),
    top: async () => Number(top.get()),
    close: async () => void conn.close(),
  };
}

function pgReader(url: string): TagReader {
  const pool = new pg.Pool({ connectionString: url, max: 1, options: "-c default_transaction_read_only=on" });
  pool.on("error", () => {});
  return {
    dataVersion: () => null,
    since: async (seq) => collect((await pool.query<Row>({ name: "marquee_cache_tags_since", text: SINCE, values: [seq] })).rows, seq),
    top: async () => Number((await pool.query<{ seq: number | string }>(TOP)).rows[0]?.seq ?? 0),
    close: () => pool.end(),
  };
}
