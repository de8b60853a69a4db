import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CommentEditInput, CommentInput } from "@/lib/comments/schemas";
import { NewFilmInput } from "@/lib/films/schemas";
import { ReviewInput } from "@/lib/reviews/schemas";
import { SignInInput, SignUpInput } from "@/lib/users/schemas";
import { ProfileInput } from "@/lib/users/schemas";
import { VoteInput } from "@/lib/votes/schemas";
import { graphemeCount, providedName } from "@/lib/text";

// The text rule of lib/text.ts, driven through every schema that takes text, so that every
// write path is covered by the schema it parses with.

const review = { title: "Harry Lime's Vienna", body: "Zither music.", score: "8", tags: "noir", intent: "publish", filmTitle: "The Third Man", filmYear: "1949" };
const signUp = { username: "mara_k", email: "mara@example.com", password: "a slow dolly zoom", displayName: "Mara" };

type Field = { name: string; schema: z.ZodType; base: Record<string, unknown>; key: string; path?: string };

const SHORT: Field[] = [
  { name: "review title", schema: ReviewInput, base: review, key: "title" },
  { name: "review edit reason", schema: ReviewInput, base: review, key: "reason" },
  { name: "review tags", schema: ReviewInput, base: review, key: "tags" },
  { name: "film title (in the review form)", schema: ReviewInput, base: review, key: "filmTitle" },
  { name: "film title", schema: NewFilmInput, base: { title: "x", year: 1949 }, key: "title" },
  { name: "comment edit reason", schema: CommentEditInput, base: { body: "ok" }, key: "reason" },
  { name: "display name (sign-up)", schema: SignUpInput, base: signUp, key: "displayName" },
  { name: "display name (settings)", schema: ProfileInput, base: { name: "Mara", bio: "" }, key: "name" },
  { name: "username", schema: SignUpInput, base: signUp, key: "username" },
  { name: "email", schema: SignUpInput, base: signUp, key: "email" },
];

const LONG: Field[] = [
  { name: "review body", schema: ReviewInput, base: review, key: "body" },
  { name: "comment body", schema: CommentInput, base: { reviewId: "1" }, key: "body" },
  { name: "bio", schema: ProfileInput, base: { name: "Mara" }, key: "bio" },
];

function errorsFor(f: Field, value: unknown): string[] {
  const r = f.schema.safeParse({ ...f.base, [f.key]: value });
  if (r.success) expect.fail(`${f.name}: expected ${JSON.stringify(value).slice(0, 60)} to be refused`);
  return (z.flattenError(r.error).fieldErrors as Record<string, string[] | undefined>)[f.path ?? f.key] ?? [];
}

function valueOf(f: Field, value: unknown): unknown {
  const data = f.schema.parse({ ...f.base, [f.key]: value }) as Record<string, unknown>;
  if (f.key === "filmTitle") return (data.film as { newFilm: { title: string } }).newFilm.title;
  return data[f.key];
}

const HOSTILE = {
  NUL: "Ma\u0000ra",
  DEL: "Ma\u007fra",
  "C1 (NEL)": "Ma\u0085ra",
  "C1 (CSI)": "Ma\u009bra",
  "right-to-left override": "Ma\u202era",
  "left-to-right embedding": "Ma\u202ara",
  "first-strong isolate": "Ma\u2068ra",
  "lone high surrogate": "Ma\ud83cra",
  "lone low surrogate": "Ma\udfa5ra",
};

