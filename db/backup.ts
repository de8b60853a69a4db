import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { precreatePrivateFile, PRIVATE_FILE_MODE, tightenMode } from "./private-files";

// The tables whose row counts a backup reports, when the copy has them.
const MAIN_TABLES = ["users", "films", "posts", "post_revisions", "comments", "comment_revisions", "post_votes", "comment_votes", "notifications", "user_badges"];

export type BackupReport = {
  source: string;
  file: string;
  bytes: number;
  pages: number;
  /** Wall time of the copy and its verification. */
  ms: number;
  integrity: string;
  rows: Record<string, number>;
};

/** A backup refused or failed for a reason worth telling the operator as is. */
class BackupError extends Error {
  override name = "BackupError";
}

const exists = (file: string) => fs.existsSync(file);
// The most pages one backup step takes (better-sqlite3's upper bound): all of them.
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a live SQLite database to `destPath` with SQLite's online backup API, while other
 * processes go on writing, then checks the copy with `PRAGMA integrity_check`. Never overwrites:
 * the copy is made beside `destPath` (mode 0600) and only linked into place, verified, if nothing is there.
 * A plain file copy of a live database can miss commits still in the WAL; this cannot.
 */
export async function backupDatabase(srcPath: string, destPath: string): Promise<BackupReport> {
  const started = performance.now();
  const source = path.resolve(srcPath);
  const file = path.resolve(destPath);
  if (exists(file)) throw new BackupError(`${file} already exists; a backup never overwrites a file. Choose a new name or move that file away.`);
  if (!exists(source)) throw new BackupError(`There is no database at ${source}.`);
  if (!exists(path.dirname(file))) throw new BackupError(`The folder ${path.dirname(file)} does not exist.`);
  const partial = `${file}.partial-${process.pid}-${Date.now()}`;
  try {
    // A backup holds everything the database does: 0600 from its first byte, like the database.
    precreatePrivateFile(partial);
    const src = new Database(source, { readonly: true, fileMustExist: true });
    try {
      src.pragma("busy_timeout = 5000");
      // SQLite restarts a backup from the first page whenever another connection writes between
      // two steps, so under steady writes small steps may never finish. Past the first (empty)
      // step, copy everything in one: one read transaction, which in WAL mode blocks no writer.
      await src.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      src.close();
    }
    const copy = new Database(partial, { fileMustExist: true });
    let integrity: string;
    let rows: Record<string, number>;
    let pages: number;
    try {
      // One self-contained file (no -wal or -shm beside it) that opens anywhere, read-only media
      // included; openDb switches it back to WAL when it is restored.
      copy.pragma("journal_mode = DELETE");
      pages = copy.pragma("page_count", { simple: true }) as number;
      integrity = (copy.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
      const present = new Set(copy.prepare(`select name from sqlite_master where type = 'table'`).pluck().all() as string[]);
      rows = Object.fromEntries(
        MAIN_TABLES.filter((t) => present.has(t)).map((t) => [t, copy.prepare(`select count(*) from "${t}"`).pluck().get() as number]),
      );
    } finally {
      copy.close();
    }
    if (integrity !== "ok") throw new BackupError(`The copy failed PRAGMA integrity_check (${integrity}); nothing was written to ${file}.`);
    place(partial, file);
    tightenMode(file, PRIVATE_FILE_MODE);
    const { size } = fs.statSync(file);
    return { source, file, bytes: size, pages, ms: performance.now() - started, integrity, rows };
  } finally {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(leftover, { force: true });
  }
}

/** Moves the finished copy to its name, refusing (atomically) when a file appeared there meanwhile. */
function place(partial: string, file: string) {
  try {
    fs.linkSync(partial, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new BackupError(`${file} appeared while the backup ran; it was left as it is.`);
    // A file system without hard links: an exclusive copy refuses an existing file just the same.
    try {
      fs.copyFileSync(partial, file, fs.constants.COPYFILE_EXCL);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === "EEXIST") throw new BackupError(`${file} appeared while the backup ran; it was left as it is.`);
      throw again;
    }
  }
}
