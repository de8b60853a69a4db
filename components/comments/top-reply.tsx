"use client";

import { useState } from "react";
import type { CommentNode } from "@/lib/comments/tree";
import { CommentForm } from "./comment-form";
import { PostedList } from "./posted-list";
import { useThread } from "./thread-context";

/** The "Leave a reply" form under a review, and the comments just posted from it. */
export function TopReply() {
  const { opId } = useThread();
  const [posted, setPosted] = useState<CommentNode[]>([]);
  return (
    <>
      <CommentForm parentId={null} label="Your comment" onPosted={(c) => setPosted((list) => [c, ...list])} />
      <PostedList nodes={posted} opId={opId} />
    </>
  );
}
