import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { actorOf, type Ctx } from "@/lib/context";
import { write } from "@/lib/write";
import { loadUser, SIGN_IN_FIRST } from "./account";
import { NotificationPrefsInput } from "./schemas";

/** Which kinds of notice the acting member gets. Returns the switches as saved. */
export async function updateNotificationPrefs(ctx: Ctx, raw: unknown) {
  const input = NotificationPrefsInput.parse(raw);
  const { id } = actorOf(ctx, SIGN_IN_FIRST);
  return write(ctx, async (w) => {
    await loadUser(w.tx, id);
    await w.tx.update(users).set(input).where(eq(users.id, id));
    return { prefs: input };
  });
}
