// The markdown-it half of the pipeline: CommonMark + tables + strikethrough, raw HTML off,
// linkify on, the link/image policy, spoilers, anchored headings, and caps on nesting.
import MarkdownIt from "markdown-it";
import type { MarkdownIt as MarkdownItInstance, StateBlock, StateCore, Token } from "markdown-it";
import { headingPlugin } from "./headings";
import { mentionPlugin } from "./mentions";
import { sourceLines } from "./lines";
import { spoilerPlugin } from "./spoilers";
import { isAllowedHref, isAllowedImageSrc, lowercaseScheme } from "./url";

// Block nesting (quotes, lists) beyond this is dropped by markdown-it; 32 levels is ~15 nested
// lists. Inline nesting (emphasis runs like `*****…a*****…`) is not counted by markdown-it, so
// capInlineDepth unwraps tags past MAX_INLINE_DEPTH; together they bound the HTML depth that
// the (recursive) rehype steps see.
const MAX_NESTING = 32;
const MAX_INLINE_DEPTH = 16;
// Bigger tables are left as text: markdown-it pads short rows with empty cells (up to 65,536 of
// them), so a wide header over many one-character rows turns 100 kB into a megabyte of HTML.
// Rows are over-estimated as every line up to the next blank one.
const MAX_TABLE_COLUMNS = 64;
const MAX_TABLE_CELLS = 10_000;

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

function limitTableWidth(original: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const delimiterRow = startLine + 1;
    if (delimiterRow >= endLine) return false;
    const row = state.src.slice(state.bMarks[delimiterRow]! + state.tShift[delimiterRow]!, state.eMarks[delimiterRow]);
    let pipes = 0;
    for (let i = row.indexOf("|"); i !== -1 && pipes <= MAX_TABLE_COLUMNS + 1; i = row.indexOf("|", i + 1)) pipes++;
    if (pipes > MAX_TABLE_COLUMNS + 1) return false;
    const rows = Math.min(sourceLines(state).nextBlank[startLine] ?? endLine, endLine) - startLine - 1;
    return (pipes + 1) * rows <= MAX_TABLE_CELLS && original(state, startLine, endLine, silent);
  };
}

/** Unwrap inline tags nested deeper than MAX_INLINE_DEPTH, keeping their text (and markup). */
function capInlineDepth(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const stack: boolean[] = [];
    let depth = 0;
    for (const t of block.children) {
      if (t.nesting === 1) {
        // Spoilers never nest, so keeping them costs one level at most, and unwrapping one
        // would reveal its text.
        const drop = depth >= MAX_INLINE_DEPTH && t.type !== "spoiler_open";
        stack.push(drop);
        if (!drop) depth++;
        else unwrap(t);
      } else if (t.nesting === -1) {
        const drop = stack.pop() ?? true;
        if (!drop) depth--;
        else unwrap(t);
      }
    }
  }
}

function unwrap(t: Token): void {
  const keepMarkup = t.type.startsWith("em_") || t.type.startsWith("strong_") || t.type.startsWith("s_");
  t.type = "text";
  t.tag = "";
  t.nesting = 0;
  t.attrs = null;
  t.content = keepMarkup ? t.markup : "";
}

/** Table cell alignment arrives as `style="text-align:x"`; styles are banned, so use a class. */
function alignCellsWithClasses(state: StateCore): void {
  for (const t of state.tokens) {
    if (t.type !== "th_open" && t.type !== "td_open") continue;
    const align = /^text-align:(left|center|right)$/.exec(String(t.attrGet("style") ?? ""))?.[1];
    t.attrs = align ? [["class", `align-${align}`]] : null;
  }
}

export function createParser(): MarkdownItInstance {
  const md = new MarkdownIt("default", {
    html: false,
    linkify: true,
    typographer: true,
    breaks: true,
    maxNesting: MAX_NESTING,
  });

  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url) => lowercaseScheme(normalizeLink(url));
  // Called for links, images, autolinks and linkify matches; refused ones stay plain text.
  md.validateLink = (url) => isAllowedHref(url);

  // Images only from https; anything else shows its alt text.
  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (isAllowedImageSrc(String(token.attrGet("src") ?? ""))) return renderImage(tokens, idx, options, env, self);
    return md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], options, env));
  };

  const table = md.block.ruler.__rules__.find((r) => r.name === "table");
  if (!table) throw new Error("markdown-it has no table rule to limit");
  md.block.ruler.at("table", limitTableWidth(table.fn), { alt: [...table.alt] });

  md.use(spoilerPlugin);
  md.use(headingPlugin);
  md.use(mentionPlugin);
  md.core.ruler.push("cap_inline_depth", capInlineDepth);
  md.core.ruler.push("align_cells", alignCellsWithClasses);
  return md;
}
