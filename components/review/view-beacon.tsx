"use client";

import { useEffect } from "react";
import { viewsLabel } from "@/lib/count-labels";

/** Counts this reading (once per reader per day, decided by the server) and refreshes the shown count. */
export function ViewBeacon({ reviewId }: { reviewId: number }) {
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/views", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ postId: reviewId }),
      signal: controller.signal,
    })
      .then((r) => (r.ok ? (r.json() as Promise<{ views: number }>) : null))
      .then((res) => {
        if (!res) return;
        for (const el of document.querySelectorAll(`[data-views-for="${reviewId}"]`)) el.textContent = viewsLabel(res.views);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [reviewId]);
  return null;
}
