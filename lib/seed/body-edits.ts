import type { BodyEdit } from "./content/types";

/** Occurrences of `needle` in `text`, stopping at two. */
function occurrences(text: string, needle: string): number {
  const first = text.indexOf(needle);
  if (first < 0) return 0;
  return text.indexOf(needle, first + 1) < 0 ? 1 : 2;
}

/**
 * A text after its edits, applied in order, each to what the ones before it left. An anchor that is
 * empty, missing or found twice is a mistake in the data, never guessed at.
 */
export function applyBodyEdits(text: string, edits: readonly BodyEdit[]): string {
  let out = text;
  for (const edit of edits) {
    const anchor = "find" in edit ? edit.find : edit.after;
    if (!anchor || occurrences(out, anchor) !== 1) throw new Error(`seed: the edit anchored on "${anchor.slice(0, 60)}" needs it exactly once in the text`);
    const at = out.indexOf(anchor);
    out = "find" in edit
      ? out.slice(0, at) + edit.replace + out.slice(at + anchor.length)
      : out.slice(0, at + anchor.length) + edit.insert + out.slice(at + anchor.length);
  }
  return out;
}
