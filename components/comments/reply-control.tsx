"use client";

import { useState, useSyncExternalStore, type ReactNode } from "react";
import type { CommentNode } from "@/lib/comments/tree";
import { CommentForm } from "./comment-form";
import { PostedList } from "./posted-list";
import { useThread } from "./thread-context";

const subscribeHash = (cb: () => void) => {
  window.addEventListener("hashchange", cb);
  return () => window.removeEventListener("hashchange", cb);
};
const readHash = () => window.location.hash;
const noHash = () => "";

/**
 * A comment's action row. "Reply" is a link to the reply page; with JavaScript it opens the form
 * right here instead, and replies posted from it appear under the comment at once. `#reply-ID`
 * in the address (the way back from signing in) opens it too.
 */
export function ReplyControl({ commentId, authorName, lead, children }: { commentId: number; authorName: string; lead?: ReactNode; children?: ReactNode }) {
  const { opId } = useThread();
  const hash = useSyncExternalStore(subscribeHash, readHash, noHash);
  const [choice, setChoice] = useState<"auto" | "open" | "closed">("auto");
  const [posted, setPosted] = useState<CommentNode[]>([]);
  const open = choice === "open" || (choice === "auto" && hash === `#reply-${commentId}`);
  return (
    <>
      <div className="comment__actions">
        {lead}
        <a
          href={`/comments/${commentId}/reply`}
          aria-expanded={open}
          data-testid={`reply-${commentId}`}
          onClick={(e) => {
            e.preventDefault();
            setChoice(open ? "closed" : "open");
          }}
        >
          Reply
        </a>
        {children}
      </div>
      {open ? (
        <CommentForm
          parentId={commentId}
          label={`Reply to ${authorName}`}
          autoFocus
          onCancel={() => setChoice("closed")}
          onPosted={(c) => {
            setPosted((list) => [c, ...list]);
            setChoice("closed");
          }}
        />
      ) : null}
      <PostedList nodes={posted} opId={opId} />
    </>
  );
}
