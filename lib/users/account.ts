import { eq } from "drizzle-orm";
import type { DB, Tx } from "@/db";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import type { Ctx } from "@/lib/context";
import { invalid, notFound } from "@/lib/errors";
import { giveRateSlotBack, takeRateSlots, waitPhrase } from "@/lib/rate-limit";
import { write } from "@/lib/write";
import { usernameKey } from "./username";
import { first } from "@/db/query";

// What the settings verbs share: the account they act on, and the check of its current password.

export const SIGN_IN_FIRST = "Please sign in to change your settings.";

export async function loadUser(conn: DB | Tx, userId: string) {
  const user = await first(conn.select().from(users).where(eq(users.id, userId)));
  if (!user) throw notFound("This account no longer exists.");
  return user;
}

// Ten wrong guesses at the current password an hour, per account: a borrowed session cannot
// grind it. Each attempt takes a slot first (so parallel guesses cannot slip past); a right
// password gives its slot back.
const passwordRule = (userId: string) => ({
  key: `password-check:${userId}`,
  limit: 10,
  windowMs: 3_600_000,
  message: (s: number) => `Too many attempts at your current password. Try again in ${waitPhrase(s)}.`,
});

/** Checks the current password (counted against a limit); refuses with a field message when wrong. */
export async function assertCurrentPassword(ctx: Ctx, user: { id: string; passwordHash: string | null }, given: string, field = "currentPassword") {
  if (!user.passwordHash) return;
  if (!given) throw invalid(field, "Enter your current password.");
  const rule = passwordRule(user.id);
  await write(ctx, async (w) => ({ counts: await takeRateSlots(w, [rule]) }));
  const giveBack = () => write(ctx, async (w) => (await giveRateSlotBack(w, rule.key), {}));
  let ok: boolean;
  try {
    // Checked between two writes, never inside one: every other write would queue behind scrypt.
    ok = await verifyPassword(given, user.passwordHash);
  } catch (err) {
    // The hashing line was full (429): nothing was checked, so the slot goes back.
    await giveBack();
    throw err;
  }
  if (!ok) throw invalid(field, "That is not your current password.");
  await giveBack();
}

/** The username typed to confirm a deletion must be this account's. */
export function confirmsUsername(user: { username: string }, typed: unknown): boolean {
  return typeof typed === "string" && usernameKey(typed) === usernameKey(user.username);
}
