// The e2e suite reads and fixes rows of the server's database synchronously, as better-sqlite3
// does on the SQLite file. On PostgreSQL (E2E_DATABASE_URL) the same calls go through `psql`, one
// process per statement: `?` parameters become psql variables (quoted by psql itself), and rows
// come back as JSON, then in SQLite's shape (time stamps as milliseconds, booleans as 0 and 1), so
// every spec reads both, and with mixed-case aliases spelled as written. Pass times as Date objects.
import { execFileSync } from "node:child_process";
import { aliases } from "../../helpers/sql-aliases";

type Row = Record<string, unknown>;

const ISO_STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const shaped = (v: unknown) => (typeof v === "boolean" ? Number(v) : typeof v === "string" && ISO_STAMP.test(v) ? Date.parse(v) : v);

function literal(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "boolean") return v ? "true" : "false";
  return String(v);
}

/** Runs one statement; `wrap` returns its rows as JSON (a query, or a write with RETURNING). */
function psql(url: string, text: string, params: unknown[], wrap: boolean): string {
  let n = 0;
  const vars: string[] = [];
  const nulls = new Set<number>();
  const body = text.replace(/\?/g, () => {
    const i = n++;
    if (params[i] === null || params[i] === undefined) {
      nulls.add(i);
      return "null";
    }
    vars.push("-v", `p${i}=${literal(params[i])}`);
    return `:'p${i}'`;
  });
  const sql = wrap ? `with q as (${body}) select coalesce(json_agg(q), '[]'::json) from q` : body;
  return execFileSync("psql", ["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", ...vars, "-d", url], { input: sql, encoding: "utf8" });
}

class Statement {
  private mode: "rows" | "pluck" | "raw" = "rows";

  constructor(
    private readonly url: string,
    private readonly text: string,
  ) {}

  pluck() {
    this.mode = "pluck";
    return this;
  }

  raw() {
    this.mode = "raw";
    return this;
  }

  all(...params: unknown[]): unknown[] {
    const spelled = aliases(this.text);
    const rows = (JSON.parse(psql(this.url, this.text, params, true)) as Row[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [spelled.get(k) ?? k, shaped(v)])));
    if (this.mode === "pluck") return rows.map((r) => Object.values(r)[0]);
    if (this.mode === "raw") return rows.map((r) => Object.values(r));
    return rows;
  }

  get(...params: unknown[]): unknown {
    return this.all(...params)[0];
  }

  run(...params: unknown[]): { changes: number } {
    const out = psql(this.url, this.text, params, false);
    const tag = /(?:INSERT \d+|UPDATE|DELETE) (\d+)\s*$/.exec(out);
    return { changes: tag ? Number(tag[1]) : 0 };
  }
}

/** The subset of better-sqlite3's Database the specs use, on a PostgreSQL database. */
export class PgSyncDb {
  constructor(private readonly url: string) {}

  prepare(text: string) {
    return new Statement(this.url, text);
  }

  /** No transaction across psql processes: each statement commits on its own (fixtures only). */
  transaction<A extends unknown[], R>(fn: (...args: A) => R) {
    return fn;
  }

  pragma() {}

  close() {}
}
