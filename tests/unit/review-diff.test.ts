import { describe, expect, it } from "vitest";
import {
  bodySummary,
  describeChanges,
  fieldChanges,
  parseRevisionPair,
  withContext,
  wordDiff,
  type RevisionFields,
  type WordChange,
} from "@/lib/reviews/diff";

const base: RevisionFields = {
  title: "A city of shadows",
  bodyMd: "Vienna after the war is a ruin, and Carol Reed films it like one.",
  score: 7,
  tags: ["classic", "heist"],
  filmId: 1,
  film: "The Third Man (1949)",
  hasSpoilers: false,
};
const rev = (over: Partial<RevisionFields> = {}): RevisionFields => ({ ...base, ...over });

const join = (d: WordChange[], skip: WordChange["kind"]) =>
  d
    .filter((p) => p.kind !== skip)
    .map((p) => p.text)
    .join("");

const squash = (s: string) => s.replace(/\s+/g, " ");

describe("fieldChanges", () => {
  it("calls the first revision the first version", () => {
    expect(fieldChanges(null, rev())).toEqual(["first version"]);
  });

  it("quotes old and new titles", () => {
    expect(fieldChanges(rev(), rev({ title: "The zither and the sewer" }))).toEqual([
      "title: “A city of shadows” → “The zither and the sewer”",
    ]);
  });

  it("shows score changes, with a missing score as none", () => {
    expect(fieldChanges(rev(), rev({ score: 9 }))).toEqual(["score 7 → 9"]);
    expect(fieldChanges(rev(), rev({ score: null }))).toEqual(["score 7 → none"]);
    expect(fieldChanges(rev({ score: null }), rev({ score: 8 }))).toEqual(["score none → 8"]);
  });

  it("lists added tags before removed ones", () => {
    expect(fieldChanges(rev(), rev({ tags: ["classic", "noir"] }))).toEqual(["tags: +noir −heist"]);
    expect(fieldChanges(rev(), rev({ tags: [] }))).toEqual(["tags: −classic −heist"]);
  });

  it("names both films when the film changes", () => {
    expect(fieldChanges(rev(), rev({ filmId: 2, film: "Rashomon (1950)" }))).toEqual(["film: The Third Man (1949) → Rashomon (1950)"]);
  });

  it("says when the spoiler flag is set or removed", () => {
    expect(fieldChanges(rev(), rev({ hasSpoilers: true }))).toEqual(["marked as containing spoilers"]);
    expect(fieldChanges(rev({ hasSpoilers: true }), rev())).toEqual(["spoiler flag removed"]);
  });

  it("counts words added and removed in the body", () => {
    const next = rev({ bodyMd: "Vienna after the war is a beautiful ruin, and Carol Reed films it like a ruin." });
    // +beautiful, and "one" → "a ruin"
    expect(fieldChanges(rev(), next)).toEqual(["body: +3 −1 words"]);
    expect(fieldChanges(rev({ bodyMd: "One two three." }), rev({ bodyMd: "One two three four." }))).toEqual(["body: +1 word"]);
    expect(fieldChanges(rev({ bodyMd: "One two three." }), rev({ bodyMd: "One three." }))).toEqual(["body: −1 word"]);
  });

  it("calls a body change without word changes one of punctuation or formatting", () => {
    expect(fieldChanges(rev({ bodyMd: "A ruin, really." }), rev({ bodyMd: "A **ruin**, really!" }))).toEqual([
      "body: punctuation or formatting changed",
    ]);
  });

  it("lists several changes in a fixed order", () => {
    const next = rev({ title: "New", score: 9, tags: ["classic", "noir"], filmId: 2, film: "Rashomon (1950)", hasSpoilers: true, bodyMd: `${base.bodyMd} More.` });
    expect(fieldChanges(rev(), next)).toEqual([
      "title: “A city of shadows” → “New”",
      "score 7 → 9",
      "tags: +noir −heist",
      "film: The Third Man (1949) → Rashomon (1950)",
      "marked as containing spoilers",
      "body: +1 word",
    ]);
  });

  it("says so when nothing a reader sees changed", () => {
    expect(fieldChanges(rev(), rev())).toEqual(["no visible changes"]);
  });

  it("tags each change with its field", () => {
    expect(describeChanges(rev(), rev({ score: 9, title: "New" })).map((c) => c.field)).toEqual(["title", "score"]);
  });
});

