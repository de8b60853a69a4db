import { createHash } from "node:crypto";
import type { Ctx } from "@/lib/context";
import { authSecret } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { clearRateSlots, giveRateSlotBack, takeRateSlots, type RateRule } from "@/lib/rate-limit";
import { write } from "@/lib/write";

/**
 * Failed sign-ins, counted in 15-minute windows three ways (README, "Sign-in slow-down") by the
 * one limiter (lib/rate-limit.ts):
 * - one account from one address (`pair`): slowed after 3, refused after 8;
 * - one address, whatever the accounts (`address`): slowed after 10, refused after 30;
 * - one account from every address (`account`): only ever slowed, never refused, so a stranger
 *   guessing from elsewhere cannot lock the owner out; the delay is bounded by slowMaxMs.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  pair: { slowAfter: 3, refuseAfter: 8 },
  address: { slowAfter: 10, refuseAfter: 30 },
  account: { slowAfter: 8 },
  slowStepMs: 750,
  slowMaxMs: 3000,
};

export type ThrottleKeys = { account: string; pair: string; address: string };

/** What the per-account count is keyed by: the account when the name resolves to one, else the name typed. */
export function accountRef(userId: string | undefined, identifier: string): string {
  return userId ? `#account ${userId}` : identifier;
}

/** Keys that never hold a raw address or a raw identifier. */
export function throttleKeys(identifier: string, address: string): ThrottleKeys {
  const h = (s: string) => createHash("sha256").update(authSecret()).update("\0").update(s).digest("base64url");
  const account = identifier.normalize("NFKC").trim().toLowerCase();
  return {
    account: `account:${h(account)}`,
    pair: `pair:${h(`${account}\0${address}`)}`,
    address: `address:${h(address)}`,
  };
}

export type Reservation = { refused: false; delayMs: number } | { refused: true; retryAfterSeconds: number };

function signInRules(keys: ThrottleKeys): RateRule[] {
  const { windowMs } = SIGN_IN_LIMITS;
  const message = (s: number) => {
    const minutes = Math.ceil(s / 60);
    return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  };
  return [
    { key: keys.account, limit: Infinity, windowMs, message },
    { key: keys.pair, limit: SIGN_IN_LIMITS.pair.refuseAfter, windowMs, message },
    { key: keys.address, limit: SIGN_IN_LIMITS.address.refuseAfter, windowMs, message },
  ];
}

/**
 * Counts an attempt before the password is checked, in one immediate transaction (at the
 * context's clock), so parallel guesses cannot all pass a check-then-act. A successful sign-in
 * settles it (settleSuccessfulSignIn). A refusal counts nothing.
 */
export async function reserveSignInAttempt(ctx: Ctx, keys: ThrottleKeys): Promise<Reservation> {
  const { pair, address, account, slowStepMs, slowMaxMs } = SIGN_IN_LIMITS;
  try {
    const { counts } = await write(ctx, async (w) => ({ counts: await takeRateSlots(w, signInRules(keys)) }));
    const [accountCount, pairCount, addressCount] = counts as [number, number, number];
    const excess = Math.max(pairCount - pair.slowAfter, addressCount - address.slowAfter, accountCount - account.slowAfter, 0);
    return { refused: false, delayMs: Math.min(excess * slowStepMs, slowMaxMs) };
  } catch (err) {
    if (err instanceof DomainError && err.kind === "RateLimited") return { refused: true, retryAfterSeconds: err.retryAfterSeconds ?? 1 };
    throw err;
  }
}

/**
 * After a successful sign-in: the account's counts are cleared and the address gets its attempt
 * back, so only failures add up (a shared address with many members signing in stays open).
 */
export async function settleSuccessfulSignIn(ctx: Ctx, keys: ThrottleKeys) {
  await write(ctx, async (w) => {
    await clearRateSlots(w, [keys.account, keys.pair]);
    await giveRateSlotBack(w, keys.address);
    return {};
  });
}

/** Takes back an attempt whose password was never checked (the hashing line was full). */
export async function releaseSignInAttempt(ctx: Ctx, keys: ThrottleKeys) {
  await write(ctx, async (w) => {
    await giveRateSlotBack(w, [keys.account, keys.pair, keys.address], { dropEmpty: true });
    return {};
  });
}
