// Word count and reading time. Dependency-free so the editor's live preview can import it on
// the client and show exactly the numbers the server stores.

export const WORDS_PER_MINUTE = 230;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * Words in markdown source: whitespace-separated runs holding at least one letter or digit, so
 * markup alone (`>`, `-`, `|`, `**`, fences) counts for nothing and `**bold**` counts once.
 * Han, Hiragana and Katakana characters count as a word each, since those scripts don't use
 * spaces. Spoiler text and code are counted: a reader still spends time on them.
 */
export function countWords(src: string): number {
  let words = 0;
  for (const token of src.split(/\s+/)) {
    if (token === "") continue;
    const cjk = token.match(CJK)?.length ?? 0;
    words += cjk;
    const rest = cjk === 0 ? token : token.replace(CJK, " ");
    if (WORDISH.test(rest)) words += 1;
  }
  return words;
}

/** Minutes at WORDS_PER_MINUTE, rounded up: 0 for no words, otherwise at least 1. */
export function readingMinutes(words: number): number {
  if (!Number.isFinite(words) || words <= 0) return 0;
  return Math.ceil(words / WORDS_PER_MINUTE);
}
