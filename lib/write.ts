import { writeTx, type Tx } from "@/db";
import type { Earned } from "@/lib/badges/grant";
import { noChanges, type Changes } from "@/lib/cache/changes";
import { publishTags } from "@/lib/cache/shared-tags";
import { tagsFor } from "@/lib/cache/tags-for";
import type { Ctx } from "@/lib/context";
import type { EventMap, EventType } from "@/lib/events";
import type { Actor } from "@/lib/permissions";
import { SUBSCRIBERS } from "@/lib/subscribers";

/** What a verb works with inside its transaction. */
export type Write = {
  readonly ctx: Ctx;
  readonly tx: Tx;
  readonly actor: Actor | null;
  /** The clock read once the write lock is held: writes are stamped in the order they commit. */
  readonly now: Date;
  /** What this write changed, for the cache (`lib/cache/expire.ts`). */
  readonly changes: Changes;
  /** Badges granted in this write, by whichever subscriber granted them. */
  readonly earned: Earned[];
  /** Records an event and runs its subscribers, in this transaction, before returning. */
  emit<K extends EventType>(type: K, event: EventMap[K]): Promise<void>;
};

export type Written<T> = T & { changes: Changes };

/**
 * The one way to write: `fn` runs in one write transaction (see `writeTx`), records events whose
 * subscribers run in the same transaction, and notes what changed (recorded for every process's
 * cache in the same transaction, lib/cache/shared-tags.ts). A throw rolls back the verb's
 * write and every subscriber's together. Returns `fn`'s result with the changes.
 */
export async function write<T extends object>(ctx: Ctx, fn: (w: Write) => Promise<T>): Promise<Written<T>> {
  const changes = noChanges();
  const value = await writeTx(ctx.db, async (tx) => {
    const w: Write = {
      ctx,
      tx,
      actor: ctx.actor,
      now: ctx.clock(),
      changes,
      earned: [],
      async emit(type, event) {
        for (const subscriber of SUBSCRIBERS[type]) await subscriber(w, event);
      },
    };
    const result = await fn(w);
    // Committed with the write, or not at all: every process expires what it changed.
    await publishTags(tx, tagsFor(changes));
    return result;
  });
  return Object.assign(value, { changes });
}
