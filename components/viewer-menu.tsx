"use client";

import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";
import { forgetViewer, getServerViewer, getViewer, subscribeViewer } from "./viewer-store";

/**
 * The header's per-viewer corner. Shared pages are static for everyone; the signed-in name
 * comes from /api/viewer once the page has loaded. Without JavaScript it offers sign-in.
 */
export function ViewerMenu() {
  const viewer = useSyncExternalStore(subscribeViewer, getViewer, getServerViewer);
  const pathname = usePathname();

  if (!viewer) {
    const back = ["/signin", "/signup", "/"].includes(pathname) ? "" : `?callbackUrl=${encodeURIComponent(pathname)}`;
    return (
      <nav className="viewer" aria-label="Account">
        <a href={`/signin${back}`}>Sign in</a>
        <a href={`/signup${back}`} className="button button--small">
          Sign up
        </a>
      </nav>
    );
  }
  return (
    <nav className="viewer" aria-label="Account">
      <a href="/reviews/new" className="button button--small button--primary">
        Write a review
      </a>
      <a href="/drafts" className="viewer__drafts">
        My drafts
      </a>
      <a href={`/u/${viewer.username}`} className="viewer-name" data-testid="viewer-name" title="Your profile">
        <img src={viewer.avatar} alt="" width={28} height={28} className="avatar" />
        <span>{viewer.name}</span>
      </a>
      <form action="/api/signout" method="post" onSubmit={forgetViewer}>
        <button type="submit" className="link-button">
          Sign out
        </button>
      </form>
    </nav>
  );
}
