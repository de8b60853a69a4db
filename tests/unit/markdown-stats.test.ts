import { describe, expect, it } from "vitest";
import { countWords, readingMinutes, WORDS_PER_MINUTE } from "@/lib/markdown/stats";

describe("countWords", () => {
  it("counts whitespace-separated words", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   \n\t ")).toBe(0);
    expect(countWords("one")).toBe(1);
    expect(countWords("  one two\nthree\tfour  ")).toBe(4);
  });

  it("ignores markup-only tokens and counts decorated words once", () => {
    expect(countWords("# Title\n\n> - **bold** _it_ `code`\n\n---\n\n| a | b |")).toBe(6);
    expect(countWords("don't well-known 1995 9/10")).toBe(4);
  });

  it("counts spoiler text and accented or non-Latin words", () => {
    expect(countWords(">!he was dead!<")).toBe(3);
    expect(countWords("Amélie Тарковский Ταινία")).toBe(3);
  });

  it("counts each Han, Hiragana or Katakana character as a word", () => {
    expect(countWords("七人の侍")).toBe(4);
    expect(countWords("映画 review")).toBe(3);
  });
});

describe("readingMinutes", () => {
  it(`is words / ${WORDS_PER_MINUTE} rounded up, 0 only without words`, () => {
    expect(WORDS_PER_MINUTE).toBe(230);
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(231)).toBe(2);
    expect(readingMinutes(1500)).toBe(7);
    expect(readingMinutes(-3)).toBe(0);
    expect(readingMinutes(Number.NaN)).toBe(0);
  });
});
