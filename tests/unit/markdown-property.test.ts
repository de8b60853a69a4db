import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS } from "@/lib/markdown/limits";
import { renderMarkdown } from "@/lib/markdown/render";
import { checkHtml, visibleTextOutsideSpoilers } from "@/tests/fixtures/hostile-markdown/oracle";

// Pieces that make markdown parsers (and sanitizers) work hard when shuffled together.
const TOKENS = [
  "*", "**", "_", "__", "~~", "`", "```", "[", "]", "](", ")", "![", ">", ">!", "!<", "<", "/>", "\n",
  "\n\n", " ", "    ", "#", "## ", "- ", "1. ", "|", "|---|", "\\", "&", "&#", "&#x6A;", "&colon;", ";", ":",
  "javascript:", "JaVaScRiPt:", "java\tscript:", "java\u200bscript:", "%6A", "data:text/html,", "vbscript:",
  "http://", "https://", "mailto:", "//", "x.example", "alert(1)", "<script>", "</span>", "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>", "\"", "'", "onmouseover=", "id=", "__proto__", "é", "🎬", "\u0000", "\u202e", "word",
];

const markdownish = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 80 })
  .map((parts) => parts.join(""));

const anyText = fc.string({ unit: "grapheme", maxLength: 300 });
const binaryish = fc.string({ unit: "binary", maxLength: 200 });

function assertSafe(src: string): void {
  for (const demoteHeadings of [false, true]) {
    const out = renderMarkdown(src, { demoteHeadings });
    expect(checkHtml(out.html)).toEqual([]);
    expect(out.words).toBeGreaterThanOrEqual(0);
    expect(out.readingMinutes).toBe(out.words === 0 ? 0 : Math.ceil(out.words / 230));
    expect(out.excerpt.length).toBeLessThanOrEqual(281);
  }
}

describe("renderMarkdown properties", () => {
  it("never throws and always passes the oracle for arbitrary text", () => {
    fc.assert(fc.property(fc.oneof(anyText, binaryish), assertSafe), { numRuns: 300 });
  });

  it("never throws and always passes the oracle for markdown-ish token soup", () => {
    fc.assert(fc.property(markdownish, assertSafe), { numRuns: 600 });
  });

  it("never puts text that the HTML hides in a spoiler into text or excerpt", () => {
    // Whatever the noise around it does to the spoiler syntax (a code span may swallow `>!`, a
    // stray `!<` may close it early), text shows the marker only if the HTML shows it outside
    // every spoiler span.
    const inner = fc.constantFrom("", "*", "**", "_", "`", "[", "](", "#", "<", ">", "\\", "\n");
    fc.assert(
      fc.property(markdownish, inner, inner, markdownish, (before, pre, post, after) => {
        const marker = "SPOILERMARKER";
        const out = renderMarkdown(`${before} >!${pre}${marker}${post}!< ${after}`);
        expect(checkHtml(out.html)).toEqual([]);
        if (!visibleTextOutsideSpoilers(out.html).includes(marker)) {
          expect(out.text).not.toContain(marker);
          expect(out.excerpt).not.toContain(marker);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("always hides a spoiler whose markers nothing else can claim", () => {
    // Noise without code spans, indented code, fences, links, escapes or spoiler markers of its own.
    // Runs of spaces are cut to one (with the space before ">!", four open an indented code block)
    // and of tildes to two (three open a fence).
    const plain = fc
      .array(fc.constantFrom("word", " ", "*", "**", "_", "#", "## ", "- ", "1. ", "> ", "\n", "\n\n", "é", "🎬", "|", "|---|", "~"), { maxLength: 40 })
      .map((parts) => parts.join("").replace(/ {2,}/g, " ").replace(/~{3,}/g, "~~"));
    // (A line break inside is left out: a spoiler cannot outlive a one-line block like a heading.)
    const inner = fc.constantFrom("", "*", "**", "_", "[", "](", "#", "<", ">", "\\", "`", " ");
    fc.assert(
      fc.property(plain, inner, inner, plain, (before, pre, post, after) => {
        const marker = "SPOILERMARKER";
        const out = renderMarkdown(`${before} >!${pre}${marker}${post}!< ${after}`);
        expect(out.hasSpoilers).toBe(true);
        expect(out.text).not.toContain(marker);
        expect(out.excerpt).not.toContain(marker);
        expect(visibleTextOutsideSpoilers(out.html)).not.toContain(marker);
      }),
      { numRuns: 400 },
    );
  });

  it("never leaks a spoiler on its own line, whatever precedes it", () => {
    const lead = fc.constantFrom("", "> quote\n", "> > deep\n", "- item\n", "text\n", "# h\n", "1. x\n");
    fc.assert(
      fc.property(lead, fc.constantFrom("", " ", "  "), (before, indent) => {
        const out = renderMarkdown(`${before}${indent}>!SPOILERMARKER!<`);
        expect(out.text).not.toContain("SPOILERMARKER");
        expect(out.hasSpoilers).toBe(true);
      }),
    );
  });

  it("refuses input above the cap with a RangeError", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (extra) => {
        expect(() => renderMarkdown("x".repeat(MAX_BODY_CHARS + extra))).toThrow(RangeError);
      }),
      { numRuns: 5 },
    );
  });
});
