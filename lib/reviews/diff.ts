// What changed between two revisions of a review: one-line summaries per field, and a word-level
// diff of the text. Pure (no next/*, no db), so the history page and plain Vitest share it.
import { diffWords } from "diff";
import { countWords } from "@/lib/markdown/stats";
import type { Revision } from "./queries";
import { wordsLabel } from "@/lib/count-labels";

/** The snapshot fields a revision's summary looks at. A full `Revision` fits. */
export type RevisionFields = Pick<Revision, "title" | "bodyMd" | "score" | "tags" | "filmId" | "film" | "hasSpoilers">;

export type WordChange = { kind: "same" | "added" | "removed"; text: string };
type FieldName = "title" | "score" | "tags" | "film" | "spoilers" | "body";
export type FieldChange = { field: FieldName; text: string };

// A review holds up to 100,000 characters (~35,000 tokens). Myers' diff costs about
// tokens × edit length, so a rewrite would take seconds; past these bounds we give up and show
// the changed stretch as removed-then-added instead. Both bounds only ever coarsen the result.
const MAX_EDIT_LENGTH = 1500;
const DIFF_TIMEOUT_MS = 300;

export type WordDiffOptions = { maxEditLength?: number; timeout?: number };

const SPACE = /\s/;
const nf = (n: number) => n.toLocaleString("en-US");

/**
 * Word-level diff of `a` → `b`. Unchanged stretches are "same", replacements come as "removed"
 * then "added"; adjacent pieces of one kind are merged and empty pieces dropped. Joining the
 * "same" and "added" texts gives back `b` exactly; "same" + "removed" gives `a` up to whitespace
 * (diffWords keeps the new text's spacing around unchanged words).
 */
export function wordDiff(a: string, b: string, opts: WordDiffOptions = {}): WordChange[] {
  if (a === b) return merge([{ kind: "same", text: a }]);
  // The common start and end never need the algorithm; cut them at whitespace so no word is split.
  const head = commonPrefix(a, b);
  const tail = commonSuffix(a.slice(head), b.slice(head));
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const out: WordChange[] = [{ kind: "same", text: a.slice(0, head) }];
  const changes = diffWords(midA, midB, {
    maxEditLength: opts.maxEditLength ?? MAX_EDIT_LENGTH,
    timeout: opts.timeout ?? DIFF_TIMEOUT_MS,
  });
  if (changes) {
    for (const c of changes) out.push({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value });
  } else {
    out.push({ kind: "removed", text: midA }, { kind: "added", text: midB });
  }
  out.push({ kind: "same", text: a.slice(a.length - tail) });
  return merge(out);
}

