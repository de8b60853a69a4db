import { eq, inArray, lte, sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import { writeTx, type DB } from "@/db";
import { authThrottle } from "@/db/schema";
import { authSecret } from "@/lib/env";

/**
 * Failed sign-ins, counted in 15-minute windows three ways (README, "Sign-in slow-down"):
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

/**
 * Counts an attempt before the password is checked, in one immediate transaction, so parallel
 * guesses cannot all pass a check-then-act. A successful sign-in settles it (settleSuccessfulSignIn).
 * A refusal counts nothing.
 */
export function reserveSignInAttempt(db: DB, keys: ThrottleKeys, now = Date.now()): Reservation {
  const { windowMs, pair: pairLimit, address: addressLimit, account: accountLimit } = SIGN_IN_LIMITS;
  return writeTx(db, (tx) => {
    const rows = tx
      .select()
      .from(authThrottle)
      .where(inArray(authThrottle.key, [keys.account, keys.pair, keys.address]))
      .all();
    const current = (key: string) => {
      const row = rows.find((r) => r.key === key);
      if (!row || now - row.windowStartedAt.getTime() >= windowMs) return { key, attempts: 0, startedAt: now };
      return { key, attempts: row.attempts, startedAt: row.windowStartedAt.getTime() };
    };
    const account = current(keys.account);
    const pair = current(keys.pair);
    const address = current(keys.address);
    const over = [
      pair.attempts >= pairLimit.refuseAfter ? pair.startedAt : null,
      address.attempts >= addressLimit.refuseAfter ? address.startedAt : null,
    ].filter((t): t is number => t !== null);
    if (over.length > 0) {
      const until = Math.max(...over) + windowMs;
      return { refused: true, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
    }
    for (const c of [account, pair, address]) {
      tx.insert(authThrottle)
        .values({ key: c.key, attempts: c.attempts + 1, windowStartedAt: new Date(c.startedAt) })
        .onConflictDoUpdate({
          target: authThrottle.key,
          set: { attempts: c.attempts + 1, windowStartedAt: new Date(c.startedAt) },
        })
        .run();
    }
    const excess = Math.max(
      pair.attempts + 1 - pairLimit.slowAfter,
      address.attempts + 1 - addressLimit.slowAfter,
      account.attempts + 1 - accountLimit.slowAfter,
      0,
    );
    return { refused: false, delayMs: Math.min(excess * SIGN_IN_LIMITS.slowStepMs, SIGN_IN_LIMITS.slowMaxMs) };
  });
}

/**
 * After a successful sign-in: the account's counts are cleared and the address gets its attempt
 * back, so only failures add up (a shared address with many members signing in stays open).
 */
export function settleSuccessfulSignIn(db: DB, keys: ThrottleKeys) {
  writeTx(db, (tx) => {
    tx.delete(authThrottle).where(inArray(authThrottle.key, [keys.account, keys.pair])).run();
    tx.update(authThrottle)
      .set({ attempts: sql`max(${authThrottle.attempts} - 1, 0)` })
      .where(eq(authThrottle.key, keys.address))
      .run();
  });
}

/** Takes back an attempt whose password was never checked (the hashing line was full). */
export function releaseSignInAttempt(db: DB, keys: ThrottleKeys) {
  const all = [keys.account, keys.pair, keys.address];
  writeTx(db, (tx) => {
    tx.update(authThrottle).set({ attempts: sql`${authThrottle.attempts} - 1` }).where(inArray(authThrottle.key, all)).run();
    tx.delete(authThrottle).where(sql`${inArray(authThrottle.key, all)} and ${lte(authThrottle.attempts, 0)}`).run();
  });
}
