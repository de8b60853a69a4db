import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { users } from "@/db/schema";
import { SIGN_IN_LIMITS, accountRef, throttleKeys } from "@/lib/auth/throttle";
import { DomainError } from "@/lib/errors";
import { HASH_BUSY_RETRY_SECONDS, passwordQueue } from "@/lib/auth/password";
import { authenticate } from "@/lib/users/authenticate";
import { signUp } from "@/lib/users/sign-up";
import { ctxAs, fixtureWriter, rows, snapshot, perTestDb } from "../helpers/db";
import { clearEnv } from "../helpers/comments";
import { setTestEnv } from "../helpers/env";
import { thrown } from "../helpers/errors";

const ADDRESS = "203.0.113.7";
const PASSWORD = "a slow dolly zoom";

describe("authenticate", () => {
  const t = perTestDb();
  let userId: string;
  let slept: number[];
  const sleep = async (ms: number) => void slept.push(ms);
  const signIn = (identifier: string, password: string, address = ADDRESS) =>
    authenticate(ctxAs(t.db, null, undefined, address), { identifier, password }, sleep);
  // Sign-in attempts are counted by the one limiter, in rate_windows, beside the sign-up's own windows.
  const signInRows = async () => (await rows(t.db, "rate_windows")).filter((r) => /^(?:account|pair|address):/.test(String(r.key)));
  const throttleRow = async (key: string) => (await signInRows()).find((r) => r.key === key);

  beforeEach(async () => {
    slept = [];
    userId = (await signUp(ctxAs(t.db, null, undefined, "198.51.100.1"), { username: "Mara_K", email: "mara@example.com", password: PASSWORD })).id;
  });

  it.each(["Mara_K", "mara_k", "MARA_K", "  mara_k  ", "ｍａｒａ＿ｋ", "mara@example.com", "MARA@Example.com"])(
    "signs in as %j",
    async (identifier) => {
      const user = await signIn(identifier, PASSWORD);
      expect(user).toMatchObject({ id: userId, username: "Mara_K", email: "mara@example.com" });
      expect(await throttleRow(throttleKeys(accountRef(userId, identifier), ADDRESS).account)).toBeUndefined();
      expect(slept).toEqual([]);
    },
  );

  it("answers a wrong password and an unknown account identically", async () => {
    const wrong = (await thrown(() => signIn("mara_k", "not the password"))) as DomainError;
    const unknown = (await thrown(() => signIn("nobody_here", PASSWORD))) as DomainError;
    for (const e of [wrong, unknown]) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e.kind).toBe("Unauthenticated");
      expect(e.status).toBe(401);
    }
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.fieldErrors).toEqual(wrong.fieldErrors);
    expect(wrong.fieldErrors).toEqual({ password: ["Wrong username, email or password."] });
  });

  it("refuses a suspended account after a correct password, with a message about suspension", async () => {
    await fixtureWriter(t.db).update(users).set({ suspendedAt: new Date() }).where(eq(users.id, userId));
    const e = (await thrown(() => signIn("mara_k", PASSWORD))) as DomainError;
    expect(e).toBeInstanceOf(DomainError);
    expect(e.kind).toBe("Forbidden");
    expect(e.message).toMatch(/suspended/i);
    const wrong = (await thrown(() => signIn("mara_k", "not the password"))) as DomainError;
    expect(wrong.kind).toBe("Unauthenticated");
  });

  it("slows down repeated failures, then refuses the account from that address with a retry time", async () => {
    const { refuseAfter, slowAfter } = SIGN_IN_LIMITS.pair;
    for (let i = 0; i < refuseAfter; i++) {
      expect(((await thrown(() => signIn("mara_k", `wrong guess ${i}`))) as DomainError).kind).toBe("Unauthenticated");
    }
    expect(slept).toEqual([750, 1500, 2250, 3000, 3000]);
    expect(slept).toHaveLength(refuseAfter - slowAfter);
    const keys = throttleKeys(accountRef(userId, "mara_k"), ADDRESS);
    expect((await throttleRow(keys.account))?.count).toBe(refuseAfter);
    expect((await throttleRow(keys.address))?.count).toBe(refuseAfter);

    const before = await snapshot(t.db);
    slept = [];
    // Even the right password, the same account in another case, or by its email, wait out the window.
    for (const identifier of ["mara_k", "MARA_K", "mara@example.com"]) {
      const e = (await thrown(() => signIn(identifier, PASSWORD))) as DomainError;
      expect(e).toBeInstanceOf(DomainError);
      expect(e.kind).toBe("RateLimited");
      expect(e.status).toBe(429);
      expect(e.retryAfterSeconds).toBeGreaterThan(0);
      expect(e.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.windowMs / 1000);
      expect(e.message).toMatch(/Too many sign-in attempts\. Try again in \d+ minutes?\./);
    }
    expect(slept).toEqual([]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("clears the account's count after a correct password below the limit", async () => {
    // Guesses by username and by email count against the one account.
    for (let i = 0; i < 3; i++) await thrown(() => signIn(i % 2 ? "mara@example.com" : "mara_k", `wrong guess ${i}`));
    const keys = throttleKeys(accountRef(userId, "mara_k"), ADDRESS);
    expect((await throttleRow(keys.account))?.count).toBe(3);
    const user = await signIn("Mara_K", PASSWORD);
    expect(user.id).toBe(userId);
    expect(await throttleRow(keys.account)).toBeUndefined();
    // The address keeps its three failures; the successful attempt was given back.
    expect((await throttleRow(keys.address))?.count).toBe(3);
    expect(slept).toEqual([750]);
  });

  it("lets many members sign in from one shared address: only failures add up", async () => {
    const { refuseAfter, slowAfter } = SIGN_IN_LIMITS.address;
    for (let i = 0; i < refuseAfter + 10; i++) expect((await signIn("mara_k", PASSWORD)).id).toBe(userId);
    expect((await throttleRow(throttleKeys("x", ADDRESS).address))?.count).toBe(0);
    expect(slept).toEqual([]);
    // Failures still count from there.
    for (let i = 0; i < slowAfter; i++) await thrown(() => signIn(`ghost_${i}`, PASSWORD));
    expect((await throttleRow(throttleKeys("x", ADDRESS).address))?.count).toBe(slowAfter);
  });

  it("refuses an address that has tried too many accounts, while others still get in", async () => {
    const { refuseAfter } = SIGN_IN_LIMITS.address;
    for (let i = 0; i < refuseAfter; i++) {
      expect(((await thrown(() => signIn(`ghost_${i}`, PASSWORD))) as DomainError).kind).toBe("Unauthenticated");
    }
    expect(slept.length).toBe(refuseAfter - SIGN_IN_LIMITS.address.slowAfter);
    expect((await throttleRow(throttleKeys("x", ADDRESS).address))?.count).toBe(refuseAfter);

    const before = await snapshot(t.db);
    const e = (await thrown(() => signIn("mara_k", PASSWORD))) as DomainError;
    expect(e.kind).toBe("RateLimited");
    expect(e.retryAfterSeconds).toBeGreaterThan(0);
    expect(await snapshot(t.db)).toEqual(before);

    const user = await signIn("mara_k", PASSWORD, "198.51.100.20");
    expect(user.id).toBe(userId);
  });

  it("an attacker's 20 wrong passwords from one address neither lock the owner out elsewhere nor go on unanswered", async () => {
    const ATTACKER = "198.51.100.66";
    const OWNER = "192.0.2.10";
    const answers: string[] = [];
    for (let i = 0; i < 20; i++) answers.push(((await thrown(() => signIn("mara_k", `guess number ${i}`, ATTACKER))) as DomainError).kind);
    const { refuseAfter } = SIGN_IN_LIMITS.pair;
    expect(answers).toEqual([...Array<string>(refuseAfter).fill("Unauthenticated"), ...Array<string>(20 - refuseAfter).fill("RateLimited")]);
    const refused = (await thrown(() => signIn("mara_k", `one more guess`, ATTACKER))) as DomainError;
    expect(refused.status).toBe(429);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);

    // The owner, elsewhere, gets in: slowed at most by the bounded delay.
    slept = [];
    const user = await signIn("mara_k", PASSWORD, OWNER);
    expect(user.id).toBe(userId);
    expect(slept.every((ms) => ms <= SIGN_IN_LIMITS.slowMaxMs)).toBe(true);
    expect(slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(SIGN_IN_LIMITS.slowMaxMs);
    // The attacker's address stays refused for this account, even with the right password.
    expect(((await thrown(() => signIn("mara_k", PASSWORD, ATTACKER))) as DomainError).kind).toBe("RateLimited");
  });

  it("answers 429 when the password hashing line is full, and counts no attempt", async () => {
    setTestEnv({ PASSWORD_HASH_CONCURRENCY: "1", PASSWORD_HASH_QUEUE: "0" });
    try {
      // The only place is held until the sign-in has been answered, however long its queries before the hash take.
      let free!: () => void;
      const busy = passwordQueue().run(() => new Promise<void>((resolve) => (free = resolve)));
      const e = (await thrown(() => signIn("mara_k", PASSWORD))) as DomainError;
      expect(e).toBeInstanceOf(DomainError);
      expect({ kind: e.kind, status: e.status, retry: e.retryAfterSeconds }).toEqual({ kind: "RateLimited", status: 429, retry: HASH_BUSY_RETRY_SECONDS });
      expect(e.message).toMatch(/busy.*Try again in a moment/);
      expect(await signInRows()).toEqual([]);
      free();
      await busy;
      expect((await signIn("mara_k", PASSWORD)).id).toBe(userId);
    } finally {
      clearEnv("PASSWORD_HASH_CONCURRENCY", "PASSWORD_HASH_QUEUE");
    }
  });

  it("refuses bad input before counting an attempt", async () => {
    const e = await thrown(() => authenticate(ctxAs(t.db, null, undefined, ADDRESS), { identifier: " ", password: "" }, sleep));
    expect(e).toBeInstanceOf(ZodError);
    expect(await signInRows()).toEqual([]);
  });
});