describe("short text: controls, bidi overrides and lone surrogates are refused next to the field", () => {
  for (const f of SHORT) {
    it.each(Object.entries(HOSTILE))(`${f.name}: refuses %s`, (_kind, value) => {
      const errors = errorsFor(f, value);
      expect(errors.length).toBeGreaterThan(0);
      // The message says what is wrong without echoing the hostile character back.
      for (const m of errors) expect([...m].filter((c) => value.includes(c) && !/[\p{L}\s]/u.test(c))).toEqual([]);
    });
  }

  it("says which rule a title breaks", () => {
    const title = SHORT[0]!;
    expect(errorsFor(title, "Ma\u0000ra")).toEqual(["A title cannot contain invisible control characters."]);
    expect(errorsFor(title, "\u202enimda")).toEqual(["A title cannot contain text-direction override characters."]);
    expect(errorsFor(title, "Ma\ud83cra")).toEqual(["A title holds a broken character (half of an emoji or symbol); type it again."]);
  });

  it("folds tabs and newlines into one space, drops zero-width spaces, and normalises compatibility forms", () => {
    const title = SHORT[0]!;
    expect(valueOf(title, "  Harry\t\tLime\r\n in\u200b Vienna ")).toBe("Harry Lime in Vienna");
    expect(valueOf(title, "Ｖｉｅｎｎａ")).toBe("Vienna");
  });
});

describe("long text: controls dropped (tab and newline kept), bidi kept, lone surrogates refused", () => {
  for (const f of LONG) {
    it(`${f.name}: drops NUL, DEL and C1 controls, folds CRLF and CR into LF`, () => {
      expect(valueOf(f, "one\u0000 two\u007f\r\nthree\u0085\u009b\rfour\tfive")).toBe("one two\nthree\nfour\tfive");
    });

    it(`${f.name}: keeps right-to-left marks and overrides (a body is its own paragraph)`, () => {
      expect(valueOf(f, "\u202bשלום\u202c world")).toBe("\u202bשלום\u202c world");
    });

    it(`${f.name}: refuses a lone surrogate`, () => {
      expect(errorsFor(f, "half an emoji: \ud83c").join(" ")).toMatch(/broken character/);
    });

    it(`${f.name}: normalises to NFC`, () => {
      expect(valueOf(f, "Cine\u0301ma")).toBe("Cinéma");
    });
  }
});

describe("grapheme caps on names and titles", () => {
  const family = "👨‍👩‍👧‍👦";
  const displayName = SHORT.find((f) => f.name === "display name (sign-up)")!;
  const title = SHORT[0]!;

  it("counts a family emoji as one character: eight of them pass a 50-character display name", () => {
    const eight = family.repeat(8);
    expect(eight.length).toBe(88);
    expect([...eight].length).toBe(56);
    expect(graphemeCount(eight)).toBe(8);
    expect(valueOf(displayName, eight)).toBe(eight);
    expect(valueOf(displayName, `${"é".repeat(42)} ${family.repeat(7)}`)).toHaveLength(42 + 1 + 77);
  });

  it("accepts 50 graphemes and refuses 51", () => {
    expect(valueOf(displayName, "🎬".repeat(50))).toBe("🎬".repeat(50));
    expect(errorsFor(displayName, "🎬".repeat(51))).toEqual(["A display name has at most 50 characters."]);
    expect(errorsFor(displayName, "a".repeat(51))).toEqual(["A display name has at most 50 characters."]);
    expect(valueOf(title, "🎞️".repeat(200))).toBe("🎞️".repeat(200));
    expect(errorsFor(title, "x".repeat(201))).toEqual(["A title has at most 200 characters."]);
  });

  it("refuses one letter with 1,000 combining marks by the raw ceiling (4 UTF-16 units per grapheme of the cap)", () => {
    const zalgo = `a${"\u0301".repeat(1000)}`;
    expect(graphemeCount(zalgo)).toBe(1);
    expect(errorsFor(displayName, zalgo)).toEqual(["A display name has at most 50 characters."]);
    expect(errorsFor(title, zalgo)).toEqual(["A title has at most 200 characters."]);
  });

  it("refuses a letter stacked with more than 10 combining marks under the ceiling, and allows Vietnamese and Hindi", () => {
    expect(errorsFor(displayName, `Ma${"\u0301\u0308\u0323".repeat(4)}ra`)).toEqual(["A display name stacks too many accents on one letter."]);
    expect(valueOf(displayName, "Nguyễn Thị Ánh")).toBe("Nguyễn Thị Ánh");
    expect(valueOf(displayName, "क्षत्रिय")).toBe("क्षत्रिय");
  });

  it("cuts a provider's name to the rule instead of refusing it", () => {
    expect(providedName(`\u202eMara\u0000 ${"🎬".repeat(60)}`, 50)).toBe(`Mara ${"🎬".repeat(45)}`);
    // Cut at the raw ceiling first; no half of a family is left at the end.
    expect(providedName(`Mara ${family.repeat(60)}`, 50)).toBe(`Mara ${family.repeat(17)}`);
    expect(providedName(`a${"\u0301".repeat(1000)}`, 50)).toBe("");
    expect(providedName(null, 50)).toBe("");
  });
});

