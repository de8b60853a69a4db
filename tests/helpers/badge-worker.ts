// Runs inside a worker thread (started by race or holdOpen in ./badges.ts, through tsx): opens its
// own connections to the test's database (a SQLite file or a PostgreSQL address) and runs one verb
// there, so two verbs can write to the same database at the same moment from two processes' worth
// of connections, as two servers would.
import { parentPort, workerData } from "node:worker_threads";
import type pg from "pg";
import { closeDb, openDb, unlockedWriter, type DB } from "@/db";
import { DIALECT } from "@/db/dialect";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { makeCtx } from "@/lib/context";
import { editReview } from "@/lib/reviews/edit-review";
import { recordView } from "@/lib/reviews/record-view";
import { castVote } from "@/lib/votes/cast-vote";
import { setTestEnv } from "./env";
import type { WorkerJob } from "./badges";

const ON_PG = DIALECT === "pg";
const job = workerData as WorkerJob;
// [0] the go signal (main sets it to 1), [1] a spare slot to sleep on.
const flags = new Int32Array(job.signal);
// A test that failed before giving the signal must not leave a worker (and its lock) behind forever.
const GIVE_UP_MS = 30_000;

async function run(db: DB) {
  const t = job.task;
  switch (t.verb) {
    case "vote":
      return castVote(makeCtx(db, { actor: t.actor, now: t.now }), { type: t.type, id: String(t.id), value: t.value });
    case "comment":
      return createComment(makeCtx(db, { actor: { id: t.authorId, role: "member" }, now: t.now }), t.form);
    case "editComment":
      return editComment(makeCtx(db, { actor: t.actor, now: t.now }), { commentId: t.commentId, body: t.body });
    case "editReview":
      return editReview(makeCtx(db, { actor: t.actor, now: t.now }), { ...t.form, reviewId: t.reviewId });
    case "view":
      return recordView(makeCtx(db, { now: t.now }), { reviewId: t.reviewId, viewer: t.viewer });
  }
}

// Only what the main thread asserts on travels back (a structured clone of plain data).
const settle = async (f: () => Promise<unknown>) => {
  try {
    return { ok: true as const, value: JSON.parse(JSON.stringify((await f()) ?? null)) as unknown };
  } catch (err) {
    return { ok: false as const, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
};

/**
 * "hold": the COMMIT of the verb's transaction waits until the main thread says it is about to
 * write too, then a moment more (the other write queues on the write lock: SQLite's, or
 * PostgreSQL's advisory lock), and goes. Until then the transaction is open, holding the write
 * lock, nothing committed. Returns whether the main thread released it in time.
 */
function holdCommits(db: DB): () => boolean {
  let released = true;
  const holdHere = () => {
    parentPort!.postMessage({ kind: "holding" });
    released = Atomics.wait(flags, 0, 0, GIVE_UP_MS) !== "timed-out";
    if (!released) throw new Error("never released");
    Atomics.wait(flags, 1, 0, job.holdMs ?? 200);
  };
  const writer = unlockedWriter(db).$client;
  if (ON_PG) {
    // Each write transaction runs on a client of the write pool: its COMMIT is held.
    const pool = writer as unknown as pg.Pool;
    const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
    const held = new WeakSet<pg.PoolClient>();
    pool.connect = (async () => {
      const client = await connect();
      if (!held.has(client)) {
        held.add(client);
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        client.query = ((...args: unknown[]) => {
          if (args[0] === "COMMIT") holdHere();
          return query(...args);
        }) as typeof client.query;
      }
      return client;
    }) as typeof pool.connect;
  } else {
    const exec = writer.exec.bind(writer);
    writer.exec = ((source: string) => {
      if (source === "COMMIT") holdHere();
      return exec(source);
    }) as typeof writer.exec;
  }
  return () => released;
}

async function main() {
  setTestEnv();
  const db = openDb(job.file, { migrationsFolder: job.migrations });
  if (job.mode === "race") {
    // Both workers open their connections first, then start on the same signal.
    parentPort!.postMessage({ kind: "ready" });
    if (Atomics.wait(flags, 0, 0, GIVE_UP_MS) === "timed-out") parentPort!.postMessage({ kind: "done", result: { ok: false, error: "no start signal" } });
    else parentPort!.postMessage({ kind: "done", result: await settle(() => run(db)) });
  } else {
    const released = holdCommits(db);
    const result = await settle(() => run(db));
    parentPort!.postMessage({ kind: "done", result: released() ? result : { ok: false, error: "never released" } });
  }
  await closeDb(db);
}

void main();
