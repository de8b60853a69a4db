import { and, eq, isNull } from "drizzle-orm";
import { notifications } from "@/db/schema";
import { actorOf, type Ctx } from "@/lib/context";
import { write } from "@/lib/write";
import { affected } from "@/db/query";

/** Marks every unread notice of the actor read; `marked` is how many. */
export async function markAllRead(ctx: Ctx) {
  const actor = actorOf(ctx, "Please sign in to see your notifications.");
  return write(ctx, async (w) => {
    const done = await w.tx
      .update(notifications)
      .set({ readAt: w.now })
      .where(and(eq(notifications.recipientId, actor.id), isNull(notifications.readAt)));
    return { marked: affected(done) };
  });
}
