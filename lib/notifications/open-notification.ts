import { noChanges } from "@/lib/cache/changes";
import { actorOf, type Ctx } from "@/lib/context";
import { markRead } from "./mark-read";
import { notificationHref } from "./queries";
import { NoticeInput } from "./schemas";

/** Following a notice: where it leads, marking it read; `href` is null when it is not the actor's. */
export async function openNotification(ctx: Ctx, raw: unknown) {
  const input = NoticeInput.parse(raw);
  const actor = actorOf(ctx, "Please sign in to see your notifications.");
  // Where it leads is read first (the read connection): marking it read changes nothing it shows.
  const href = await notificationHref(ctx.db, actor.id, input.id);
  if (!href) return { href: null, changes: noChanges() };
  const { changes } = await markRead(ctx, input);
  return { href, changes };
}
