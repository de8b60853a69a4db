import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ReviewInput, reviewFormFields } from "@/lib/reviews/schemas";

// The editor's form as reviewFormFields() hands it over: every key present, strings or undefined.
const form = {
  title: "Harry Lime's Vienna",
  body: "Zither music over rubble.",
  score: "8",
  tags: "noir, vienna",
  hasSpoilers: undefined,
  intent: "publish",
  reason: undefined,
  filmId: undefined,
  filmTitle: "The Third Man",
  filmYear: "1949",
};

function parse(over: Record<string, unknown>) {
  return ReviewInput.parse({ ...form, ...over });
}

/** The field errors for one input, or a failure when it parsed. */
function fieldErrors(over: Record<string, unknown>): Record<string, string[] | undefined> {
  const r = ReviewInput.safeParse({ ...form, ...over });
  if (r.success) expect.fail(`expected ${JSON.stringify(over).slice(0, 80)} to be refused`);
  return z.flattenError(r.error).fieldErrors as Record<string, string[] | undefined>;
}

describe("ReviewInput: the whole form", () => {
  it("parses a valid form into the normalized input", () => {
    expect(ReviewInput.parse(form)).toEqual({
      title: "Harry Lime's Vienna",
      body: "Zither music over rubble.",
      score: 8,
      tags: ["noir", "vienna"],
      hasSpoilers: false,
      intent: "publish",
      reason: null,
      film: { newFilm: { title: "The Third Man", year: 1949 } },
    });
  });

  it("reads the same values from FormData through reviewFormFields", () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(form)) if (v !== undefined) fd.set(k, v);
    fd.set("hasSpoilers", "on");
    expect(ReviewInput.parse(reviewFormFields(fd))).toEqual({ ...ReviewInput.parse(form), hasSpoilers: true });
  });

  it("treats absent optional keys like empty ones (score none, no spoilers)", () => {
    // A caller that builds the input as an object (seed, script, JSON client) leaves them out.
    const { score: _s, hasSpoilers: _h, reason: _r, filmId: _f, ...minimal } = form;
    const r = ReviewInput.safeParse(minimal);
    expect(r.success ? r.data : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toMatchObject({ score: null, hasSpoilers: false });
  });
});

describe("ReviewInput: title and body", () => {
  it("refuses an empty or blank title", () => {
    expect(fieldErrors({ title: "" }).title).toEqual(["Give your review a title."]);
    expect(fieldErrors({ title: " \t\n " }).title).toEqual(["Give your review a title."]);
  });

  it("allows 200 characters of title, refuses 201, and collapses whitespace (NFKC)", () => {
    expect(parse({ title: "x".repeat(200) }).title).toHaveLength(200);
    expect(fieldErrors({ title: "x".repeat(201) }).title).toEqual(["A title has at most 200 characters."]);
    expect(parse({ title: "  Ｔｈｅ   Third\nMan " }).title).toBe("The Third Man");
  });

  it("allows a 100,000-character body, refuses 100,001", () => {
    expect(parse({ body: "a".repeat(100_000) }).body).toHaveLength(100_000);
    expect(fieldErrors({ body: "a".repeat(100_001) }).body).toEqual(["A review has at most 100,000 characters."]);
  });

  it("normalizes CRLF line ends in the body", () => {
    expect(parse({ body: "one\r\ntwo\rthree" }).body).toBe("one\ntwo\nthree");
  });

  it("refuses to publish an empty or blank body, but saves an empty draft", () => {
    const message = ["Write the review before publishing it (a draft may be empty)."];
    expect(fieldErrors({ body: "" }).body).toEqual(message);
    expect(fieldErrors({ body: "  \n " }).body).toEqual(message);
    expect(fieldErrors({ body: undefined, intent: undefined }).body).toEqual(message);
    expect(parse({ body: "", intent: "draft" })).toMatchObject({ body: "", intent: "draft" });
  });

  it("refuses an unknown intent", () => {
    expect(fieldErrors({ intent: "schedule" }).intent).toEqual(["Choose to save a draft or publish."]);
  });
});

describe("ReviewInput: score", () => {
  it.each([["1", 1], ["10", 10], [" 7 ", 7], [9, 9], ["", null], [null, null], [undefined, null]])("reads %j as %j", (score, expected) => {
    expect(parse({ score }).score).toBe(expected);
  });

  it.each(["0", 0, "11", 11, "abc", "7.5", 7.5, "-3"])("refuses %j", (score) => {
    expect(fieldErrors({ score }).score).toEqual(["A score is a whole number from 1 to 10, or none."]);
  });
});

