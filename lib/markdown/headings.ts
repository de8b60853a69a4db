// Anchored headings: every heading gets an id (a slug of its visible text, never of spoiler
// text, de-duplicated per document: foo, foo-1, …) and a trailing `#` link to itself. The
// sanitizer prefixes ids with `user-content-`, so the link points at the prefixed id.
// Only the first MAX_ANCHORED_HEADINGS headings get an id and anchor. Comments demote headings
// two levels (h1→h3 … capped at h6) and by default get no ids: a page shows many comments next
// to the review, each rendered alone, and ids must be unique on a page.
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { trimWhere } from "./trim";

export const CLOBBER_PREFIX = "user-content-";
export const HEADING_ANCHOR_CLASS = "heading-anchor";
export const HEADING_ANCHOR_LABEL = "Link to this section";
const MAX_SLUG_LENGTH = 64;
// Anchors roughly triple a heading's HTML; past this many (no real review has them) headings
// stay plain so that 25,000 one-line headings can't blow the output up to megabytes.
const MAX_ANCHORED_HEADINGS = 250;
const DEMOTE_BY = 2;

export type HeadingEnv = {
  demoteHeadings: boolean;
  anchorHeadings: boolean;
  slugs?: Map<string, number>;
};

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s+/g, "-");
  const short = Array.from(slug).slice(0, MAX_SLUG_LENGTH).join("");
  const trimmed = trimWhere(short, (ch) => ch === "-");
  return trimmed === "" ? "section" : trimmed;
}

/** `slug`, or `slug-1`, `slug-2`, … — the first one not yet used in this document. */
function uniqueSlug(used: Map<string, number>, base: string): string {
  let n = used.get(base);
  if (n === undefined) {
    used.set(base, 0);
    return base;
  }
  let candidate: string;
  do candidate = `${base}-${++n}`;
  while (used.has(candidate));
  used.set(base, n);
  used.set(candidate, 0);
  return candidate;
}

/** Visible text of inline tokens, skipping everything inside spoilers. */
function visibleText(children: Token[]): string {
  let depth = 0;
  let text = "";
  for (const t of children) {
    if (t.type === "spoiler_open") depth++;
    else if (t.type === "spoiler_close") depth--;
    else if (depth > 0) continue;
    else if (t.type === "text" || t.type === "code_inline") text += t.content;
    else if (t.type === "softbreak" || t.type === "hardbreak") text += " ";
  }
  return text;
}

function headingAnchors(state: StateCore): void {
  const env = state.env as HeadingEnv;
  const used = (env.slugs ??= new Map());
  const tokens = state.tokens;
  let anchored = 0;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== "heading_open") continue;
    const inline = tokens[i + 1];
    const close = tokens[i + 2]?.type === "heading_close" ? tokens[i + 2] : undefined;
    if (env.demoteHeadings) {
      const level = Math.min(Number(open.tag.slice(1)) + DEMOTE_BY, 6);
      open.tag = `h${level}`;
      if (close) close.tag = open.tag;
    }
    if (!env.anchorHeadings || !inline || inline.type !== "inline" || ++anchored > MAX_ANCHORED_HEADINGS) continue;
    inline.children ??= [];
    const slug = uniqueSlug(used, slugify(visibleText(inline.children)));
    open.attrSet("id", slug);

    const link = new state.Token("link_open", "a", 1);
    link.attrs = [["class", HEADING_ANCHOR_CLASS], ["href", `#${CLOBBER_PREFIX}${slug}`], ["aria-label", HEADING_ANCHOR_LABEL]];
    const hash = new state.Token("text", "", 0);
    hash.content = "#";
    const space = new state.Token("text", "", 0);
    space.content = " ";
    inline.children.push(space, link, hash, new state.Token("link_close", "a", -1));
  }
}

export function headingPlugin(md: MarkdownIt): void {
  md.core.ruler.push("heading_anchors", headingAnchors);
}
