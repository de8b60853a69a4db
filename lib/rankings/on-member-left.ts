import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import { bumpMonth } from "@/lib/rankings/standings";
import type { Write } from "@/lib/write";

/** A deleted account's upvotes leave each author's upvotes received and monthly standings. */
export async function takeBackLeaversStandings(w: Write, e: EventMap["member.left"]) {
  for (const g of e.upvotesGiven) {
    await w.tx.update(users).set({ upvotesReceived: sql`${users.upvotesReceived} - ${g.upvotes}` }).where(eq(users.id, g.authorId));
    await bumpMonth(w, g.authorId, g.lastAt, { upvotes: -g.upvotes });
    w.changes.members.add(g.authorId);
  }
  if (e.upvotesGiven.length) w.changes.ranking = true;
}
