import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import {
  accountRef,
  releaseSignInAttempt,
  settleSuccessfulSignIn,
  reserveSignInAttempt,
  throttleKeys,
} from "@/lib/auth/throttle";
import type { Ctx } from "@/lib/context";
import { DomainError, forbidden, rateLimited } from "@/lib/errors";
import { findUserByIdentifier } from "./queries";
import { SignInInput } from "./schemas";

const WRONG = "Wrong username, email or password.";

/**
 * Checks a password sign-in from the context's address under the throttle (lib/auth/throttle.ts:
 * refused per account and address and per address; across addresses an account is only slowed,
 * so nobody can lock its owner out). An unknown account and a wrong password give the same answer
 * after the same work (a dummy hash is verified for unknown accounts). The password is checked
 * between the throttle's writes, never inside one.
 */
export async function authenticate(ctx: Ctx, raw: unknown, sleep = defaultSleep) {
  const input = SignInInput.parse(raw);
  const user = await findUserByIdentifier(ctx.db, input.identifier);
  // One count per account whether it is named by username or email; unknown names count by name.
  const keys = throttleKeys(accountRef(user?.id, input.identifier), ctx.address ?? "");
  const reservation = await reserveSignInAttempt(ctx, keys);
  if (reservation.refused) {
    const minutes = Math.ceil(reservation.retryAfterSeconds / 60);
    throw rateLimited(
      `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      reservation.retryAfterSeconds,
    );
  }
  if (reservation.delayMs > 0) await sleep(reservation.delayMs);

  let ok: boolean;
  try {
    ok = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstDummy(input.password);
  } catch (err) {
    // The hashing line was full (429): no password was checked, so no attempt is counted.
    await releaseSignInAttempt(ctx, keys);
    throw err;
  }
  if (!user || !ok) {
    throw new DomainError("Unauthenticated", WRONG, { fieldErrors: { password: [WRONG] } });
  }
  if (user.suspendedAt) throw forbidden("This account is suspended. You cannot sign in.");
  await settleSuccessfulSignIn(ctx, keys);
  return user;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
