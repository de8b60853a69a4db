import { sql } from "drizzle-orm";
import { writeTx, type DB, type Tx } from "@/db";
import { first } from "@/db/query";
import { cacheTags } from "@/db/schema";
import { ALL_TAG } from "./tags";

/**
 * Records, inside a write's own transaction, the cache tags it expires, under the next number.
 * Every server process reads the tags numbered above the last it saw before it serves a cached
 * page (server/cache/shared-tags.cjs): so when the write's response is sent, its pages are already
 * expired in every process, on this host and any other. The write lock every writer holds (db/index.ts
 * `writeTx`) makes the numbers grow in commit order, so a process that saw number N has seen every
 * tag numbered up to N.
 */
export async function publishTags(tx: Tx, tags: readonly string[]): Promise<void> {
  if (!tags.length) return;
  const row = await first(tx.select({ next: sql<number>`coalesce(max(${cacheTags.seq}), 0) + 1` }).from(cacheTags));
  const seq = Number(row?.next ?? 1);
  await tx
    .insert(cacheTags)
    .values(tags.map((tag) => ({ tag, seq })))
    .onConflictDoUpdate({ target: cacheTags.tag, set: { seq: sql`excluded.seq` } });
}

/**
 * From a command-line script that rewrote content outside the verbs (a recount, a backfill, a
 * re-render): every page in every running server renders afresh at its next request.
 */
export async function expireEverywhere(db: DB): Promise<void> {
  await writeTx(db, (tx) => publishTags(tx, [ALL_TAG]));
}
