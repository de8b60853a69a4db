import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commonPasswordAt, isCommonPassword } from "@/lib/auth/common-passwords";
import { RoleInput, SignInInput, SignUpInput } from "@/lib/users/schemas";

const valid = { username: "mara_k", email: "mara@example.com", password: "a slow dolly zoom" };

/** The field errors for one input, or a failure when it parsed. */
function fieldErrors(input: unknown, schema: z.ZodType = SignUpInput): Record<string, string[] | undefined> {
  const r = schema.safeParse(input);
  if (r.success) expect.fail(`expected ${JSON.stringify(input).slice(0, 80)} to be refused`);
  return z.flattenError(r.error).fieldErrors as Record<string, string[] | undefined>;
}

describe("SignUpInput: username", () => {
  it("accepts a valid sign-up and returns the normalized values", () => {
    expect(SignUpInput.parse(valid)).toEqual(valid);
  });

  it("normalizes fullwidth letters (NFKC) and trims", () => {
    expect(SignUpInput.parse({ ...valid, username: "  ｍａｒａ＿Ｋ  " }).username).toBe("mara_K");
  });

  it.each(["admin", "Admin", "ＡＤＭＩＮ", " root ", "Moderator", "null"])("refuses the reserved name %j", (username) => {
    expect(fieldErrors({ ...valid, username }).username).toEqual(["That username is reserved."]);
  });

  it("refuses names that are too short", () => {
    expect(fieldErrors({ ...valid, username: "ab" }).username).toEqual(["A username has at least 3 characters."]);
    expect(fieldErrors({ ...valid, username: "   " }).username).toContain("Choose a username.");
  });

  it("refuses names that are too long, even 10,000 characters, with a message", () => {
    const message = ["A username has at most 24 characters."];
    expect(fieldErrors({ ...valid, username: "a".repeat(25) }).username).toEqual(message);
    expect(fieldErrors({ ...valid, username: "a".repeat(10_000) }).username).toEqual(message);
    expect(SignUpInput.parse({ ...valid, username: "a".repeat(24) }).username).toHaveLength(24);
  });

  it.each(["bad name", "bad-name", "émile", "mara!", "🎬film", "dot.name"])("refuses invalid characters in %j", (username) => {
    expect(fieldErrors({ ...valid, username }).username).toEqual(["Use only letters, digits and underscores."]);
  });
});

describe("SignUpInput: email", () => {
  it("trims and lower-cases the address", () => {
    expect(SignUpInput.parse({ ...valid, email: "  Mara.K@Example.COM " }).email).toBe("mara.k@example.com");
  });

  it.each(["not-an-email", "mara@", "@example.com", "mara example@example.com", "mara@example"])(
    "refuses %j",
    (email) => {
      expect(fieldErrors({ ...valid, email }).email).toEqual(["Enter a valid email address, like name@example.com."]);
    },
  );

  it("refuses an empty or overlong address", () => {
    expect(fieldErrors({ ...valid, email: "  " }).email).toEqual(["Enter your email address."]);
    expect(fieldErrors({ ...valid, email: `${"a".repeat(250)}@example.com` }).email).toEqual([
      "That email address is too long.",
    ]);
  });
});

describe("SignUpInput: password", () => {
  it("refuses fewer than 10 and more than 200 characters", () => {
    expect(fieldErrors({ ...valid, password: "dolly zo" }).password).toEqual(["Use at least 10 characters."]);
    expect(fieldErrors({ ...valid, password: "x".repeat(201) }).password).toEqual(["Use at most 200 characters."]);
    expect(SignUpInput.parse({ ...valid, password: "x".repeat(200) }).password).toHaveLength(200);
  });

  it("refuses every common password long enough to pass the length rule, in any case", () => {
    const long: string[] = [];
    for (let rank = 0; rank < 1000; rank++) {
      const p = commonPasswordAt(rank);
      if (p && p.length >= 10) long.push(p);
    }
    expect(long).toEqual(expect.arrayContaining(["qwertyuiop", "1234567890", "password123"]));
    for (const password of [...long, "QwertyUIOP"]) {
      expect(fieldErrors({ ...valid, password }).password).toEqual([
        "That password is one of the most common ones. Choose another.",
      ]);
    }
  });

  it("checks against the top 1000 of the ranked list only", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("PASSWORD123")).toBe(true);
    // Not in the top 1000, so it passes the schema (the list decides, not a pattern).
    expect(isCommonPassword("password1234")).toBe(false);
    expect(SignUpInput.parse({ ...valid, password: "password1234" }).password).toBe("password1234");
    const beyond = commonPasswordAt(1000);
    expect(beyond && isCommonPassword(beyond)).toBe(false);
  });
});

describe("SignUpInput: missing and wrong-typed fields", () => {
  it("names each missing field", () => {
    expect(fieldErrors({})).toEqual({
      username: ["Choose a username."],
      email: ["Enter your email address."],
      password: ["Choose a password."],
    });
  });

  it("refuses non-string values with the same messages instead of crashing", () => {
    const errors = fieldErrors({ username: 12345, email: ["a@b.co"], password: null });
    expect(errors.username).toEqual(["Choose a username."]);
    expect(errors.email).toEqual(["Enter your email address."]);
    expect(errors.password).toEqual(["Choose a password."]);
  });

  it("collapses whitespace in an optional display name and limits it to 50 characters", () => {
    expect(SignUpInput.parse({ ...valid, displayName: "  Mara \n  K. " }).displayName).toBe("Mara K.");
    expect(fieldErrors({ ...valid, displayName: "d".repeat(51) }).displayName).toEqual([
      "A display name has at most 50 characters.",
    ]);
  });
});

describe("SignInInput and RoleInput", () => {
  it("trims the identifier and requires both fields", () => {
    expect(SignInInput.parse({ identifier: "  mara ", password: "x" })).toEqual({ identifier: "mara", password: "x" });
    expect(fieldErrors({ identifier: " ", password: "" }, SignInInput)).toEqual({
      identifier: ["Enter your username or email."],
      password: ["Enter your password."],
    });
  });

  it("accepts the three roles only", () => {
    expect(RoleInput.parse("moderator")).toBe("moderator");
    expect(RoleInput.safeParse("owner").success).toBe(false);
    expect(RoleInput.safeParse("Admin").success).toBe(false);
  });
});
