"use client";

import Link from "@/components/link";
import { useSyncExternalStore } from "react";
import { getServerViewer, getViewer, subscribeViewer } from "../viewer-store";

/** Edit and delete, shown to the author and to moderators and admins once the viewer is known. */
export function ReviewActions({ slug, authorUsername }: { slug: string; authorUsername: string | null }) {
  const viewer = useSyncExternalStore(subscribeViewer, getViewer, getServerViewer);
  if (!viewer) return null;
  const mine = authorUsername !== null && viewer.username.toLowerCase() === authorUsername.toLowerCase();
  if (!mine && viewer.role !== "moderator" && viewer.role !== "admin") return null;
  return (
    <p className="review-actions">
      <Link href={`/reviews/${slug}/edit`} className="button button--small">
        Edit review
      </Link>
    </p>
  );
}
