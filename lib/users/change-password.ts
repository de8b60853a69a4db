import { and, eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { actorOf, type Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { write } from "@/lib/write";
import { assertCurrentPassword, loadUser } from "./account";
import { PasswordInput } from "./schemas";
import { first } from "@/db/query";

/**
 * A new password for the acting member, given the current one (an account made through a
 * provider sets its first password without one). Every session ends: the caller starts a fresh
 * one for this browser with the returned session version.
 */
export async function changePassword(ctx: Ctx, raw: unknown) {
  const { id } = actorOf(ctx, "Please sign in to change your password.");
  const user = await loadUser(ctx.db, id);
  const input = PasswordInput.parse(raw);
  await assertCurrentPassword(ctx, user, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  return write(ctx, async (w) => {
    const row = await first(w.tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, id), eq(users.sessionVersion, user.sessionVersion)))
      .returning({ sessionVersion: users.sessionVersion }));
    if (!row) throw new DomainError("Conflict", "Your account changed while you were typing. Please try again.");
    return row;
  });
}
