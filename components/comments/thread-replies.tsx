"use client";

import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { CommentForm } from "./comment-form";
import { showPosted } from "./posted";

type Open = { id: number; slot: HTMLElement; author: string };

/** The place for a comment's reply form: right under its actions, made once. */
function slotFor(id: number): Open | null {
  const comment = document.getElementById(`comment-${id}`);
  const actions = comment?.querySelector(":scope > .comment__actions");
  if (!comment || !actions) return null;
  let slot = comment.querySelector<HTMLElement>(":scope > .comment__reply");
  if (!slot) {
    slot = document.createElement("div");
    slot.className = "comment__reply";
    actions.after(slot);
  }
  const author = comment.querySelector(":scope > .comment__meta .comment__author")?.textContent ?? "this comment";
  return { id, slot, author };
}

const replyLink = (id: number) => document.querySelector<HTMLAnchorElement>(`#comment-${id} > .comment__actions > a[data-reply]`);
/** The comment a "Reply" link belongs to. */
const commentOf = (link: Element) => Number(link.closest("article.comment")?.id.replace("comment-", ""));

/**
 * "Reply" under each comment of a thread is a link to the reply page; with JavaScript it opens
 * the form right there instead, and a reply posted from it appears under the comment at once.
 * `#reply-ID` in the address (the way back from signing in) opens it too. One listener for the
 * whole thread, which is plain HTML from the server.
 */
export function ThreadReplies() {
  const [open, setOpen] = useState<Open[]>([]);

  useEffect(() => {
    const toggle = (id: number, want?: boolean) =>
      setOpen((list) => {
        const isOpen = list.some((o) => o.id === id);
        if (want ?? !isOpen) {
          if (isOpen) return list;
          const found = slotFor(id);
          return found ? [...list, found] : list;
        }
        return list.filter((o) => o.id !== id);
      });
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>("a[data-reply]") : null;
      if (!link) return;
      e.preventDefault();
      const id = commentOf(link);
      if (id) toggle(id);
    };
    const fromHash = () => {
      const m = /^#reply-(\d+)$/.exec(window.location.hash);
      if (m) toggle(Number(m[1]), true);
    };
    fromHash();
    document.addEventListener("click", onClick);
    window.addEventListener("hashchange", fromHash);
    return () => {
      document.removeEventListener("click", onClick);
      window.removeEventListener("hashchange", fromHash);
    };
  }, []);

  useEffect(() => {
    for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-reply]")) {
      const id = commentOf(link);
      link.setAttribute("aria-expanded", String(open.some((o) => o.id === id)));
    }
  }, [open]);

  const close = (id: number) => {
    setOpen((list) => list.filter((o) => o.id !== id));
    replyLink(id)?.focus();
  };

  return open.map((o) =>
    createPortal(
      <CommentForm
        parentId={o.id}
        label={
          <>
            Reply to <bdi>{o.author}</bdi>
          </>
        }
        autoFocus
        onCancel={() => close(o.id)}
        onPosted={(c) => {
          setOpen((list) => list.filter((x) => x.id !== o.id));
          const comment = document.getElementById(`comment-${o.id}`);
          if (comment) showPosted(c.html, c.id, comment, o.slot);
        }}
      />,
      o.slot,
      `reply-${o.id}`,
    ),
  );
}
