"use client";

import { useEffect } from "react";
import type { CommentNode } from "@/lib/comments/tree";
import { CommentList } from "./comment-view";

/** Comments just posted from a form on this page, newest first; the newest is scrolled to and highlighted. */
export function PostedList({ nodes, opId }: { nodes: CommentNode[]; opId: string | null }) {
  const newest = nodes[0]?.id;
  useEffect(() => {
    // Set once the comment is in the page, so that it becomes the :target.
    if (newest) window.location.hash = `comment-${newest}`;
  }, [newest]);
  return nodes.length ? <CommentList nodes={nodes} opId={opId} /> : null;
}
