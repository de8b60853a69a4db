// Runs inside a worker thread (started by runInWorker in ./badges.ts, through tsx): opens its own
// connection to the test's SQLite file and runs one verb there, so two verbs can write to the same
// database at the same moment from two connections, as two server processes would.
import { parentPort, workerData } from "node:worker_threads";
import { openDb, type DB } from "@/db";
import { createComment } from "@/lib/comments/create-comment";
import { editComment } from "@/lib/comments/edit-comment";
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

function run(db: DB) {
  const t = job.task;
  switch (t.verb) {
    case "vote":
      return castVote(db, t.actor, { type: t.type, id: String(t.id), value: t.value }, t.now);
    case "comment":
      return createComment(db, t.authorId, t.form, t.now);
    case "editComment":
      return editComment(db, t.actor, t.commentId, { body: t.body }, t.now);
    case "editReview":
      return editReview(db, t.actor, t.postId, t.form, t.now);
    case "view":
      return recordView(db, t.postId, t.viewer, t.now);
  }
}

// Only what the main thread asserts on travels back (a structured clone of plain data).
const settle = (f: () => unknown) => {
  try {
    return { ok: true as const, value: JSON.parse(JSON.stringify(f() ?? null)) as unknown };
  } catch (err) {
    return { ok: false as const, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
};

setTestEnv();
const db = openDb(job.file, { migrationsFolder: job.migrations });
if (job.mode === "race") {
  // Both workers open their connection first, then start on the same signal.
  parentPort!.postMessage({ kind: "ready" });
  if (Atomics.wait(flags, 0, 0, GIVE_UP_MS) === "timed-out") parentPort!.postMessage({ kind: "done", result: { ok: false, error: "no start signal" } });
  else parentPort!.postMessage({ kind: "done", result: settle(() => run(db)) });
} else {
  // "hold": take the write lock, run the verb inside it, and keep the transaction open until the
  // main thread says it is about to write too; then let it wait a moment on the lock and commit.
  db.$client.exec("BEGIN IMMEDIATE");
  const result = settle(() => run(db));
  parentPort!.postMessage({ kind: "holding", result });
  const released = Atomics.wait(flags, 0, 0, GIVE_UP_MS) !== "timed-out";
  if (released) Atomics.wait(flags, 1, 0, job.holdMs ?? 200);
  db.$client.exec(released && result.ok ? "COMMIT" : "ROLLBACK");
  parentPort!.postMessage({ kind: "done", result: released ? result : { ok: false, error: "never released" } });
}
db.$client.close();
