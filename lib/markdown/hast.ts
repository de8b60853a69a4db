// Steps on the sanitized tree: hardening that needs our own URL policy, and plain text for every
// surface that must never show a spoiler (excerpts, meta tags, feeds, notifications, search).
import type { Element, ElementContent, Root, RootContent, Text } from "hast";
import { toText } from "hast-util-to-text";
import { HEADING_ANCHOR_CLASS } from "./headings";
import { SPOILER_CLASS } from "./schema";
import { trimLineEdges } from "./trim";
import { isAllowedHref, isAllowedImageSrc, isExternalHref } from "./url";

export const EXTERNAL_REL = ["nofollow", "ugc", "noopener"];
export const SPOILER_PLACEHOLDER = "[spoiler]";

function hasClass(node: Element, name: string): boolean {
  const c = node.properties.className;
  return Array.isArray(c) && c.includes(name);
}

export const isSpoiler = (node: Element): boolean => node.tagName === "span" && hasClass(node, SPOILER_CLASS);
const isHeadingAnchor = (node: Element): boolean => node.tagName === "a" && hasClass(node, HEADING_ANCHOR_CLASS);

function text(value: string): Text {
  return { type: "text", value };
}

/**
 * Re-check every URL with our own policy (the sanitizer lets relative image paths through, and
 * knows nothing of backslashes or invisibles), drop images that aren't https in favour of their
 * alt text, and mark external links nofollow/ugc. Returns the number of spoilers seen.
 */
export function harden(root: Root): { spoilers: number } {
  let spoilers = 0;
  const visit = (children: (RootContent | ElementContent)[]): void => {
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (node.type !== "element") continue;
      // A class the sanitizer emptied (say, `language-<junk>`) would print as class="".
      const className = node.properties.className;
      if (Array.isArray(className) && className.length === 0) delete node.properties.className;
      if (node.tagName === "img") {
        const src = node.properties.src;
        if (typeof src === "string" && isAllowedImageSrc(src)) {
          node.properties.loading = "lazy";
        } else {
          const alt = node.properties.alt;
          children[i] = text(typeof alt === "string" ? alt : "");
        }
        continue;
      }
      if (node.tagName === "a") {
        const href = node.properties.href;
        if (typeof href !== "string" || !isAllowedHref(href)) delete node.properties.href;
        else if (isExternalHref(href)) node.properties.rel = [...EXTERNAL_REL];
      }
      if (isSpoiler(node)) spoilers++;
      visit(node.children);
    }
  };
  visit(root.children);
  return { spoilers };
}

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

/** Plain text (block boundaries become line breaks) with no spoiler text in it. */
export function spoilerFreeText(root: Root): string {
  const copy: Root = { type: "root", children: withoutSpoilers(root.children) };
  // Spaces around line breaks (from `<br>\n`) go; so does code indentation, which no surface needs.
  return trimLineEdges(toText(copy))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
