// The one rule for text people write, applied by every schema so that every write path uses it.
//
// Short text (names, usernames, titles, film titles, tags, edit reasons, emails):
//   1. refused past a raw ceiling of RAW_UNITS_PER_GRAPHEME × its cap in UTF-16 units, before
//      anything else touches it (no transform or regex ever sees unbounded text);
//   2. refused when it holds a lone surrogate, a C0/C1 control or DEL (tab, newline, CR, VT and
//      FF are whitespace and fold into one space), or a bidi override, embedding or isolate
//      (U+202A–U+202E, U+2066–U+2069), which could make a name read as another;
//   3. normalised (NFKC: full-width and other compatibility look-alikes become plain letters),
//      invisible zero-width space, word joiner, BOM and soft hyphen dropped, whitespace runs
//      folded into one space and the ends trimmed;
//   4. counted in graphemes (Intl.Segmenter), so a family emoji is one character; a grapheme
//      carrying more than MAX_MARKS_PER_GRAPHEME combining marks is refused (stacked-mark abuse).
// Long text (review and comment bodies, bios):
//   1. refused past 2 × its cap in UTF-16 units (a browser sends each newline as CRLF);
//   2. refused when it holds a lone surrogate;
//   3. CRLF and CR become LF; C0/C1 controls and DEL other than tab and newline are dropped
//      (pasted text often carries stray ones); bidi controls stay (right-to-left writing needs
//      them, and a body is its own paragraph, so they cannot reach past it); NFC;
//   4. counted in UTF-16 units by the caller's cap, after these steps.
import { z } from "zod";
import { EDIT_REASON_MAX, MAX_MARKS_PER_GRAPHEME, RAW_UNITS_PER_GRAPHEME } from "./text-limits";

export { RAW_UNITS_PER_GRAPHEME };

type Problem = "surrogate" | "control" | "bidi";

const isBidiControl = (c: number) => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
const isFoldedWhitespace = (c: number) => c >= 0x09 && c <= 0x0d;
const isControl = (c: number) => c <= 0x1f || (c >= 0x7f && c <= 0x9f);
const isInvisible = (c: number) => c === 0x200b || c === 0x2060 || c === 0xfeff || c === 0xad;

/** The first thing in `s` that the rule refuses, scanning once. */
function findProblem(s: string, kind: "short" | "long"): Problem | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return "surrogate";
    } else if (c >= 0xdc00 && c <= 0xdfff) return "surrogate";
    else if (kind === "short") {
      if (isControl(c) && !isFoldedWhitespace(c)) return "control";
      if (isBidiControl(c)) return "bidi";
    }
  }
  return null;
}

function problemMessage(what: string, p: Problem): string {
  if (p === "surrogate") return `${what} holds a broken character (half of an emoji or symbol); type it again.`;
  if (p === "bidi") return `${what} cannot contain text-direction override characters.`;
  return `${what} cannot contain invisible control characters.`;
}

function dropInvisible(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isInvisible(s.charCodeAt(i))) continue;
    out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Line breaks as LF, and every control character but tab and newline dropped. */
function cleanLongControls(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isControl(c) || c === 0x09 || c === 0x0a) continue;
    out += s.slice(from, i);
    // CRLF becomes one LF, a lone CR becomes LF; anything else is dropped.
    if (c === 0x0d && s.charCodeAt(i + 1) !== 0x0a) out += "\n";
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
const MARK = /\p{M}/gu;

/**
 * How many graphemes `s` has, and the most combining marks any one of them carries; counting
 * stops past `limit` (segmenting is slow, and NFKC can make a short text 18 times longer).
 */
function graphemeFacts(s: string, limit = Infinity): { count: number; heaviest: number } {
  let count = 0;
  let heaviest = 0;
  for (const { segment } of segmenter.segment(s)) {
    if (++count > limit) break;
    if (segment.length > 1) heaviest = Math.max(heaviest, segment.match(MARK)?.length ?? 0);
  }
  return { count, heaviest };
}

export const graphemeCount = (s: string) => graphemeFacts(s).count;

