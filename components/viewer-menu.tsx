"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { forgetViewer, getServerViewer, getViewer, refreshViewer, subscribeViewer } from "./viewer-store";

/**
 * The header's per-viewer corner. Shared pages are static for everyone; the signed-in name
 * comes from /api/viewer once the page has loaded. Without JavaScript it offers sign-in.
 */
export function ViewerMenu() {
  const viewer = useSyncExternalStore(subscribeViewer, getViewer, getServerViewer);
  const pathname = usePathname();
  // Moving to another page asks again: notices may have arrived or been read meanwhile.
  const seen = useRef(pathname);
  useEffect(() => {
    if (seen.current === pathname) return;
    seen.current = pathname;
    refreshViewer();
  }, [pathname]);

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
      <a
        href="/notifications"
        className={viewer.unread ? "viewer__bell viewer__bell--unread" : "viewer__bell"}
        data-testid="notifications-link"
        title={viewer.unread ? `Notifications: ${viewer.unread} unread` : "Notifications"}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15a2.5 2.5 0 0 0 5 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.7"
            strokeLinejoin="round"
          />
        </svg>
        <span className="visually-hidden">Notifications</span>
        {viewer.unread ? (
          <span className="viewer__unread" data-testid="unread-count">
            {viewer.unread > 99 ? "99+" : viewer.unread}
            <span className="visually-hidden"> unread</span>
          </span>
        ) : null}
      </a>
      <a href="/settings" className="viewer__settings">
        Settings
      </a>
      <a href={`/u/${viewer.username}`} className="viewer-name" data-testid="viewer-name" title="Your profile">
        <img src={viewer.avatar} alt="" width={28} height={28} className="avatar" />
        <span dir="auto">{viewer.name}</span>
      </a>
      <form action="/api/signout" method="post" onSubmit={forgetViewer}>
        <button type="submit" className="link-button">
          Sign out
        </button>
      </form>
    </nav>
  );
}
