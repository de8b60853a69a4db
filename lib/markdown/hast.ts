// Steps on the sanitized tree: hardening that needs our own URL policy. (Plain text without
// spoilers, for excerpts and notices, is lib/markdown/spoiler-safe.ts.)
import type { Element, ElementContent, Root, RootContent, Text } from "hast";
import { HEADING_ANCHOR_CLASS } from "./headings";
import { SPOILER_CLASS } from "./schema";
import { isAllowedHref, isAllowedImageSrc, isExternalHref } from "./url";

const EXTERNAL_REL = ["nofollow", "ugc", "noopener"];

function hasClass(node: Element, name: string): boolean {
  const c = node.properties.className;
  return Array.isArray(c) && c.includes(name);
}

export const isSpoiler = (node: Element): boolean => node.tagName === "span" && hasClass(node, SPOILER_CLASS);
export const isHeadingAnchor = (node: Element): boolean => node.tagName === "a" && hasClass(node, HEADING_ANCHOR_CLASS);

export function text(value: string): Text {
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
