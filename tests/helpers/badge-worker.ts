// Runs inside a worker thread (started by runInWorker in ./badges.ts, through tsx): opens its own
// connections to the test's SQLite file and runs one verb there, so two verbs can write to the same
// database at the same moment from two processes' worth of connections, as two servers would.
import { parentPort, workerData } from "node:worker_threads";
import { openDb, unlockedWriter, type DB } from "@/db";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { makeCtx } from "@/lib/context";
import { editReview } from "@/lib/reviews/edit-review";
import { recordView } from "@/lib/reviews/record-view";
import { castVote } from "@/lib/votes/cast-vote";
import { setTestEnv } from "./env";
import type { WorkerJob } from "./badges";

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

async function main() {
  setTestEnv();
  const db = openDb(job.file, { migrationsFolder: job.migrations });
  if (job.mode === "race") {
    // Both workers open their connections first, then start on the same signal.
    parentPort!.postMessage({ kind: "ready" });
    if (Atomics.wait(flags, 0, 0, GIVE_UP_MS) === "timed-out") parentPort!.postMessage({ kind: "done", result: { ok: false, error: "no start signal" } });
    else parentPort!.postMessage({ kind: "done", result: await settle(() => run(db)) });
  } else {
    // "hold": the verb runs as usual, but its COMMIT waits until the main thread says it is about
    // to write too; then the worker waits a moment more (the other write queues on SQLite's lock)
    // and commits. Until then the transaction is open, holding the write lock, nothing committed.
    const client = unlockedWriter(db).$client;
    const exec = client.exec.bind(client);
    let released = true;
    client.exec = ((source: string) => {
      if (source === "COMMIT") {
        parentPort!.postMessage({ kind: "holding" });
        released = Atomics.wait(flags, 0, 0, GIVE_UP_MS) !== "timed-out";
        if (!released) throw new Error("never released");
        Atomics.wait(flags, 1, 0, job.holdMs ?? 200);
      }
      return exec(source);
    }) as typeof client.exec;
    const result = await settle(() => run(db));
    parentPort!.postMessage({ kind: "done", result: released ? result : { ok: false, error: "never released" } });
  }
  db.$client.close();
  unlockedWriter(db).$client.close();
}

void main();
