import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { passwordQueue } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";
import { clearEnv } from "../helpers/comments";
import { rows, snapshot, perTestDb } from "../helpers/db";
import { setTestEnv } from "../helpers/env";
import { thrown } from "../helpers/errors";
import { signUpAt } from "../helpers/people";

const HOUR = 3_600_000;
const T0 = new Date("2026-11-20T10:00:00Z");
const A = "203.0.113.7";
const B = "198.51.100.20";
const at = (ms: number) => new Date(T0.getTime() + ms);
let n = 0;
const someone = () => {
  n++;
  return { username: `member_${n}`, email: `member${n}@example.com`, password: "a slow dolly zoom" };
};
const KEYS = ["SIGNUP_HOURLY_PER_ADDRESS", "SIGNUP_DAILY_PER_ADDRESS", "PASSWORD_HASH_CONCURRENCY", "PASSWORD_HASH_QUEUE"];

async function expectRefused(p: () => Promise<unknown>, maxWaitSeconds: number) {
  const e = (await thrown(p)) as DomainError;
  expect(e).toBeInstanceOf(DomainError);
  expect({ kind: e.kind, status: e.status }).toEqual({ kind: "RateLimited", status: 429 });
  expect(e.retryAfterSeconds).toBeGreaterThan(0);
  expect(e.retryAfterSeconds).toBeLessThanOrEqual(maxWaitSeconds);
  expect(e.message).toMatch(/^Too many accounts were made from your network recently\. Try again in \d+ (minutes|hours?)\.$/);
  return e;
}

describe("sign-ups per address", () => {
  const t = perTestDb();
  beforeEach(() => setTestEnv({ SIGNUP_HOURLY_PER_ADDRESS: "2", SIGNUP_DAILY_PER_ADDRESS: "3" }));
  afterEach(() => clearEnv(...KEYS));

  it("refuses past the hourly limit with 429 and a retry time, writing nothing; another address goes on", async () => {
    await signUpAt(t.db, someone(), A, T0);
    await signUpAt(t.db, someone(), A, at(60_000));
    const before = await snapshot(t.db);
    const e = await expectRefused(() => signUpAt(t.db, someone(), A, at(120_000)), 3600);
    expect(e.retryAfterSeconds).toBe(3600 - 120);
    expect(await snapshot(t.db)).toEqual(before);
    expect(await rows(t.db, "users")).toHaveLength(2);
    await signUpAt(t.db, someone(), B, at(120_000));
    expect(await rows(t.db, "users")).toHaveLength(3);
    // No raw address in the counters.
    expect(JSON.stringify(await rows(t.db, "rate_windows"))).not.toMatch(/203\.0|198\.51/);
  });

  it("opens again after the hour, until the daily limit, which holds for the rest of the day", async () => {
    await signUpAt(t.db, someone(), A, T0);
    await signUpAt(t.db, someone(), A, at(1000));
    await signUpAt(t.db, someone(), A, at(HOUR));
    const before = await snapshot(t.db);
    await expectRefused(() => signUpAt(t.db, someone(), A, at(HOUR + 1000)), 24 * 3600);
    const late = await expectRefused(() => signUpAt(t.db, someone(), A, at(3 * HOUR)), 24 * 3600);
    expect(late.retryAfterSeconds).toBe(21 * 3600);
    expect(await snapshot(t.db)).toEqual(before);
    await signUpAt(t.db, someone(), A, at(24 * HOUR));
    expect(await rows(t.db, "users")).toHaveLength(4);
  });

  it("counts only accounts made: a refused name or bad input takes no place", async () => {
    const first = someone();
    await signUpAt(t.db, first, A, T0);
    expect(((await thrown(() => signUpAt(t.db, first, A, T0))) as DomainError).kind).toBe("Conflict");
    await thrown(() => signUpAt(t.db, { ...someone(), password: "short" }, A, T0));
    await signUpAt(t.db, someone(), A, T0);
    expect(await rows(t.db, "users")).toHaveLength(2);
  });

  it("lets exactly the limit through when many arrive at once from one address", async () => {
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => signUpAt(t.db, someone(), A, T0)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const reasons = results.flatMap((r) => (r.status === "rejected" ? [r.reason as DomainError] : []));
    expect(reasons.map((r) => r.status)).toEqual([429, 429, 429, 429]);
    expect(await rows(t.db, "users")).toHaveLength(2);
  });
});

describe("sign-ups and the password hashing line", () => {
  const t = perTestDb();
  afterEach(() => clearEnv(...KEYS));

  it("refuses exactly the sign-ups beyond the line (429, busy) and writes none of them", async () => {
    setTestEnv({ PASSWORD_HASH_CONCURRENCY: "2", PASSWORD_HASH_QUEUE: "3", SIGNUP_HOURLY_PER_ADDRESS: "100" });
    const queue = passwordQueue();
    const { concurrency, waiting } = queue;
    // The running places are held until every sign-up has reached the line: each reads and writes
    // first, which takes a while on a database server, so the first hashes could otherwise end
    // before the last sign-ups arrive.
    let free!: () => void;
    const held = new Promise<void>((resolve) => (free = resolve));
    const running = Array.from({ length: concurrency }, () => queue.run(() => held));
    const excess = 4;
    const refused: DomainError[] = [];
    const signUps = Array.from({ length: waiting + excess }, (_, i) =>
      signUpAt(t.db, someone(), `192.0.2.${i + 1}`, T0).catch((e: unknown) => void refused.push(e as DomainError)),
    );
    await vi.waitFor(() => expect(refused).toHaveLength(excess), { timeout: 10_000 });
    free();
    await Promise.all([...running, ...signUps]);
    expect(refused).toHaveLength(excess);
    for (const e of refused) {
      expect({ kind: e.kind, status: e.status, retry: e.retryAfterSeconds }).toEqual({ kind: "RateLimited", status: 429, retry: 2 });
      expect(e.message).toMatch(/busy/);
    }
    expect(await rows(t.db, "users")).toHaveLength(waiting);
    // A refused sign-up took no place in its address's window either.
    expect(await rows(t.db, "rate_windows", "where key like 'signup:hour:%'")).toHaveLength(waiting);
  });
});
