import { expect } from "vitest";

/** Runs `fn` (sync or async) and returns what it threw; fails the test when it did not throw. */
export async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  expect.fail("expected the call to throw");
}
