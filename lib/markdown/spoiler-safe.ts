// Spoiler-safe text: the one home of what a surface outside a review's own folded page may show.
// Excerpts, review cards, meta descriptions, notices and revision diffs ask here; a spoiler is
// either inline (`>!…!<`, rendered as <span class="spoiler">) or a whole review flagged by its author.
import type { ElementContent, Root, RootContent } from "hast";
import { toText } from "hast-util-to-text";
import { isHeadingAnchor, isSpoiler, text } from "./hast";
import { trimLineEdges } from "./trim";

/** What stands in plain text where an inline spoiler was. */
export const SPOILER_PLACEHOLDER = "[spoiler]";

/** How an inline spoiler opens in Markdown (lib/markdown/spoilers.ts parses it). */
const INLINE_SPOILER_OPENER = ">!";

/** A copy of the content with spoilers replaced by a placeholder and heading anchors removed. */
function withoutSpoilers<T extends RootContent | ElementContent>(nodes: T[]): T[] {
  const out: T[] = [];
  for (const node of nodes) {
    if (node.type !== "element") out.push(node);
    else if (isSpoiler(node)) out.push(text(SPOILER_PLACEHOLDER) as T);
    else if (!isHeadingAnchor(node)) out.push({ ...node, children: withoutSpoilers(node.children) });
  }
  return out;
}

/** Plain text of a rendered tree (block boundaries become line breaks) with no spoiler text in it. */
export function spoilerFreeText(root: Root): string {
  const copy: Root = { type: "root", children: withoutSpoilers(root.children) };
  // Spaces around line breaks (from `<br>\n`) go; so does code indentation, which no surface needs.
  return trimLineEdges(toText(copy))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Whether Markdown may hold an inline spoiler: a diff of it (whose pieces are raw words) stays folded. */
export const mayHoldInlineSpoiler = (markdown: string): boolean => markdown.includes(INLINE_SPOILER_OPENER);

/** A review's excerpt where lists show it: none at all when its author flagged the whole review. */
export const listedExcerpt = (review: { hasSpoilers: boolean; excerpt: string }): string => (review.hasSpoilers ? "" : review.excerpt);

/** A review page's meta description: its excerpt, or only the film when the review is flagged. */
export const reviewDescription = (review: { hasSpoilers: boolean; excerpt: string; film: { title: string } }): string =>
  review.hasSpoilers ? `A review of ${review.film.title} (contains spoilers).` : review.excerpt;
