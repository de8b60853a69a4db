import { createHash } from "node:crypto";
import Database from "better-sqlite3";

// What "nothing was written" means for the fuzz spec: a digest of every row of every table the
// application writes, read from the e2e database while the server runs. Tables that count
// attempts (sign-in throttle, rate windows, sign-up limits) change on a refusal by design: they
// are left out of the digest, and put back as they were before every request, so that hundreds of
// hostile requests from one address neither slow the fuzz down nor throttle the specs after it.

/** Tables that record attempts rather than content: a refusal may write them. */
const isCountingTable = (name: string) => /throttle|rate|limit|attempt/i.test(name);
/** What the server writes by itself, on a clock: when the sweep last ran (lib/maintenance/jobs.ts). */
export const CLOCK_TABLES: readonly string[] = ["jobs"];

export type Digest = Map<string, string>;
export type CountingRows = { name: string; rows: Record<string, unknown>[] }[];

export class DbWatch {
  private readonly reader: Database.Database;
  private readonly writer: Database.Database;
  private readonly content: string[];
  private readonly counting: CountingRows;

  /** `baseline`: the counting tables' rows to put back, when an earlier watch on this database read them first. */
  constructor(file: string, baseline?: CountingRows) {
    this.reader = new Database(file, { readonly: true, fileMustExist: true });
    this.writer = new Database(file, { fileMustExist: true });
    for (const db of [this.reader, this.writer]) db.pragma("busy_timeout = 10000");
    const tables = (this.reader.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\'").pluck().all() as string[]).sort();
    this.content = tables.filter((t) => !isCountingTable(t) && !CLOCK_TABLES.includes(t));
    this.counting = baseline ?? tables.filter(isCountingTable).map((name) => ({ name, rows: this.reader.prepare(`select * from "${name}"`).all() as Record<string, unknown>[] }));
  }

  /** The counting tables' rows as they are put back. */
  get baseline(): CountingRows {
    return this.counting;
  }

  /** One digest per content table: its row count and a hash of every row. */
  digest(): Digest {
    const out: Digest = new Map();
    this.reader.transaction(() => {
      for (const t of this.content) {
        const h = createHash("sha1");
        let n = 0;
        for (const row of this.reader.prepare(`select * from "${t}" order by rowid`).raw().iterate() as Iterable<unknown[]>) {
          n++;
          for (const v of row) h.update(Buffer.isBuffer(v) ? v : String(v)).update("\u0001");
          h.update("\u0002");
        }
        out.set(t, `${n} rows ${h.digest("hex").slice(0, 12)}`);
      }
    })();
    return out;
  }

  /** The tables whose digest differs between two snapshots, with both digests. */
  static changed(before: Digest, after: Digest): string[] {
    return [...before.keys()].filter((t) => before.get(t) !== after.get(t)).map((t) => `${t}: ${before.get(t)} → ${after.get(t)}`);
  }

  /** Puts the counting tables back as they were when the watch began. */
  resetCounters() {
    this.writer.transaction(() => {
      for (const { name, rows } of this.counting) {
        this.writer.prepare(`delete from "${name}"`).run();
        for (const row of rows) {
          const cols = Object.keys(row);
          this.writer.prepare(`insert into "${name}" (${cols.map((c) => `"${c}"`).join(", ")}) values (${cols.map(() => "?").join(", ")})`).run(...cols.map((c) => row[c]));
        }
      }
    })();
  }

  close() {
    this.reader.close();
    this.writer.close();
  }
}
