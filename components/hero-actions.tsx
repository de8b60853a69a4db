"use client";

import Link from "@/components/link";
import { useSyncExternalStore } from "react";
import { getServerViewer, getViewer, subscribeViewer } from "./viewer-store";

/** "Join" and "Sign in" for readers without an account; hidden once the viewer is known to be signed in. */
export function HeroActions() {
  const viewer = useSyncExternalStore(subscribeViewer, getViewer, getServerViewer);
  if (viewer) return null;
  return (
    <p className="hero__actions">
      <Link href="/signup" className="button button--primary">
        Join Marquee
      </Link>
      <Link href="/signin" className="button">
        Sign in
      </Link>
    </p>
  );
}
