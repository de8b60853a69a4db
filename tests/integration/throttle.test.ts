import { describe, expect, it } from "vitest";
import { closeDb, openDb, type DB } from "@/db";
import { releaseSignInAttempt, settleSuccessfulSignIn, reserveSignInAttempt as reserveAt, SIGN_IN_LIMITS, throttleKeys, type ThrottleKeys } from "@/lib/auth/throttle";
import { MIGRATIONS, ctxAs, rows, snapshot, perTestDb } from "../helpers/db";

const T0 = 1_750_000_000_000;
const { windowMs } = SIGN_IN_LIMITS;
const LIMIT = SIGN_IN_LIMITS.pair.refuseAfter;

// Sign-in attempts are counted by the one limiter, in rate_windows (once a table of their own).
const reserveSignInAttempt = (db: DB, keys: ThrottleKeys, now: number) => reserveAt(ctxAs(db, null, new Date(now)), keys);
const settle = (db: DB, keys: ThrottleKeys) => settleSuccessfulSignIn(ctxAs(db, null), keys);
const release = (db: DB, keys: ThrottleKeys) => releaseSignInAttempt(ctxAs(db, null), keys);

describe("throttleKeys", () => {
  it("hashes the identifier and address, and treats case and Unicode forms alike", () => {
    const keys = throttleKeys("Mara_K", "203.0.113.7");
    expect(keys.account).toMatch(/^account:[\w-]{43}$/);
    expect(keys.address).toMatch(/^address:[\w-]{43}$/);
    expect(keys.pair).toMatch(/^pair:[\w-]{43}$/);
    expect(JSON.stringify(keys)).not.toMatch(/mara|203\.0/i);
    expect(throttleKeys("  ｍａｒａ＿ｋ ", "203.0.113.7")).toEqual(keys);
    expect(throttleKeys("mara_k", "203.0.113.8").account).toBe(keys.account);
    expect(throttleKeys("mara_k", "203.0.113.8").address).not.toBe(keys.address);
    expect(throttleKeys("mara_k", "203.0.113.8").pair).not.toBe(keys.pair);
    expect(throttleKeys("femi_o", "203.0.113.7").pair).not.toBe(keys.pair);
  });
});

describe("reserveSignInAttempt", () => {
  const t = perTestDb();
  const keys = throttleKeys("mara_k", "203.0.113.7");
  const row = async (key: string) => (await rows(t.db, "rate_windows")).find((r) => r.key === key);

  it("counts attempts and refuses past the limit until the window ends", async () => {
    for (let i = 0; i < LIMIT; i++) expect((await reserveSignInAttempt(t.db, keys, T0 + i)).refused).toBe(false);
    expect(await row(keys.account)).toEqual({ key: keys.account, count: LIMIT, window_started_at: T0 });
    expect(await row(keys.pair)).toEqual({ key: keys.pair, count: LIMIT, window_started_at: T0 });

    const before = await snapshot(t.db);
    expect(await reserveSignInAttempt(t.db, keys, T0 + 60_000)).toEqual({ refused: true, retryAfterSeconds: 840 });
    expect(await reserveSignInAttempt(t.db, keys, T0 + windowMs - 1)).toEqual({ refused: true, retryAfterSeconds: 1 });
    expect(await snapshot(t.db)).toEqual(before);

    expect(await reserveSignInAttempt(t.db, keys, T0 + windowMs)).toEqual({ refused: false, delayMs: 0 });
    expect(await row(keys.account)).toEqual({ key: keys.account, count: 1, window_started_at: T0 + windowMs });
    expect(await row(keys.address)).toEqual({ key: keys.address, count: 1, window_started_at: T0 + windowMs });
  });

  it("asks for a growing, capped delay after the slow threshold", async () => {
    const delays: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const r = await reserveSignInAttempt(t.db, keys, T0 + i);
      delays.push(r.refused ? -1 : r.delayMs);
    }
    expect(delays).toEqual([0, 0, 0, 750, 1500, 2250, 3000, 3000]);
  });

  it("cannot be pushed past the limit by many calls, even over two connections", async () => {
    const other = openDb(t.file, { migrationsFolder: MIGRATIONS });
    try {
      const results = [];
      for (let i = 0; i < 25; i++) results.push(await reserveSignInAttempt(i % 2 ? other : t.db, keys, T0 + i));
      expect(results.filter((r) => !r.refused)).toHaveLength(LIMIT);
      expect(results.slice(LIMIT).every((r) => r.refused)).toBe(true);
      expect((await row(keys.account))?.count).toBe(LIMIT);
    } finally {
      await closeDb(other);
    }
  });

  it("refuses on the address limit across accounts, counted from its own window", async () => {
    const { refuseAfter } = SIGN_IN_LIMITS.address;
    for (let i = 0; i < refuseAfter; i++) {
      expect((await reserveSignInAttempt(t.db, throttleKeys(`ghost_${i}`, "203.0.113.7"), T0)).refused).toBe(false);
    }
    expect(await reserveSignInAttempt(t.db, keys, T0 + 1000)).toEqual({ refused: true, retryAfterSeconds: windowMs / 1000 - 1 });
    expect(await row(keys.account)).toBeUndefined();
    expect((await reserveSignInAttempt(t.db, throttleKeys("mara_k", "198.51.100.20"), T0 + 1000)).refused).toBe(false);
  });

  it("settleSuccessfulSignIn removes the account's row and gives the address its attempt back", async () => {
    for (let i = 0; i < 3; i++) await reserveSignInAttempt(t.db, keys, T0);
    const unrelated = throttleKeys("someone_else", "198.51.100.20");
    await reserveSignInAttempt(t.db, unrelated, T0);
    await settle(t.db, keys);
    expect((await rows(t.db, "rate_windows")).map((r) => [r.key, r.count]).sort()).toEqual(
      [[keys.address, 2], [unrelated.account, 1], [unrelated.pair, 1], [unrelated.address, 1]].sort(),
    );
  });

  it("never refuses an account from a fresh address, however many failed elsewhere: it only slows it, boundedly", async () => {
    const addresses = Array.from({ length: 5 }, (_, i) => `198.51.100.${i + 1}`);
    for (const a of addresses) {
      for (let i = 0; i < LIMIT; i++) expect((await reserveSignInAttempt(t.db, throttleKeys("mara_k", a), T0 + i)).refused).toBe(false);
      expect((await reserveSignInAttempt(t.db, throttleKeys("mara_k", a), T0 + LIMIT)).refused).toBe(true);
    }
    expect((await row(throttleKeys("mara_k", addresses[0]!).account))?.count).toBe(addresses.length * LIMIT);
    const owner = throttleKeys("mara_k", "192.0.2.50");
    expect(await reserveSignInAttempt(t.db, owner, T0 + 60_000)).toEqual({ refused: false, delayMs: SIGN_IN_LIMITS.slowMaxMs });
    expect((await row(owner.pair))?.count).toBe(1);
  });

  it("releaseSignInAttempt takes back an attempt that was never checked, leaving no row it created", async () => {
    await reserveSignInAttempt(t.db, keys, T0);
    const before = await snapshot(t.db);
    await reserveSignInAttempt(t.db, keys, T0 + 1);
    await release(t.db, keys);
    expect(await snapshot(t.db)).toEqual(before);
    await release(t.db, keys);
    expect(await rows(t.db, "rate_windows")).toEqual([]);
  });
});
