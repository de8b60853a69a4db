// Several server processes on one port (node:cluster): the primary prepares the data once, starts
// WEB_CONCURRENCY workers, replaces a worker that dies, and on SIGTERM or SIGINT has every worker
// drain (server/main.ts) before it exits. The primary serves nothing itself.
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import { serveWriteTurns } from "../db/cluster-lock";

// A worker that dies this soon after it started, this many times in a row, is not started again.
const CRASH_WINDOW_MS = 10_000;
const CRASHES_TO_GIVE_UP = 5;

/** How many server processes to run: WEB_CONCURRENCY, else one per core. */
export function workersWanted(configured: number | undefined): number {
  return configured ?? Math.max(1, os.availableParallelism());
}

export async function runPrimary(count: number, prepare: () => Promise<Record<string, string>>): Promise<void> {
  const log = (msg: string) => console.log(`marquee: ${msg}`);
  // Migrations, the first-run seed and a generated secret: once, before any worker starts.
  const env = await prepare();
  serveWriteTurns();
  let stopping = false;
  let crashes = 0;
  const started = new Map<Worker, number>();
  const fork = () => started.set(cluster.fork(env), Date.now());

  cluster.on("exit", (worker, code, signal) => {
    const since = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (stopping) {
      if (started.size === 0) process.exit(0);
      return;
    }
    crashes = since < CRASH_WINDOW_MS ? crashes + 1 : 0;
    log(`worker ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); ${crashes >= CRASHES_TO_GIVE_UP ? "it keeps failing at start, so the server stops" : "starting another"}.`);
    if (crashes >= CRASHES_TO_GIVE_UP) {
      stopping = true;
      for (const w of started.keys()) w.process.kill("SIGTERM");
      if (started.size === 0) process.exit(1);
      return;
    }
    fork();
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const w of started.keys()) w.process.kill("SIGTERM");
      if (started.size === 0) process.exit(0);
    });
  }
  for (let i = 0; i < count; i++) fork();
  log(`${count} workers on one port (WEB_CONCURRENCY=${count}).`);
}
