// A server's primary and two workers without the server (tests/integration/cluster-write-turns.test.ts):
// the primary hands out write turns (db/cluster-lock.ts) and starts two workers that each write
// `n` rows to one SQLite file with busy_timeout 0, so a writer that ever found the file locked by
// the other would fail at once with SQLITE_BUSY. The primary prints what each worker reports.
import cluster from "node:cluster";
import { sql } from "drizzle-orm";
import { closeDb, openDb, setWriteLockWait, writeTx } from "@/db";
import { serveWriteTurns } from "@/db/cluster-lock";
import { rawRun } from "@/db/query";

const [file, count] = [process.argv[2]!, Number(process.argv[3])];

async function primary() {
  // Migrated before any worker opens it, as the server's primary does.
  await closeDb(openDb(file));
  serveWriteTurns();
  const reports: unknown[] = [];
  const workers = [0, 1].map((i) => cluster.fork({ WORKER_INDEX: String(i) }));
  let ready = 0;
  for (const w of workers) {
    w.on("message", (m: { ready?: boolean; report?: unknown }) => {
      // Both start writing at the same moment.
      if (m.ready && ++ready === 2) for (const each of workers) each.send({ go: true });
      if (!m.report) return;
      reports.push(m.report);
      if (reports.length === 2) {
        console.log(JSON.stringify(reports));
        process.exit(0);
      }
    });
  }
}

async function worker() {
  const db = openDb(file);
  setWriteLockWait(db, 0);
  let written = 0;
  const failures: string[] = [];
  const who = process.env.WORKER_INDEX;
  await new Promise<void>((resolve) => {
    process.on("message", (m: { go?: boolean }) => m.go && resolve());
    process.send!({ ready: true });
  });
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      try {
        await writeTx(db, async (tx) => {
          await rawRun(tx, sql`insert into rate_windows (key, count, window_started_at) values (${`w${who}:${i}`}, 0, ${Date.now()})`);
          // A verb's transaction spans turns of the event loop (it awaits every statement): so does this one.
          await new Promise((resolve) => setImmediate(resolve));
          await rawRun(tx, sql`update rate_windows set count = 1 where key = ${`w${who}:${i}`}`);
        });
        written++;
      } catch (err) {
        failures.push(String((err as Error).message));
      }
    }),
  );
  await closeDb(db);
  process.send!({ report: { worker: who, written, failures: failures.slice(0, 3), failed: failures.length } });
}

void (cluster.isPrimary ? primary() : worker());
