// Inline spoilers, Reddit style: `>!hidden text!<` becomes <span class="spoiler" tabindex="0">.
// The content is ordinary inline markdown (it is tokenized and later sanitized like any other);
// the first `!<` after an opener closes it; spoilers do not nest and cannot span paragraphs.
//
// A line that *starts* with `>!` would otherwise open a blockquote (and show the text): such a
// line is a spoiler instead when a `!<` follows on it or on a later line before the next blank
// line. When it continues a quote, it stays in the quote as a spoiler.
import type { MarkdownIt, StateBlock, StateCore, StateInline } from "markdown-it";
import { sourceLines } from "./lines";

const GT = 0x3e;
const BANG = 0x21;

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** Per document: where each line's last `!<` starts (-1: none), and the next line holding one. */
interface CloserFacts {
  lastCloser: number[];
  nextCloserLine: number[];
}

const closerCache = new WeakMap<StateBlock, CloserFacts>();

function closerFacts(state: StateBlock): CloserFacts {
  const cached = closerCache.get(state);
  if (cached) return cached;
  const { lines } = sourceLines(state);
  const facts: CloserFacts = { lastCloser: [], nextCloserLine: new Array<number>(lines.length + 1) };
  let offset = 0;
  for (const line of lines) {
    const at = line.lastIndexOf("!<");
    facts.lastCloser.push(at < 0 ? -1 : offset + at);
    offset += line.length + 1;
  }
  facts.nextCloserLine[lines.length] = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    facts.nextCloserLine[i] = facts.lastCloser[i] !== -1 ? i : facts.nextCloserLine[i + 1]!;
  }
  closerCache.set(state, facts);
  return facts;
}

/** Whether `line`, as the current container sees it, opens a spoiler rather than a quote. */
function opensSpoiler(state: StateBlock, line: number): boolean {
  const pos = state.bMarks[line]! + state.tShift[line]!;
  if (state.src.charCodeAt(pos) !== GT || state.src.charCodeAt(pos + 1) !== BANG) return false;
  const facts = closerFacts(state);
  if ((facts.lastCloser[line] ?? -1) >= pos + 2) return true;
  const closer = facts.nextCloserLine[line + 1] ?? Infinity;
  const blank = sourceLines(state).nextBlank[line + 1] ?? Infinity;
  return closer < blank;
}

function guardBlockquote(original: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) =>
    !opensSpoiler(state, startLine) && original(state, startLine, endLine, silent);
}

/**
 * A `>!…!<` line that continues a quote loses its `>` to the quote marker, leaving `!…!<` in the
 * quoted paragraph. Put the `>` back (before inline parsing) so the spoiler is hidden inside the
 * quote: a paragraph line starting with `!`, right after a `>` in the source, with a `!<` later.
 */
function restoreQuotedOpeners(state: StateCore): void {
  let lines: string[] | undefined;
  for (let i = 1; i < state.tokens.length; i++) {
    const inline = state.tokens[i]!;
    if (inline.type !== "inline" || state.tokens[i - 1]!.type !== "paragraph_open" || !inline.map) continue;
    const lastCloser = inline.content.lastIndexOf("!<");
    if (lastCloser === -1) continue;
    lines ??= state.src.split("\n"); // core state: no StateBlock to share sourceLines with
    const contentLines = inline.content.split("\n");
    let offset = 0;
    for (let k = 0; k < contentLines.length; k++) {
      const line = contentLines[k]!;
      const raw = (lines[inline.map[0] + k] ?? "").trimEnd();
      const trimmed = line.trimEnd();
      if (line.startsWith("!") && offset + 1 < lastCloser && trimmed !== "" && raw.endsWith(trimmed) && raw.charAt(raw.length - trimmed.length - 1) === ">") {
        contentLines[k] = `>${line}`;
      }
      offset += line.length + 1;
    }
    inline.content = contentLines.join("\n");
  }
}

// The first `!<` at or after `from`; remembered per inline run so that many openers without a
// closer cost one scan, not one scan each.
const inlineCloserCache = new WeakMap<StateInline, { from: number; at: number }>();

function findCloser(state: StateInline, from: number): number {
  const c = inlineCloserCache.get(state);
  if (c && from >= c.from && (c.at === -1 || from <= c.at)) return c.at;
  const at = state.src.indexOf("!<", from);
  inlineCloserCache.set(state, { from, at });
  return at;
}

function spoilerInline(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== GT || state.src.charCodeAt(start + 1) !== BANG) return false;
  const close = findCloser(state, start + 2);
  if (close <= start + 2 || close + 2 > state.posMax) return false;
  if (!silent) {
    const oldMax = state.posMax;
    const open = state.push("spoiler_open", "span", 1);
    open.markup = ">!";
    state.pos = start + 2;
    state.posMax = close;
    state.md.inline.tokenize(state);
    state.posMax = oldMax;
    state.push("spoiler_close", "span", -1).markup = "!<";
  }
  state.pos = close + 2;
  return true;
}

export function spoilerPlugin(md: MarkdownIt): void {
  const rule = md.block.ruler.__rules__.find((r) => r.name === "blockquote");
  if (!rule) throw new Error("markdown-it has no blockquote rule to guard");
  md.block.ruler.at("blockquote", guardBlockquote(rule.fn), { alt: [...rule.alt] });
  md.core.ruler.before("inline", "spoiler_quoted_openers", restoreQuotedOpeners);
  md.inline.ruler.before("emphasis", "spoiler", spoilerInline);
  md.renderer.rules.spoiler_open = () => '<span class="spoiler" tabindex="0">';
  md.renderer.rules.spoiler_close = () => "</span>";
}