/** Short text cleaned by the rule (steps 2–3), or the problem that refuses it. */
export function cleanShortText(s: string): { ok: true; text: string } | { ok: false; problem: Problem } {
  const problem = findProblem(s, "short");
  if (problem) return { ok: false, problem };
  return { ok: true, text: dropInvisible(s.normalize("NFKC")).replace(/\s+/g, " ").trim() };
}

/** Long text cleaned by the rule (steps 2–3), or the problem that refuses it. */
function cleanLongText(s: string): { ok: true; text: string } | { ok: false; problem: Problem } {
  const problem = findProblem(s, "long");
  if (problem) return { ok: false, problem };
  return { ok: true, text: cleanLongControls(s).normalize("NFC") };
}

export type ShortTextOptions = {
  /** The field as the start of a sentence: "A title", "A display name". */
  what: string;
  /** The cap, in graphemes. */
  max: number;
  /** The message when the text is over its cap. */
  tooLong: string;
};

/** A short text field under the rule; the result may be empty (the caller adds `.min(1, …)`). */
export function shortText({ what, max, tooLong }: ShortTextOptions) {
  return z
    .string()
    .max(max * RAW_UNITS_PER_GRAPHEME, tooLong)
    .transform((raw, ctx) => {
      const clean = cleanShortText(raw);
      if (!clean.ok) {
        ctx.addIssue({ code: "custom", message: problemMessage(what, clean.problem) });
        return z.NEVER;
      }
      const facts = graphemeFacts(clean.text, max);
      if (facts.count > max) {
        ctx.addIssue({ code: "custom", message: tooLong });
        return z.NEVER;
      }
      if (facts.heaviest > MAX_MARKS_PER_GRAPHEME) {
        ctx.addIssue({ code: "custom", message: `${what} stacks too many accents on one letter.` });
        return z.NEVER;
      }
      return clean.text;
    });
}

export type LongTextOptions = {
  what: string;
  /** The cap, in UTF-16 units after cleaning. */
  max: number;
  /** The message when the text is over its cap, given its length. */
  tooLong: (length: number) => string;
};

/**
 * A long text field under the rule, raw ceiling and cleaning only: the caller checks the cap
 * (after its own trimming) with `tooLong`, so a message can count what will be stored.
 */
export function longText({ what, max, tooLong }: LongTextOptions) {
  return z.string().transform((raw, ctx) => {
    if (raw.length > 2 * max) {
      ctx.addIssue({ code: "custom", message: tooLong(raw.length) });
      return z.NEVER;
    }
    const clean = cleanLongText(raw);
    if (!clean.ok) {
      ctx.addIssue({ code: "custom", message: problemMessage(what, clean.problem) });
      return z.NEVER;
    }
    return clean.text;
  });
}

/** Why an edit was made, for reviews and comments alike: optional, one line, at most 200 characters. */
export const EditReason = shortText({ what: "An edit reason", max: EDIT_REASON_MAX, tooLong: `An edit reason has at most ${EDIT_REASON_MAX} characters.` })
  .optional()
  .transform((s) => s || null);

/** A name handed over by a sign-in provider, made to follow the short-text rule by cutting, not refusing. */
export function providedName(raw: string | null | undefined, max: number): string {
  const s = (raw ?? "").slice(0, max * RAW_UNITS_PER_GRAPHEME);
  let kept = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((isControl(c) && !isFoldedWhitespace(c)) || isBidiControl(c)) continue;
    kept += s[i];
  }
  const clean = cleanShortText(kept.toWellFormed());
  if (!clean.ok) return "";
  const segments = Array.from(segmenter.segment(clean.text), (x) => x.segment);
  // A cut through the raw text may have split the last grapheme (half an emoji sequence).
  if (s.length < (raw ?? "").length) segments.pop();
  let out = "";
  for (const [n, segment] of segments.entries()) {
    if (n >= max || (segment.match(MARK)?.length ?? 0) > MAX_MARKS_PER_GRAPHEME) break;
    out += segment;
  }
  return out.trim();
}
