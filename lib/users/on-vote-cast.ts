import { eq, sql } from "drizzle-orm";
import { preparedOn, type Conn } from "@/db";
import { users } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";

const p = sql.placeholder;
const UP = (c: Conn) =>
  c.update(users).set({ upvotesReceived: sql`${users.upvotesReceived} + 1`, upvotesReachedAt: sql`${sql.param(p("at"), users.upvotesReachedAt)}` }).where(eq(users.id, p("id"))).prepare();
const DOWN = (c: Conn) => c.update(users).set({ upvotesReceived: sql`${users.upvotesReceived} - 1` }).where(eq(users.id, p("id"))).prepare();

/**
 * The item's author's upvotes received, and when they last rose (the Ranking's tie-break). A vote
 * on an item whose author's account is gone counts for nobody.
 */
export async function countUpvoteReceived(w: Write, e: EventMap["vote.cast"]) {
  if (!e.authorId) return;
  if (e.up) await preparedOn(w.tx, UP).execute({ at: w.now, id: e.authorId });
  else await preparedOn(w.tx, DOWN).execute({ id: e.authorId });
  w.changes.members.add(e.authorId);
  w.changes.ranking = true;
}
