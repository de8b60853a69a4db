import { and, eq, ne } from "drizzle-orm";
import { users } from "@/db/schema";
import { actorOf, type Ctx } from "@/lib/context";
import { conflict } from "@/lib/errors";
import { write } from "@/lib/write";
import { assertCurrentPassword, loadUser, SIGN_IN_FIRST } from "./account";
import { EmailInput } from "./schemas";
import { first, uniqueViolation } from "@/db/query";

/** A new email address (unique) for the acting member; needs the current password when the account has one. */
export async function changeEmail(ctx: Ctx, raw: unknown) {
  const input = EmailInput.parse(raw);
  const { id } = actorOf(ctx, SIGN_IN_FIRST);
  const user = await loadUser(ctx.db, id);
  if (user.email === input.email) return { changed: false };
  // The password first: a borrowed session must not learn which addresses have accounts.
  await assertCurrentPassword(ctx, user, input.currentPassword);
  const taken = await first(ctx.db.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), ne(users.id, id))));
  if (taken) throw conflict("email", "Another account already uses this email address.");
  try {
    // An email shows on no page: nothing to expire.
    await write(ctx, async (w) => (await w.tx.update(users).set({ email: input.email, emailVerified: null }).where(eq(users.id, id)), {}));
  } catch (err) {
    if (uniqueViolation(err)) throw conflict("email", "Another account already uses this email address.");
    throw err;
  }
  return { changed: true };
}
