// Exact cache invalidation across processes and hosts. Every write records the tags it expired in
// the database, in its own transaction (lib/cache/shared-tags.ts). Next.js's cache handlers
// (server/cache/*.cjs) ask `sync()` before they answer from this process's memory; it reads the
// tags numbered above the last it saw and marks them expired in this process's tag manifest (the
// one Next.js's page cache and "use cache" handler both consult). So when a write's response is
// sent, no process serves a page rendered before it.
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import { openTagReader, type TagReader } from "../db/tag-reader";
import { ALL_TAG } from "../lib/cache/tags";

type TagsManifest = Map<string, { stale?: number; expired?: number }>;
export type SharedTags = { sync(): Promise<void>; close(): Promise<void> };

const KEY = Symbol.for("marquee.shared-tags");
// Every page carries this implicit tag (Next.js derives it from the root layout).
const EVERY_PAGE = "_N_T_/layout";

const requestStarts = new AsyncLocalStorage<number>();

/** Runs a request's handling with its arrival time known to `sync()` (PostgreSQL's single flight). */
export function duringRequest<T>(fn: () => T): T {
  return requestStarts.run(performance.now(), fn);
}

/**
 * Starts syncing this process's tag manifest with `target`'s `cache_tags` and hands the sync to the
 * cache handlers. The first sync expires everything rendered before it (pages prerendered at build
 * time, from another database state): start-up expiry, in this process only.
 */
export function shareTags(target: string, root: string): SharedTags {
  const manifest = createRequire(`${root}/package.json`)("next/dist/server/lib/incremental-cache/tags-manifest.external").tagsManifest as TagsManifest;
  let reader: TagReader | null = null;
  let seq: number | null = null;
  let version: number | null = null;

  const expire = (tags: readonly string[]) => {
    // Rounded down: a time even a fraction of a millisecond ahead would leave the tags only stale (served once more).
    const now = Math.floor(performance.timeOrigin + performance.now());
    for (const tag of tags) manifest.set(tag, { ...manifest.get(tag), stale: now, expired: now });
  };

  async function once(): Promise<void> {
    reader ??= openTagReader(target);
    // Read before the tags: a commit in between moves it again, and the next request looks again.
    const v = reader.dataVersion();
    // SQLite: nothing was committed anywhere since the last look.
    if (seq !== null && v !== null && v === version) return;
    if (seq === null) {
      seq = await reader.top();
      expire([ALL_TAG, EVERY_PAGE]);
    } else {
      const found = await reader.since(seq);
      seq = found.seq;
      if (found.tags.length) expire(found.tags);
    }
    version = v;
  }

  // PostgreSQL: one query answers every request that arrived before it was sent.
  let running: { started: number; done: Promise<void> } | null = null;
  let queued: Promise<void> | null = null;
  let lastStarted = -Infinity;
  function sync(): Promise<void> {
    if (reader && reader.dataVersion() !== null) return once();
    const arrived = requestStarts.getStore() ?? performance.now();
    if (!running && lastStarted >= arrived) return Promise.resolve();
    if (running && running.started >= arrived) return running.done;
    if (running) {
      return (queued ??= running.done.then(() => {
        queued = null;
        return sync();
      }));
    }
    const started = performance.now();
    lastStarted = started;
    const done = once().finally(() => {
      running = null;
    });
    running = { started, done };
    return done;
  }

  const shared: SharedTags = { sync, close: async () => void (await reader?.close()) };
  (globalThis as Record<symbol, unknown>)[KEY] = shared;
  return shared;
}