describe("ReviewInput: tags", () => {
  it("splits on commas and spaces, so \"film noir\" is two tags", () => {
    expect(parse({ tags: "film noir" }).tags).toEqual(["film", "noir"]);
    expect(parse({ tags: " noir,,  slow-cinema ,vienna " }).tags).toEqual(["noir", "slow-cinema", "vienna"]);
  });

  it("lower-cases, drops a leading # and collapses duplicates, keeping first-seen order", () => {
    expect(parse({ tags: "#Noir, noir NOIR ＮＯＩＲ, Vienna, #vienna" }).tags).toEqual(["noir", "vienna"]);
    expect(parse({ tags: ["#Noir", "noir", "Slow-Cinema"] }).tags).toEqual(["noir", "slow-cinema"]);
  });

  it("gives no tags for an empty or missing field", () => {
    expect(parse({ tags: "" }).tags).toEqual([]);
    expect(parse({ tags: undefined }).tags).toEqual([]);
  });

  it("allows five tags, refuses six (after de-duplication)", () => {
    expect(parse({ tags: "aa bb cc dd ee aa" }).tags).toEqual(["aa", "bb", "cc", "dd", "ee"]);
    expect(fieldErrors({ tags: "aa bb cc dd ee ff" }).tags).toEqual(["Use at most 5 tags."]);
  });

  it.each(["sci-fi!", "noir;", "c#", "x", "-noir", "über", "a".repeat(31), "🎬"])("refuses the tag %j, naming it", (tag) => {
    const [message] = fieldErrors({ tags: `noir, ${tag}` }).tags ?? [];
    expect(message).toContain("is not a tag: use 2–30 lower-case letters, digits and hyphens");
    expect(message).toContain(`“${tag.toLowerCase().slice(0, 40)}”`);
  });
});

describe("ReviewInput: film", () => {
  it("takes an existing film by id, ignoring a typed title", () => {
    expect(parse({ filmId: "12" }).film).toEqual({ filmId: 12 });
    expect(parse({ filmId: 12, filmTitle: "", filmYear: "" }).film).toEqual({ filmId: 12 });
  });

  it("takes a new film by title and year when no id is chosen", () => {
    expect(parse({ filmId: "", filmTitle: "  Amélie  ", filmYear: 2001 }).film).toEqual({ newFilm: { title: "Amélie", year: 2001 } });
  });

  it.each(["0", "-4", "abc"])("refuses the film id %j with a message a reader understands", (filmId) => {
    expect(fieldErrors({ filmId }).filmId).toEqual(["Choose a film."]);
  });

  it("refuses a missing title or year, on their own fields", () => {
    expect(fieldErrors({ filmTitle: "", filmYear: "" })).toEqual({
      filmTitle: ["Name the film."],
      filmYear: ["Give the film's year, like 1949."],
    });
  });

  it.each([
    ["1800", "Films start in the 1870s."],
    [1800, "Films start in the 1870s."],
    ["abc", "Give the film's year, like 1949."],
    ["1949.5", "Give the film's year, like 1949."],
    [String(new Date().getUTCFullYear() + 6), `Give a year up to ${new Date().getUTCFullYear() + 5}.`],
  ])("refuses the year %j", (filmYear, message) => {
    expect(fieldErrors({ filmYear })).toEqual({ filmYear: [message] });
  });

  it("reports film and body problems together", () => {
    expect(Object.keys(fieldErrors({ filmTitle: "", body: "" })).sort()).toEqual(["body", "filmTitle"]);
  });

  it("reports a bad film year in the same answer as other fields' problems", () => {
    // The form shows every message at once; otherwise the writer fixes the title, sends again,
    // and only then learns that the year is wrong.
    expect(Object.keys(fieldErrors({ title: "", filmYear: "1800" })).sort()).toEqual(["filmYear", "title"]);
  });
});

describe("ReviewInput: spoilers and reason", () => {
  it.each([["on", true], ["true", true], [true, true], [undefined, false], ["", false], ["off", false], [false, false]])(
    "reads the spoiler switch %j as %j",
    (hasSpoilers, expected) => {
      expect(parse({ hasSpoilers }).hasSpoilers).toBe(expected);
    },
  );

  it("collapses the reason's whitespace, empties to null, allows 200 and refuses 201 characters", () => {
    expect(parse({ reason: "  fixed   a typo \n" }).reason).toBe("fixed a typo");
    expect(parse({ reason: "   " }).reason).toBeNull();
    expect(parse({ reason: "r".repeat(200) }).reason).toHaveLength(200);
    expect(fieldErrors({ reason: "r".repeat(201) }).reason).toEqual(["An edit reason has at most 200 characters."]);
  });
});
