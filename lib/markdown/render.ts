// Marquee's one markdown pipeline. Reviews and comments are rendered once, at write time, and
// the stored HTML is served as is; every other surface takes `text`/`excerpt`, which never hold
// spoiler text. Pure: no Next.js, no I/O — runs under plain Vitest.
//
//   markdown-it (raw HTML off, link allow-list, spoilers, anchored headings, nesting caps)
//   → rehype-parse (fragment) → rehype-sanitize (tight allow-list, `user-content-` ids)
//   → harden (URL policy again, https-only images, rel on external links) → rehype-stringify
//
// Markup the stylesheet needs (app/globals.css):
//   <span class="spoiler" tabindex="0">…</span>   inline spoiler; tabindex makes it focusable, so
//       a tap (touch) or Tab reveals it with no JavaScript. No aria-label: on a role-less span
//       ARIA 1.2 prohibits it (axe: aria-prohibited-attr). Screen readers read the text.
//   <hN id="user-content-slug">Text <a class="heading-anchor" href="#user-content-slug"
//       aria-label="Link to this section">#</a></hN>    (bodies only; comments get plain <hN>)
//   <th|td class="align-left|align-center|align-right">   table column alignment
//   <pre><code class="language-xyz">                      fenced code with an info string
//   <a href="http(s)://…" rel="nofollow ugc noopener">    external links (no target)
//   <img src="https://…" alt="…" loading="lazy">          the only images that survive
// Suggested CSS (the cover must not be currentColor: the hidden state makes color transparent):
//   .spoiler { background: var(--spoiler-cover, #3a3a3a); border-radius: .2em; cursor: pointer;
//              transition: color .15s, background-color .15s; }
//   .spoiler:not(:hover, :focus, :focus-within) { color: transparent; }
//   .spoiler:not(:hover, :focus, :focus-within) * { color: transparent; border-color: transparent;
//              background: transparent; pointer-events: none; }  /* links and code inside; the
//              first tap reveals instead of following a hidden link */
//   .spoiler:not(:hover, :focus, :focus-within) img { opacity: 0; }
//   .spoiler:is(:hover, :focus, :focus-within) { background: var(--spoiler-revealed, rgb(127 127 127 / .15)); }
//   .spoiler:focus-visible { outline: 2px solid var(--focus-ring, Highlight); outline-offset: 1px; }
//   .heading-anchor { margin-inline-start: .3em; color: inherit; text-decoration: none; opacity: 0; }
//   :is(h1,h2,h3,h4,h5,h6):hover > .heading-anchor, .heading-anchor:focus-visible { opacity: .6; }
//   @media (hover: none) { .heading-anchor { opacity: .4; } }
//   [id^="user-content-"] { scroll-margin-top: 4rem; }
//   .align-left { text-align: left } .align-center { text-align: center } .align-right { text-align: right }
import rehypeParse from "rehype-parse";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import type { Root } from "hast";
import type { HeadingEnv } from "./headings";
import { harden } from "./hast";
import { spoilerFreeText } from "./spoiler-safe";
import { MAX_BODY_CHARS } from "./limits";
import type { MentionEnv } from "./mentions";
import { createParser } from "./parser";
import { sanitizeSchema } from "./schema";
import { countWords, readingMinutes } from "./stats";
import { trimEndWhere } from "./trim";

/** Bump when the output for some input changes, so stored HTML can be re-rendered. */
export const RENDERER_VERSION = 2;
export const EXCERPT_CHARS = 280;

export interface RenderOptions {
  /** Comments: h1→h3, h2→h4, … capped at h6, so a comment never outranks the review. */
  demoteHeadings?: boolean;
  /**
   * Heading ids and `#` anchor links. Default: on, except with demoteHeadings — comments share a
   * page with the review and each other, and ids rendered one text at a time would collide.
   */
  anchorHeadings?: boolean;
  /** Lower-cased name → username of the members who exist; their `@name` becomes a profile link. */
  mentions?: ReadonlyMap<string, string>;
}

export interface RenderedMarkdown {
  html: string;
  /** Plain text, spoilers replaced by "[spoiler]", heading anchors dropped. */
  text: string;
  /** About EXCERPT_CHARS of `text` on one line, cut at a word with "…". */
  excerpt: string;
  /** countWords(src): the same number the editor shows live (spoilers and code included). */
  words: number;
  readingMinutes: number;
  hasSpoilers: boolean;
  /** Lower-cased names whose mention became a link. */
  mentioned: string[];
}

const md = createParser();
const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify);

export function renderMarkdown(src: string, opts: RenderOptions = {}): RenderedMarkdown {
  if (src.length > MAX_BODY_CHARS) {
    throw new RangeError(`Markdown is ${src.length} characters; the limit is ${MAX_BODY_CHARS}.`);
  }
  const demoteHeadings = opts.demoteHeadings === true;
  const env: HeadingEnv & MentionEnv = {
    demoteHeadings,
    anchorHeadings: opts.anchorHeadings ?? !demoteHeadings,
    mentions: opts.mentions,
    mentioned: new Set(),
  };
  const tree = processor.runSync(processor.parse(md.render(src, env))) as Root;
  const { spoilers } = harden(tree);
  const text = spoilerFreeText(tree);
  const words = countWords(src);
  return {
    html: processor.stringify(tree),
    text,
    excerpt: excerptOf(text),
    words,
    readingMinutes: readingMinutes(words),
    hasSpoilers: spoilers > 0,
    mentioned: [...env.mentioned!],
  };
}

/** A spoiler-free excerpt of HTML this renderer stored (for surfaces that show a comment's words). */
export function excerptOfHtml(html: string, max = EXCERPT_CHARS): string {
  return excerptOf(spoilerFreeText(processor.parse(html) as Root), max);
}

/** First EXCERPT_CHARS characters of `text` on one line, cut at a word boundary, with "…". */
export function excerptOf(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  let cut = flat.lastIndexOf(" ", max);
  if (cut < max / 2) cut = max; // one very long "word": cut inside it
  if (/[\uD800-\uDBFF]/.test(flat.charAt(cut - 1))) cut -= 1; // never split a surrogate pair
  return `${trimEndWhere(flat.slice(0, cut), (ch) => /[\s,;:.\-–—]/u.test(ch))}…`;
}
