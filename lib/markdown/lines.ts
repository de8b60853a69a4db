// Per-document facts about source lines, computed once (block rules run once per line, so a
// rule that scanned ahead on every call would be quadratic).
import type { StateBlock } from "markdown-it";

export interface SourceLines {
  lines: string[];
  /** nextBlank[i]: the first line at or after i that is blank (lines.length if none). */
  nextBlank: number[];
}

const cache = new WeakMap<StateBlock, SourceLines>();

export function sourceLines(state: StateBlock): SourceLines {
  const cached = cache.get(state);
  if (cached) return cached;
  const lines = state.src.split("\n");
  const nextBlank = new Array<number>(lines.length + 1);
  nextBlank[lines.length] = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    nextBlank[i] = /^[ \t]*$/.test(lines[i]!) ? i : nextBlank[i + 1]!;
  }
  const result = { lines, nextBlank };
  cache.set(state, result);
  return result;
}