describe("wordDiff", () => {
  it("marks replaced, added and kept words", () => {
    expect(wordDiff("The quick brown fox jumps.", "The quick red fox leaps, quietly.")).toEqual([
      { kind: "same", text: "The quick " },
      { kind: "removed", text: "brown" },
      { kind: "added", text: "red" },
      { kind: "same", text: " fox " },
      { kind: "removed", text: "jumps" },
      { kind: "added", text: "leaps, quietly" },
      { kind: "same", text: "." },
    ]);
  });

  it("returns one unchanged piece for equal texts and nothing for two empty ones", () => {
    expect(wordDiff("same words", "same words")).toEqual([{ kind: "same", text: "same words" }]);
    expect(wordDiff("", "")).toEqual([]);
  });

  it("handles a text written from nothing, or removed entirely", () => {
    expect(wordDiff("", "Brand new")).toEqual([{ kind: "added", text: "Brand new" }]);
    expect(wordDiff("All gone", "")).toEqual([{ kind: "removed", text: "All gone" }]);
  });

  it("never splits a word at the edge of the common start or end", () => {
    expect(wordDiff("one two three", "one twofold three")).toEqual([
      { kind: "same", text: "one " },
      { kind: "removed", text: "two" },
      { kind: "added", text: "twofold" },
      { kind: "same", text: " three" },
    ]);
    expect(wordDiff("abc", "abc def")).toEqual([
      { kind: "same", text: "abc" },
      { kind: "added", text: " def" },
    ]);
  });

  it("rebuilds the new text exactly, and the old one up to whitespace", () => {
    const a = "First paragraph stays.\n\nSecond one is about the zither, mostly.\n\nThird ends it.";
    const b = "First paragraph stays.\n\nSecond one is about Harry Lime and the zither.\n\nA new one.\n\nThird ends it.";
    const d = wordDiff(a, b);
    expect(join(d, "removed")).toBe(b);
    expect(squash(join(d, "added"))).toBe(squash(a));
  });

  it("merges neighbours of one kind and drops empty pieces", () => {
    const d = wordDiff("a b c d", "a x y d");
    for (let i = 1; i < d.length; i++) expect(d[i]!.kind).not.toBe(d[i - 1]!.kind);
    expect(d.every((p) => p.text !== "")).toBe(true);
  });

  it("falls back to one removed and one added piece when the diff gives up", () => {
    expect(wordDiff("a b c d e f", "z y x w v u", { maxEditLength: 2 })).toEqual([
      { kind: "removed", text: "a b c d e f" },
      { kind: "added", text: "z y x w v u" },
    ]);
  });

  it("keeps the common start and end as they are when it gives up", () => {
    expect(wordDiff("Keep this. a b c d e f. And this.", "Keep this. z y x w v u. And this.", { maxEditLength: 2 })).toEqual([
      { kind: "same", text: "Keep this. " },
      { kind: "removed", text: "a b c d e f." },
      { kind: "added", text: "z y x w v u." },
      { kind: "same", text: " And this." },
    ]);
  });

  it("diffs a full-length rewrite without failing", () => {
    const words = (prefix: string) => Array.from({ length: 12_000 }, (_, i) => `${prefix}${i % 997}`).join(" ");
    const d = wordDiff(words("a"), words("b"));
    expect(join(d, "removed")).toBe(words("b"));
    expect(squash(join(d, "added"))).toBe(words("a"));
  });
});

describe("bodySummary", () => {
  it("formats large counts with separators", () => {
    const d: WordChange[] = [
      { kind: "added", text: Array.from({ length: 1200 }, () => "word").join(" ") },
      { kind: "removed", text: "gone" },
    ];
    expect(bodySummary(d)).toBe("body: +1,200 −1 words");
  });
});

describe("withContext", () => {
  const long = (n: number, p = "w") => Array.from({ length: n }, (_, i) => `${p}${i}`).join(" ");

  it("shortens long unchanged stretches around a change into gaps", () => {
    const a = `${long(200)} middle ${long(200, "v")}`;
    const b = `${long(200)} centre ${long(200, "v")}`;
    const pieces = withContext(wordDiff(a, b), 40);
    expect(pieces.map((p) => p.kind)).toEqual(["gap", "same", "removed", "added", "same", "gap"]);
    const kept = pieces.filter((p) => p.kind === "same").map((p) => (p.kind === "same" ? p.text : ""));
    for (const text of kept) expect(text.length).toBeLessThan(80);
    expect(kept[0]!.endsWith("w199 ")).toBe(true);
    expect(kept[1]!.startsWith(" v0 ")).toBe(true);
    const gaps = pieces.flatMap((p) => (p.kind === "gap" ? [p.words] : []));
    const keptWords = kept.join(" ").split(/\s+/).filter(Boolean).length;
    expect(gaps.reduce((x, y) => x + y, 0) + keptWords).toBe(400);
  });

  it("leaves short diffs whole", () => {
    const d = wordDiff("a short text", "a shorter text");
    expect(withContext(d, 40)).toEqual(d);
  });

  it("cuts only at whitespace", () => {
    const pieces = withContext(wordDiff(`${long(100)} x`, `${long(100)} y`), 30);
    const head = pieces.find((p) => p.kind === "same");
    expect(head && head.kind === "same" && /^w\d+ /.test(head.text)).toBe(true);
  });
});

describe("parseRevisionPair", () => {
  it("reads from...to", () => {
    expect(parseRevisionPair("2...3")).toEqual({ from: 2, to: 3 });
    expect(parseRevisionPair("1...12")).toEqual({ from: 1, to: 12 });
  });

  it("refuses anything else", () => {
    for (const bad of ["_", "3...2", "2...2", "02...3", "0...1", "2..3", "2...3...4", "a...b", " 1...2", "1...2 "]) {
      expect(parseRevisionPair(bad)).toBeNull();
    }
  });
});
