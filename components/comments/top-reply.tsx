"use client";

import { CommentForm } from "./comment-form";
import { showPosted } from "./posted";

/** The "Leave a reply" form under a review; a comment posted from it appears at the top of the thread. */
export function TopReply({ threadId }: { threadId: string }) {
  return (
    <CommentForm
      parentId={null}
      label="Your comment"
      onPosted={(c) => {
        const thread = document.getElementById(threadId);
        if (thread) showPosted(c.html, c.id, thread, null);
      }}
    />
  );
}
