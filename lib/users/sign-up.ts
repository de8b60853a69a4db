import { createHash } from "node:crypto";
import type { DB, Tx } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Ctx } from "@/lib/context";
import { authSecret, getEnv } from "@/lib/env";
import { conflict } from "@/lib/errors";
import { takeRateSlots, waitPhrase, type RateRule } from "@/lib/rate-limit";
import { write } from "@/lib/write";
import { isEmailTaken, isUsernameTaken } from "./queries";
import { SignUpInput } from "./schemas";
import { usernameKey } from "./username";
import { one, uniqueViolation } from "@/db/query";

const HOUR = 3_600_000;
const PROBED = Symbol("probed");

/** Accounts made from one address: SIGNUP_HOURLY_PER_ADDRESS an hour and SIGNUP_DAILY_PER_ADDRESS a day. */
function signUpRules(address: string): RateRule[] {
  const env = getEnv();
  // The key never holds the raw address.
  const who = createHash("sha256").update(authSecret()).update("\0signup\0").update(address).digest("base64url");
  const message = (s: number) => `Too many accounts were made from your network recently. Try again in ${waitPhrase(s)}.`;
  return [
    { key: `signup:hour:${who}`, limit: env.SIGNUP_HOURLY_PER_ADDRESS, windowMs: HOUR, message },
    { key: `signup:day:${who}`, limit: env.SIGNUP_DAILY_PER_ADDRESS, windowMs: 24 * HOUR, message },
  ];
}

/**
 * Creates a password account for a visitor at the context's address. Throws zod, Conflict or
 * RateLimited (too many sign-ups from the address, or the password hashing line is full) errors;
 * writes nothing on refusal.
 */
export async function signUp(ctx: Ctx, raw: unknown) {
  const input = SignUpInput.parse(raw);
  const rules = signUpRules(ctx.address ?? "");
  await assertAvailable(ctx.db, input.username, input.email);
  // Checked before the costly hash too (and rolled back, so not counted): a refused address spends no scrypt.
  try {
    await write(ctx, async (w) => {
      await takeRateSlots(w, rules);
      throw PROBED;
    });
  } catch (err) {
    if (err !== PROBED) throw err;
  }
  // Hashing is slow, so it happens before the write, which holds the one write connection.
  const passwordHash = await hashPassword(input.password);
  try {
    return await write(ctx, async (w) => {
      await assertAvailable(w.tx, input.username, input.email);
      // Counted in the transaction that writes the account: a refusal or a rollback counts nothing.
      await takeRateSlots(w, rules);
      const user = await one(w.tx
        .insert(users)
        .values({
          username: input.username,
          usernameKey: usernameKey(input.username),
          name: input.displayName || input.username,
          email: input.email,
          passwordHash,
        })
        .returning({ id: users.id, username: users.username, sessionVersion: users.sessionVersion }));
      w.changes.directory = true;
      await w.emit("member.joined", { memberId: user.id });
      return user;
    });
  } catch (err) {
    // Two sign-ups racing for one name: the unique index decides.
    const unique = uniqueViolation(err);
    if (unique) {
      if (unique.detail.includes("email")) throw conflict("email", "An account with this email already exists.");
      throw conflict("username", "That username is taken.");
    }
    throw err;
  }
}

async function assertAvailable(conn: DB | Tx, username: string, email: string) {
  if (await isUsernameTaken(conn, username)) throw conflict("username", "That username is taken.");
  if (await isEmailTaken(conn, email)) throw conflict("email", "An account with this email already exists.");
}
