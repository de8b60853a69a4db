"use client";

import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";

/** Addresses of the site's pages (not its API, avatars or build files). */
const isPage = (path: string) => !/^\/(?:api|avatar|_next)(?:\/|$)/.test(path);

/**
 * A click on a link in HTML the server assembled moves within the site like a click on any other
 * link: without a full page load. A new tab, a download, another site, an anchor on this page and
 * a reply link (which opens a form in place) are left to the browser and their own scripts.
 */
export function followInSite(e: MouseEvent, router: { push: (href: string) => void }) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element).closest("a");
  if (!a || a.target || a.hasAttribute("download") || a.hasAttribute("data-reply")) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !isPage(url.pathname)) return;
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
  e.preventDefault();
  router.push(url.pathname + url.search + url.hash);
}

/** A small piece of server HTML (a byline, a score and tags) whose links move within the site. */
export function LinkedHtml({ html, className }: { html: string; className?: string }) {
  const router = useRouter();
  return <div className={className} onClick={(e) => followInSite(e, router)} dangerouslySetInnerHTML={{ __html: html }} />;
}
