import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";

/**
 * The item's author's upvotes received, and when they last rose (the Ranking's tie-break). A vote
 * on an item whose author's account is gone counts for nobody.
 */
export async function countUpvoteReceived(w: Write, e: EventMap["vote.cast"]) {
  if (!e.authorId) return;
  const delta = e.up ? 1 : -1;
  await w.tx
    .update(users)
    .set({ upvotesReceived: sql`${users.upvotesReceived} + ${delta}`, ...(e.up ? { upvotesReachedAt: w.now } : {}) })
    .where(eq(users.id, e.authorId))
    .run();
  w.changes.members.add(e.authorId);
  w.changes.ranking = true;
}