// The worst case of each capped field: ten times its cap (and a megabyte of spaces then "x",
// which the quadratic /\s+$/ took minutes over) is refused with the field's own message, fast.
// The bound is generous for a loaded machine; the measured times are far below it.
describe("every text field refuses ten times its cap, before any transform", () => {
  const cases: [string, Field, number, string][] = [
    ["review title", SHORT[0]!, 200, "A title has at most 200 characters."],
    ["review edit reason", SHORT[1]!, 200, "An edit reason has at most 200 characters."],
    ["review tags", SHORT[2]!, 400, "Use at most 5 tags."],
    ["film title", SHORT[4]!, 200, "A film title has at most 200 characters."],
    ["comment edit reason", SHORT[5]!, 200, "An edit reason has at most 200 characters."],
    ["display name", SHORT[6]!, 50, "A display name has at most 50 characters."],
    ["username", SHORT[8]!, 24, "A username has at most 24 characters."],
    ["email", SHORT[9]!, 254, "That email address is too long."],
    ["review body", LONG[0]!, 100_000, "A review has at most 100,000 characters."],
    ["comment body", LONG[1]!, 10_000, "A comment has at most 10,000 characters; this one has 100,000."],
    ["bio", LONG[2]!, 500, "A bio has at most 500 characters."],
    ["password", { name: "password", schema: SignUpInput, base: signUp, key: "password" }, 200, "Use at most 200 characters."],
    ["sign-in identifier", { name: "identifier", schema: SignInInput, base: { password: "x" }, key: "identifier" }, 254, "That is longer than any username or email."],
  ];

  it.each(cases)("%s: 10× its cap of spaces then x, refused in well under a second", (_name, f, cap, message) => {
    const started = performance.now();
    expect(errorsFor(f, `${" ".repeat(cap * 10 - 1)}x`)).toEqual([message]);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it("a comment of a megabyte of spaces then x is refused at once (the old trailing-space regex took minutes)", () => {
    const started = performance.now();
    expect(errorsFor(LONG[1]!, `${" ".repeat(1_000_000)}x`)).toEqual(["A comment has at most 10,000 characters; this one has 1,000,001."]);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it("a comment just under the raw ceiling, all spaces but one letter, is trimmed in linear time", () => {
    const started = performance.now();
    expect(valueOf(LONG[1]!, `x${" ".repeat(19_998)}`)).toBe("x");
    expect(errorsFor(LONG[1]!, `${" ".repeat(19_998)}\u0000`)).toEqual(["Write something before posting."]);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it("a title that NFKC makes 18 times longer is refused without segmenting all of it", () => {
    const started = performance.now();
    expect(errorsFor(SHORT[0]!, "\ufdfa".repeat(800))).toEqual(["A title has at most 200 characters."]);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it("a vote id of a megabyte is refused as no such item", () => {
    const started = performance.now();
    const r = VoteInput.safeParse({ type: "review", id: "1".repeat(1_000_000), value: "up" });
    expect(r.success).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });
});
