import cluster, { type Worker } from "node:cluster";

// The workers of one server (server/cluster.ts) take turns at SQLite's write lock through their
// primary, which hands the turn to one worker at a time, first come, first served. SQLite alone
// would make a writer that finds the file locked sleep and try again (busy_timeout: 1, 2, 5, 10 ms
// and more), which under steady writes from two workers halves the writes a second; a turn handed
// over by message costs a round trip between processes instead. A writer outside the server (a
// script) still meets busy_timeout, as before.

const ASK = "marquee:write-turn:ask";
const GRANT = "marquee:write-turn:grant";
const DONE = "marquee:write-turn:done";

type Message = { marquee?: string } | null | undefined;
const g = globalThis as unknown as { __marqueeWriteTurns?: (() => void)[] };

/** In a worker: waits for this worker's turn and returns its end. Anywhere else: nothing to wait for. */
export async function writeTurn(): Promise<() => void> {
  if (!cluster.isWorker || !process.send || !process.connected) return () => {};
  let waiting = g.__marqueeWriteTurns;
  if (!waiting) {
    const queue: (() => void)[] = (g.__marqueeWriteTurns = waiting = []);
    process.on("message", (m: Message) => {
      if (m?.marquee === GRANT) queue.shift()?.();
    });
  }
  // The process's own lock (db/index.ts) lets one transaction at a time ask: grants come in order.
  await new Promise<void>((resolve) => {
    waiting.push(resolve);
    process.send!({ marquee: ASK });
  });
  return () => {
    if (process.connected) process.send!({ marquee: DONE });
  };
}

/** In the primary: hands the write turn to one worker at a time; a worker that ends gives it back. */
export function serveWriteTurns(): void {
  const queue: Worker[] = [];
  let holder: Worker | null = null;
  const next = () => {
    while (!holder && queue.length) {
      const w = queue.shift()!;
      if (!w.isConnected()) continue;
      holder = w;
      w.send({ marquee: GRANT });
    }
  };
  cluster.on("message", (w: Worker, m: Message) => {
    if (m?.marquee === ASK) {
      queue.push(w);
      next();
    } else if (m?.marquee === DONE && holder === w) {
      holder = null;
      next();
    }
  });
  cluster.on("exit", (w: Worker) => {
    if (holder === w) holder = null;
    for (let i = queue.indexOf(w); i !== -1; i = queue.indexOf(w)) queue.splice(i, 1);
    next();
  });
}
