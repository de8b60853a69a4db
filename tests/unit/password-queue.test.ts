import { afterEach, describe, expect, it } from "vitest";
import { boundedQueue, HASH_BUSY_RETRY_SECONDS, hashPassword, passwordQueue, verifyPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";
import { clearEnv } from "../helpers/comments";
import { setTestEnv } from "../helpers/env";

/** A job that counts itself running until `release()` lets it finish. */
function instrumented() {
  let running = 0;
  let peak = 0;
  const waiting: (() => void)[] = [];
  const job = () =>
    new Promise<string>((resolve) => {
      running++;
      peak = Math.max(peak, running);
      waiting.push(() => {
        running--;
        resolve("done");
      });
    });
  return {
    job,
    get running() {
      return running;
    },
    get peak() {
      return peak;
    },
    /** Lets the oldest running job finish, then lets the queue start the next. */
    async release() {
      waiting.shift()?.();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("boundedQueue", () => {
  it.each([
    [2, 8, 5],
    [1, 0, 3],
    [3, 2, 1],
  ])("with %i at once and %i waiting, refuses exactly the %i beyond and never runs more than allowed", async (n, m, excess) => {
    const q = boundedQueue(n, m);
    const probe = instrumented();
    const results = Array.from({ length: n + m + excess }, () => q.run(probe.job).then((v) => v, (e: unknown) => e));
    await settle();
    expect(probe.running).toBe(n);
    expect(q.admitted).toBe(n + m);
    for (let i = 0; i < n + m; i++) {
      expect(probe.running).toBeLessThanOrEqual(n);
      await probe.release();
    }
    const answers = await Promise.all(results);
    expect(answers.filter((a) => a === "done")).toHaveLength(n + m);
    const refused = answers.filter((a) => a instanceof DomainError) as DomainError[];
    expect(refused).toHaveLength(excess);
    for (const e of refused) {
      expect({ kind: e.kind, status: e.status, retry: e.retryAfterSeconds }).toEqual({ kind: "RateLimited", status: 429, retry: HASH_BUSY_RETRY_SECONDS });
      expect(e.message).toBe("Marquee is busy checking other passwords. Try again in a moment.");
    }
    // The refused ones were the last to arrive: those admitted all ran.
    expect(answers.slice(0, n + m).every((a) => a === "done")).toBe(true);
    expect(probe.peak).toBe(n);
    expect(q.admitted).toBe(0);
  });

  it("admits again once places free up", async () => {
    const q = boundedQueue(1, 0);
    const probe = instrumented();
    const first = q.run(probe.job);
    await expect(q.run(probe.job)).rejects.toBeInstanceOf(DomainError);
    await settle();
    await probe.release();
    expect(await first).toBe("done");
    const again = q.run(probe.job);
    await settle();
    await probe.release();
    expect(await again).toBe("done");
  });
});

describe("the password hashing line", () => {
  afterEach(() => clearEnv("PASSWORD_HASH_CONCURRENCY", "PASSWORD_HASH_QUEUE"));

  it("takes its size from PASSWORD_HASH_CONCURRENCY and PASSWORD_HASH_QUEUE; hashing and verifying share it", async () => {
    setTestEnv({ PASSWORD_HASH_CONCURRENCY: "2", PASSWORD_HASH_QUEUE: "3" });
    const stored = await hashPassword("a slow dolly zoom");
    expect(passwordQueue()).toMatchObject({ concurrency: 2, waiting: 3 });
    const burst = [
      ...Array.from({ length: 4 }, () => hashPassword("a slow dolly zoom")),
      ...Array.from({ length: 4 }, () => verifyPassword("a slow dolly zoom", stored)),
    ].map((p) => p.then((v) => v, (e: unknown) => e));
    expect(passwordQueue().admitted).toBe(5);
    const answers = await Promise.all(burst);
    expect(answers.filter((a) => a instanceof DomainError && a.status === 429)).toHaveLength(3);
    expect(answers.slice(0, 4).every((a) => typeof a === "string")).toBe(true);
    expect(answers[4]).toBe(true);
    expect(passwordQueue().admitted).toBe(0);
  });
});
