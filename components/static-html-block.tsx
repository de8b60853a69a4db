"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { takeHtml } from "@/lib/html-handoff";
import { followInSite } from "./linked-html";

/** Tells the page's scripts that a block of server HTML was put in, to mark the viewer's own items in it. */
export const CONTENT_EVENT = "marquee:content";

/**
 * The browser side of components/static-html.tsx. Hydrating, React keeps the server's HTML as it
 * is (it does not compare inner HTML). Rendered in the browser instead (a move within the site,
 * or the block changed), it fetches `src`, which the server answers from its cache, and takes the
 * block from there.
 */
export function StaticHtmlBlock({ k, id, className, src, testId }: { k: string; id: string; className?: string; src: string; testId?: string }) {
  const html = typeof window === "undefined" && k ? (takeHtml(k) ?? "") : "";
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (shown.current === null && (el.hasChildNodes() || !k)) {
      shown.current = k;
      return;
    }
    if (shown.current === k) return;
    shown.current = k;
    if (!k) {
      el.replaceChildren();
      return;
    }
    let live = true;
    fetch(src, { headers: { accept: "text/html" } })
      .then((r) => r.text())
      .then((page) => {
        const block = new DOMParser().parseFromString(page, "text/html").getElementById(id);
        if (!live || !block) return;
        el.replaceChildren(...block.childNodes);
        el.dispatchEvent(new CustomEvent(CONTENT_EVENT, { bubbles: true }));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [k, id, src]);
  return <div ref={ref} id={id} onClick={(e) => followInSite(e, router)} className={className} data-block={k || undefined} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} suppressHydrationWarning />;
}
