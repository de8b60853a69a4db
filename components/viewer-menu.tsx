"use client";

import { useEffect, useState } from "react";

type Viewer = { username: string; name: string; role: string; avatar: string } | null;

const KEY = "marquee:viewer";

/**
 * The header's per-viewer corner. Shared pages are static for everyone; the signed-in name
 * comes from /api/viewer once the page has loaded. Without JavaScript it offers sign-in.
 */
export function ViewerMenu() {
  const [viewer, setViewer] = useState<Viewer | undefined>(undefined);

  useEffect(() => {
    const remembered = sessionStorage.getItem(KEY);
    if (remembered) setViewer(JSON.parse(remembered) as Viewer);
    let cancelled = false;
    fetch("/api/viewer", { cache: "no-store", headers: { accept: "application/json" } })
      .then((r) => r.json() as Promise<{ user: Viewer }>)
      .then(({ user }) => {
        if (cancelled) return;
        setViewer(user);
        if (user) sessionStorage.setItem(KEY, JSON.stringify(user));
        else sessionStorage.removeItem(KEY);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  if (!viewer) {
    return (
      <nav className="viewer" aria-label="Account">
        <SignInLinks />
      </nav>
    );
  }
  return (
    <nav className="viewer" aria-label="Account">
      <span className="viewer-name" data-testid="viewer-name">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={viewer.avatar} alt="" width={28} height={28} className="avatar" />
        <span>{viewer.name}</span>
      </span>
      <form
        action="/api/signout"
        method="post"
        onSubmit={() => sessionStorage.removeItem(KEY)}
      >
        <button type="submit" className="link-button">
          Sign out
        </button>
      </form>
    </nav>
  );
}

function SignInLinks() {
  const [callback, setCallback] = useState("");
  useEffect(() => {
    const here = window.location.pathname + window.location.search;
    if (!["/signin", "/signup"].includes(window.location.pathname)) setCallback(`?callbackUrl=${encodeURIComponent(here)}`);
  }, []);
  return (
    <>
      <a href={`/signin${callback}`}>Sign in</a>
      <a href={`/signup${callback}`} className="button button--small">
        Sign up
      </a>
    </>
  );
}
