import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { actorOf, type Ctx } from "@/lib/context";
import { write } from "@/lib/write";
import { loadUser, SIGN_IN_FIRST } from "./account";
import { recordPresence } from "./presence";
import { ProfileInput } from "./schemas";

/**
 * The acting member's display name and bio. A new name is recorded wherever it shows; a new bio
 * on their profile and the members directory.
 */
export async function updateProfile(ctx: Ctx, raw: unknown) {
  const input = ProfileInput.parse(raw);
  const { id } = actorOf(ctx, SIGN_IN_FIRST);
  return write(ctx, async (w) => {
    const before = await loadUser(w.tx, id);
    await w.tx.update(users).set({ name: input.name, bio: input.bio }).where(eq(users.id, id));
    const nameChanged = before.name !== input.name;
    const bioChanged = before.bio !== input.bio;
    if (nameChanged) await recordPresence(w, id);
    else if (bioChanged) {
      w.changes.members.add(id);
      w.changes.directory = true;
    }
    return { nameChanged, bioChanged };
  });
}