/** Length of the common prefix, shortened so it ends at a word boundary in both texts. */
function commonPrefix(a: string, b: string): number {
  const min = Math.min(a.length, b.length);
  let i = 0;
  while (i < min && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const boundary = (s: string) => i === s.length || SPACE.test(s.charAt(i));
  if (boundary(a) && boundary(b)) return i;
  while (i > 0 && !SPACE.test(a.charAt(i - 1))) i--;
  return i;
}

/** Length of the common suffix, shortened so it starts at a word boundary in both texts. */
function commonSuffix(a: string, b: string): number {
  const min = Math.min(a.length, b.length);
  let n = 0;
  while (n < min && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  const boundary = (s: string) => n === s.length || SPACE.test(s.charAt(s.length - 1 - n));
  if (boundary(a) && boundary(b)) return n;
  while (n > 0 && !SPACE.test(a.charAt(a.length - n))) n--;
  return n;
}

function merge(parts: WordChange[]): WordChange[] {
  const out: WordChange[] = [];
  for (const p of parts) {
    if (p.text === "") continue;
    const last = out[out.length - 1];
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Words added and removed by a diff, counted the way the editor counts them. */
export function wordCounts(diff: WordChange[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const d of diff) {
    if (d.kind === "added") added += countWords(d.text);
    else if (d.kind === "removed") removed += countWords(d.text);
  }
  return { added, removed };
}

/**
 * Every field that differs from `prev` to `next`, in reading order, each as a short sentence.
 * Pass `bodyDiff` when the caller already has wordDiff(prev.bodyMd, next.bodyMd).
 */
export function describeChanges(prev: RevisionFields, next: RevisionFields, bodyDiff?: WordChange[]): FieldChange[] {
  const out: FieldChange[] = [];
  if (prev.title !== next.title) out.push({ field: "title", text: `title: “${prev.title}” → “${next.title}”` });
  if (prev.score !== next.score) out.push({ field: "score", text: `score ${prev.score ?? "none"} → ${next.score ?? "none"}` });
  const added = next.tags.filter((t) => !prev.tags.includes(t));
  const removed = prev.tags.filter((t) => !next.tags.includes(t));
  if (added.length || removed.length) {
    out.push({ field: "tags", text: `tags: ${[...added.map((t) => `+${t}`), ...removed.map((t) => `−${t}`)].join(" ")}` });
  }
  if (prev.filmId !== next.filmId || prev.film !== next.film) out.push({ field: "film", text: `film: ${prev.film} → ${next.film}` });
  if (prev.hasSpoilers !== next.hasSpoilers) {
    out.push({ field: "spoilers", text: next.hasSpoilers ? "marked as containing spoilers" : "spoiler flag removed" });
  }
  if (prev.bodyMd !== next.bodyMd) {
    out.push({ field: "body", text: bodySummary(bodyDiff ?? wordDiff(prev.bodyMd, next.bodyMd)) });
  }
  return out;
}

/** "body: +120 −30 words"; a change that adds or removes no word is one of punctuation or formatting. */
export function bodySummary(diff: WordChange[]): string {
  const { added, removed } = wordCounts(diff);
  if (added && removed) return `body: +${nf(added)} −${nf(removed)} words`;
  if (added) return `body: +${wordsLabel(added)}`;
  if (removed) return `body: −${wordsLabel(removed)}`;
  return "body: punctuation or formatting changed";
}

/** Human summaries of what `next` changed, field by field; ["first version"] for the first. */
export function fieldChanges(prev: RevisionFields | null, next: RevisionFields): string[] {
  if (!prev) return ["first version"];
  const changes = describeChanges(prev, next).map((c) => c.text);
  return changes.length ? changes : ["no visible changes"];
}

export type DiffPiece = WordChange | { kind: "gap"; words: number };

/**
 * A diff for reading: long unchanged stretches keep `context` characters next to each change
 * and the rest becomes a gap ("… 1,200 unchanged words …"). Cuts fall on whitespace.
 */
export function withContext(diff: WordChange[], context = 240): DiffPiece[] {
  const out: DiffPiece[] = [];
  diff.forEach((d, i) => {
    const isFirst = i === 0;
    const isLast = i === diff.length - 1;
    const keep = (isFirst ? 0 : context) + (isLast ? 0 : context);
    if (d.kind !== "same" || d.text.length <= keep + context) {
      out.push(d);
      return;
    }
    const start = isFirst ? 0 : cutAfter(d.text, context);
    const end = isLast ? d.text.length : cutBefore(d.text, d.text.length - context);
    if (end - start < context) {
      out.push(d);
      return;
    }
    if (start > 0) out.push({ kind: "same", text: d.text.slice(0, start) });
    out.push({ kind: "gap", words: countWords(d.text.slice(start, end)) });
    if (end < d.text.length) out.push({ kind: "same", text: d.text.slice(end) });
  });
  return out;
}

/** The first whitespace at or after `at` (so the kept head ends on a whole word), or the end. */
function cutAfter(text: string, at: number): number {
  const m = /\s/.exec(text.slice(at));
  return m ? at + m.index : text.length;
}

/** The last whitespace before `at`, plus one (so the kept tail starts on a whole word), or 0. */
function cutBefore(text: string, at: number): number {
  for (let i = at; i > 0; i--) if (SPACE.test(text.charAt(i - 1))) return i;
  return 0;
}

export type RevisionPair = { from: number; to: number };

/** "2...3" → { from: 2, to: 3 }; null unless canonical (no leading zeros) with from < to. */
export function parseRevisionPair(raw: string): RevisionPair | null {
  const m = /^([1-9]\d{0,5})\.\.\.([1-9]\d{0,5})$/.exec(raw);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from < to ? { from, to } : null;
}
