import fs from "node:fs";
import path from "node:path";

// The data folder holds the database and the signing secret: only the server's own user
// reads it. Modes are set on creation and tightened on every open, so a folder or file made
// looser by hand, a restore or an older version (which left the database world-readable) is
// closed again. Bits are only ever taken away, never added.
const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Takes away the group and other bits beyond `mode` from an existing path; a missing one is skipped. */
export function tightenMode(file: string, mode: number) {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return;
  }
  // A folder the server does not own (a DATABASE_PATH in someone else's folder) is left as it is.
  if (typeof process.getuid === "function" && st.uid !== process.getuid()) return;
  const extra = st.mode & 0o777 & ~mode;
  if (extra !== 0) fs.chmodSync(file, st.mode & 0o7777 & ~extra);
}

/**
 * Makes a folder (and its missing parents) readable by the server's user alone, or tightens it.
 * A shared folder (sticky, as /tmp is) or a file system's root is never closed: a database put
 * straight into one is protected by its own file modes.
 */
export function privateDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const shared = (fs.statSync(dir).mode & 0o1000) !== 0 || path.resolve(dir) === path.parse(path.resolve(dir)).root;
  if (!shared) tightenMode(dir, PRIVATE_DIR_MODE);
}

/** Writes a file that only the server's user can read (also when it replaces a looser one). */
export function writePrivateFile(file: string, data: string | Uint8Array) {
  fs.writeFileSync(file, data, { mode: PRIVATE_FILE_MODE });
  tightenMode(file, PRIVATE_FILE_MODE);
}

/** The database file and what SQLite keeps beside it. */
export const databaseFiles = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

/** Creates an empty database file as 0600 before SQLite opens it, which would make it 0644. */
export function precreatePrivateFile(file: string) {
  fs.closeSync(fs.openSync(file, "a", PRIVATE_FILE_MODE));
  tightenMode(file, PRIVATE_FILE_MODE);
}
