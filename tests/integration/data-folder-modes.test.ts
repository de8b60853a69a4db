import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDb, openDb, unlockedWriter } from "@/db";
import { backupDatabase } from "@/db/backup";
import { ensureAuthSecret, resetEnvForTests } from "@/lib/env";
import { MIGRATIONS } from "../helpers/db";
import { setTestEnv } from "../helpers/env";

// The data folder holds the database, the signing secret and uploads: the folder is 0700 and
// every file 0600, made so and tightened when found looser, whatever the process's umask.

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

let root = "";
let umask = 0;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-modes-"));
  // The usual umask, which leaves new files world-readable unless told otherwise.
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
  fs.rmSync(root, { recursive: true, force: true });
  delete process.env.AUTH_SECRET;
  setTestEnv();
});

/** Opens, writes one row (so the WAL and shared memory exist), and reports every mode. */
function openAndWrite(file: string) {
  const db = openDb(file, { migrationsFolder: MIGRATIONS });
  unlockedWriter(db).$client.exec("create table probe (v integer); insert into probe values (1)");
  const modes = { dir: modeOf(path.dirname(file)), db: modeOf(file), wal: modeOf(`${file}-wal`), shm: modeOf(`${file}-shm`) };
  return { db, modes };
}

describe("the database files", () => {
  it("a fresh database: its folder (made here) 0700, the database, -wal and -shm 0600", () => {
    const file = path.join(root, "data", "marquee.db");
    const { db, modes } = openAndWrite(file);
    expect(modes).toEqual({ dir: 0o700, db: 0o600, wal: 0o600, shm: 0o600 });
    expect(db.$client.prepare("select count(*) from probe").pluck().get()).toBe(1);
    void closeDb(db);
    expect(modeOf(file)).toBe(0o600);
  });

  it("an existing database left 0644 in a 0755 folder, -wal and -shm included, is tightened on open", () => {
    const dir = path.join(root, "data");
    fs.mkdirSync(dir, { mode: 0o755 });
    const file = path.join(dir, "marquee.db");
    const old = new Database(file);
    old.pragma("journal_mode = WAL");
    old.exec("create table kept (v text); insert into kept values ('still here')");
    // Another connection holds the WAL open, so the -wal and -shm files stay as they were made.
    const holder = new Database(file);
    holder.prepare("select count(*) from kept").get();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.chmodSync(f, 0o644);
    fs.chmodSync(dir, 0o755);
    expect([modeOf(dir), modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual([0o755, 0o644, 0o644, 0o644]);

    const { db, modes } = openAndWrite(file);
    expect(modes).toEqual({ dir: 0o700, db: 0o600, wal: 0o600, shm: 0o600 });
    expect(db.$client.prepare("select v from kept").pluck().all()).toEqual(["still here"]);
    void closeDb(db);
    holder.close();
    old.close();
  });

  it("a database put straight into a shared folder (sticky, as /tmp is): the folder is left as it is, the files still 0600", () => {
    const shared = path.join(root, "shared");
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o1777);
    const { db, modes } = openAndWrite(path.join(shared, "marquee.db"));
    expect(fs.statSync(shared).mode & 0o7777).toBe(0o1777);
    expect(modes).toEqual({ dir: 0o777, db: 0o600, wal: 0o600, shm: 0o600 });
    void closeDb(db);
  });

  it("a backup is 0600 from the start, whatever the umask", async () => {
    const { db } = openAndWrite(path.join(root, "data", "marquee.db"));
    const dest = path.join(root, "backup.db");
    const report = await backupDatabase(path.join(root, "data", "marquee.db"), dest);
    expect(report.integrity).toBe("ok");
    expect(modeOf(dest)).toBe(0o600);
    expect(fs.readdirSync(root).sort()).toEqual(["backup.db", "data"]);
    void closeDb(db);
  });
});

describe("the generated signing secret", () => {
  beforeEach(() => {
    setTestEnv({ DATABASE_PATH: path.join(root, "data", "marquee.db") });
    delete process.env.AUTH_SECRET;
    resetEnvForTests();
  });

  it("is written 0600 in a data folder made 0700", () => {
    const { source, file } = ensureAuthSecret();
    expect(source).toBe("generated");
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(path.dirname(file))).toBe(0o700);
  });

  it("one left 0644 in a 0755 folder is kept and tightened", () => {
    const dir = path.join(root, "data");
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, "auth-secret");
    const secret = "a-secret-written-by-an-earlier-version-0123456789";
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o644 });
    expect(ensureAuthSecret()).toMatchObject({ source: "file", secret });
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(dir)).toBe(0o700);
  });

  it("is never generated for PostgreSQL, where every host must sign with the same one: the start is refused, nothing written", () => {
    process.env.DATABASE_URL = "postgres://marquee@127.0.0.1:1/marquee";
    resetEnvForTests();
    try {
      expect(() => ensureAuthSecret()).toThrow(/AUTH_SECRET must be set when DATABASE_URL is/);
      expect(fs.existsSync(path.join(root, "data", "auth-secret"))).toBe(false);
    } finally {
      delete process.env.DATABASE_URL;
      resetEnvForTests();
    }
  });
});
