import { describe, expect, it } from "vitest";
import { toFormError } from "@/lib/action-result";
import { conflict, DomainError, rateLimited } from "@/lib/errors";
import { SignUpInput } from "@/lib/users/schemas";

describe("toFormError", () => {
  const values = { username: "ab" };

  it("turns a zod error into 422 and field errors", () => {
    const r = SignUpInput.safeParse({ username: "ab", email: "x", password: "short" });
    expect(r.success).toBe(false);
    const state = toFormError(r.error, values);
    expect(state).toMatchObject({ status: 422, ok: false, values, message: "Please correct the fields marked below." });
    expect(Object.keys(state.fieldErrors).sort()).toEqual(["email", "password", "username"]);
  });

  it("keeps a domain error's status, message and fields", () => {
    expect(toFormError(conflict("username", "That username is taken."), values)).toEqual({
      status: 409,
      ok: false,
      message: "That username is taken.",
      fieldErrors: { username: ["That username is taken."] },
      values,
      retryAfterSeconds: undefined,
    });
    expect(toFormError(rateLimited("Slow down.", 90), values)).toMatchObject({ status: 429, retryAfterSeconds: 90 });
    expect(new DomainError("Unauthenticated", "x").status).toBe(401);
  });

  it("rethrows anything else", () => {
    const boom = new Error("boom");
    expect(() => toFormError(boom, values)).toThrow(boom);
  });
});
