import { afterEach, describe, expect, it, vi } from "vitest";
import { emptyFormState, type FormState } from "@/lib/action-result";
import { putFormState, takeFormState } from "@/lib/forms/state-store";

const state = (): FormState => ({
  ...emptyFormState({ username: "mara" }),
  status: 409,
  message: "That username is taken.",
  fieldErrors: { username: ["That username is taken."] },
});

describe("form state store", () => {
  afterEach(() => vi.useRealTimers());

  it("hands a state back once, then never again", async () => {
    const s = await state();
    const id = putFormState(s);
    expect(id).toMatch(/^[\w-]{24}$/);
    expect(takeFormState(id)).toEqual(s);
    expect(takeFormState(id)).toBeNull();
  });

  it("gives each state its own id", async () => {
    const a = putFormState({ ...await state(), message: "a" });
    const b = putFormState({ ...await state(), message: "b" });
    expect(a).not.toBe(b);
    expect(takeFormState(b)?.message).toBe("b");
    expect(takeFormState(a)?.message).toBe("a");
  });

  it("answers null for no id or an unknown one", () => {
    expect(takeFormState(null)).toBeNull();
    expect(takeFormState(undefined)).toBeNull();
    expect(takeFormState("")).toBeNull();
    expect(takeFormState("not-an-id")).toBeNull();
  });

  it("forgets a state after 30 seconds", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 1_750_000_000_000 });
    const kept = putFormState(await state());
    const dropped = putFormState(await state());
    vi.setSystemTime(1_750_000_030_000);
    expect(takeFormState(kept)).not.toBeNull();
    vi.setSystemTime(1_750_000_030_001);
    expect(takeFormState(dropped)).toBeNull();
  });
});
