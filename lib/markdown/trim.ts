// Trimming runs of characters from a string's ends in one pass. A regex such as `/-+$/` retries
// the run from every start position (quadratic on a long run that is not at the end).

/** `text` without the characters at either end for which `drop` holds. */
export function trimWhere(text: string, drop: (ch: string) => boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end && drop(text[start]!)) start++;
  while (end > start && drop(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** `text` without the characters at its end for which `drop` holds. */
export function trimEndWhere(text: string, drop: (ch: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1]!)) end--;
  return text.slice(0, end);
}

const isSpaceOrTab = (ch: string) => ch === " " || ch === "\t";

/** Every line without its leading and trailing spaces and tabs (other whitespace is kept). */
export function trimLineEdges(text: string): string {
  return text
    .split("\n")
    .map((line) => trimWhere(line, isSpaceOrTab))
    .join("\n");
}
