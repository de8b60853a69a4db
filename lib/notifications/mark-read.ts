import { and, eq, sql } from "drizzle-orm";
import { notifications } from "@/db/schema";
import { actorOf, type Ctx } from "@/lib/context";
import { write } from "@/lib/write";
import { NoticeInput } from "./schemas";
import { affected } from "@/db/query";

/** Marks one of the actor's notices read (a read one keeps its first moment); `marked` is false when it is not theirs. */
export async function markRead(ctx: Ctx, raw: unknown) {
  const input = NoticeInput.parse(raw);
  const actor = actorOf(ctx, "Please sign in to see your notifications.");
  // Notices are private (no cached page shows them): nothing for the cache to expire.
  return write(ctx, async (w) => {
    const own = await w.tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${sql.param(w.now, notifications.readAt)})` })
      .where(and(eq(notifications.id, input.id), eq(notifications.recipientId, actor.id)));
    return { marked: affected(own) > 0 };
  });
}
