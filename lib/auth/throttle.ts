import { eq, inArray, sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import { writeTx, type DB } from "@/db";
import { authThrottle } from "@/db/schema";
import { authSecret } from "@/lib/env";

export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  account: { slowAfter: 3, refuseAfter: 8 },
  address: { slowAfter: 10, refuseAfter: 30 },
  slowStepMs: 750,
  slowMaxMs: 3000,
};

export type ThrottleKeys = { account: string; address: string };

/** What the per-account count is keyed by: the account when the name resolves to one, else the name typed. */
export function accountRef(userId: string | undefined, identifier: string): string {
  return userId ? `#account ${userId}` : identifier;
}

/** Keys that never hold a raw address or a raw identifier. */
export function throttleKeys(identifier: string, address: string): ThrottleKeys {
  const h = (s: string) => createHash("sha256").update(authSecret()).update("\0").update(s).digest("base64url");
  return {
    account: `account:${h(identifier.normalize("NFKC").trim().toLowerCase())}`,
    address: `address:${h(address)}`,
  };
}

export type Reservation = { refused: false; delayMs: number } | { refused: true; retryAfterSeconds: number };

/**
 * Counts an attempt before the password is checked, in one immediate transaction, so parallel
 * guesses cannot all pass a check-then-act. A successful sign-in settles it (settleSuccessfulSignIn).
 */
export function reserveSignInAttempt(db: DB, keys: ThrottleKeys, now = Date.now()): Reservation {
  const { windowMs } = SIGN_IN_LIMITS;
  return writeTx(db, (tx) => {
    const rows = tx
      .select()
      .from(authThrottle)
      .where(inArray(authThrottle.key, [keys.account, keys.address]))
      .all();
    const current = (key: string) => {
      const row = rows.find((r) => r.key === key);
      if (!row || now - row.windowStartedAt.getTime() >= windowMs) return { attempts: 0, startedAt: now };
      return { attempts: row.attempts, startedAt: row.windowStartedAt.getTime() };
    };
    const account = current(keys.account);
    const address = current(keys.address);
    const over = [
      account.attempts >= SIGN_IN_LIMITS.account.refuseAfter ? account.startedAt : null,
      address.attempts >= SIGN_IN_LIMITS.address.refuseAfter ? address.startedAt : null,
    ].filter((t): t is number => t !== null);
    if (over.length > 0) {
      const until = Math.max(...over) + windowMs;
      return { refused: true, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
    }
    for (const [key, c] of [[keys.account, account], [keys.address, address]] as const) {
      tx.insert(authThrottle)
        .values({ key, attempts: c.attempts + 1, windowStartedAt: new Date(c.startedAt) })
        .onConflictDoUpdate({
          target: authThrottle.key,
          set: { attempts: c.attempts + 1, windowStartedAt: new Date(c.startedAt) },
        })
        .run();
    }
    const excess = Math.max(
      account.attempts + 1 - SIGN_IN_LIMITS.account.slowAfter,
      address.attempts + 1 - SIGN_IN_LIMITS.address.slowAfter,
      0,
    );
    return { refused: false, delayMs: Math.min(excess * SIGN_IN_LIMITS.slowStepMs, SIGN_IN_LIMITS.slowMaxMs) };
  });
}

/**
 * After a successful sign-in: the account's count is cleared and the address gets its attempt
 * back, so only failures add up (a shared address with many members signing in stays open).
 */
export function settleSuccessfulSignIn(db: DB, keys: ThrottleKeys) {
  writeTx(db, (tx) => {
    tx.delete(authThrottle).where(eq(authThrottle.key, keys.account)).run();
    tx.update(authThrottle)
      .set({ attempts: sql`max(${authThrottle.attempts} - 1, 0)` })
      .where(eq(authThrottle.key, keys.address))
      .run();
  });
}
