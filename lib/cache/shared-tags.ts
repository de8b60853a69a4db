import { sql } from "drizzle-orm";
import { writeTx, type DB, type Tx } from "@/db";
import { rawRun } from "@/db/query";
import { textRows } from "@/db/sql";
import { ALL_TAG } from "./tags";

/**
 * Records, inside a write's own transaction, the cache tags it expires, under the next number.
 * Every server process reads the tags numbered above the last it saw before it serves a cached
 * page (server/shared-tags.ts, asked by the cache handlers in server/cache/): so when the write's response is sent, its pages are already
 * expired in every process, on this host and any other. The write lock every writer holds (db/index.ts
 * `writeTx`) makes the numbers grow in commit order, so a process that saw number N has seen every
 * tag numbered up to N.
 */
export async function publishTags(tx: Tx, tags: readonly string[]): Promise<void> {
  if (!tags.length) return;
  // One statement: the next number is read from the table once, before any of these rows is written.
  await rawRun(
    tx,
    sql`insert into cache_tags (tag, seq) select value, (select coalesce(max(seq), 0) + 1 from cache_tags) from ${textRows(tags)} where true
        on conflict (tag) do update set seq = excluded.seq`,
  );
}

/**
 * From a command-line script that rewrote content outside the verbs (a recount, a backfill, a
 * re-render): every page in every running server renders afresh at its next request.
 */
export async function expireEverywhere(db: DB): Promise<void> {
  await writeTx(db, (tx) => publishTags(tx, [ALL_TAG]));
}
