// The grace rule (reviews and comments): an edit by the same editor within 5 minutes of the previous revision that
// changes at most 100 characters (and nothing but the text) amends that revision in place.
const GRACE_WINDOW_MS = 5 * 60_000; // the default; EDIT_GRACE_SECONDS configures it
export const GRACE_MAX_CHARS = 100;

export type Snapshot = {
  title: string;
  bodyMd: string;
  score: number | null;
  tags: string[];
  filmId: number;
  hasSpoilers: boolean;
};

/** Characters changed between two texts, bounded from above by the span between their common prefix and suffix. O(n). */
export function changedChars(a: string, b: string): number {
  let start = 0;
  const min = Math.min(a.length, b.length);
  while (start < min && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < min - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  return Math.max(a.length - start - end, b.length - start - end);
}

export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return (
    a.title === b.title &&
    a.bodyMd === b.bodyMd &&
    a.score === b.score &&
    a.filmId === b.filmId &&
    a.hasSpoilers === b.hasSpoilers &&
    a.tags.join(",") === b.tags.join(",")
  );
}

/** The first half of the grace rule, shared by reviews and comments. */
export function sameEditorInWindow(prev: { editorId: string | null; createdAt: Date }, editorId: string, now: Date, windowMs: number): boolean {
  return prev.editorId === editorId && now.getTime() - prev.createdAt.getTime() <= windowMs;
}

export function isGraceEdit(
  prev: Snapshot & { editorId: string | null; createdAt: Date },
  next: Snapshot,
  editorId: string,
  now: Date,
  windowMs = GRACE_WINDOW_MS,
): boolean {
  if (!sameEditorInWindow(prev, editorId, now, windowMs)) return false;
  if (prev.score !== next.score || prev.filmId !== next.filmId || prev.hasSpoilers !== next.hasSpoilers) return false;
  if (prev.tags.join(",") !== next.tags.join(",")) return false;
  return changedChars(prev.title, next.title) + changedChars(prev.bodyMd, next.bodyMd) <= GRACE_MAX_CHARS;
}
