"use client";

import { useEffect, useSyncExternalStore } from "react";
import "./votes/votes.css";
import type { FormState } from "@/lib/action-result";
import { parseVoteKey } from "@/lib/votes/key";
import { CONTENT_EVENT } from "./static-html-block";
import { getServerViewer, getServerVotes, getViewer, getVotes, getVotesAsked, subscribeViewer, type Viewer } from "./viewer-store";
import { upvotesLabel } from "@/lib/count-labels";

// Shared pages are the same for every reader. This script marks what is the viewer's own on them,
// from the one /api/viewer answer: their upvotes, their own reviews and comments (no upvote on
// those; edit and delete on their comments, and on every comment for moderators), and no sign-in
// fields once signed in. It also counts an upvote at once. Without JavaScript the page stays as
// every reader sees it, and each vote is a plain form post that comes back.


type Cast = { voted: boolean; count: number; at: number };
/**
 * Votes cast on this page since it loaded: the one on its way (at: Infinity) and the server's
 * answers (at: when they came). /api/viewer's answer may have been asked before a vote and arrive
 * after it, so a vote gives way only to an answer asked after the server had answered the vote.
 */
const cast = new Map<string, Cast>();
const pending = new Set<string>();

type VoteState = "own" | "up" | "none";

function showVote(el: HTMLElement, state: VoteState) {
  const key = el.dataset.vote!;
  const what = parseVoteKey(key)?.type ?? "comment";
  const form = el.querySelector<HTMLFormElement>("form");
  const button = form?.querySelector<HTMLButtonElement>("button");
  if (!form || !button) return;
  let self = el.querySelector<HTMLElement>(".vote__self");
  form.hidden = state === "own";
  if (state === "own" && !self) {
    self = document.createElement("span");
    self.className = "vote__self";
    self.title = `You can't upvote your own ${what}.`;
    self.textContent = `▲ Your ${what}`;
    form.after(self);
  } else if (state !== "own") self?.remove();
  const up = state === "up";
  if (button.value === (up ? "none" : "up")) return;
  button.value = up ? "none" : "up";
  button.dataset.testid = `${up ? "undo" : "upvote"}-${key}`;
  button.classList.toggle("vote__button--on", up);
  if (up) button.setAttribute("aria-pressed", "true");
  else button.removeAttribute("aria-pressed");
  button.textContent = up ? "▲ Upvoted" : "▲ Upvote";
  button.setAttribute("aria-label", up ? "Upvoted (select to take your upvote back)" : `Upvote this ${what}`);
}

function showCount(el: HTMLElement, count: number) {
  const link = el.querySelector(".vote__count");
  if (link) link.textContent = upvotesLabel(count);
}

function showOwnLinks(comment: HTMLElement, show: boolean) {
  const actions = comment.querySelector(":scope > .comment__actions");
  if (!actions) return;
  const links = actions.querySelector(":scope > .own-links");
  if (!show) return links?.remove();
  if (links) return;
  const id = comment.id.replace("comment-", "");
  const span = document.createElement("span");
  span.className = "own-links";
  for (const [label, path] of [["Edit", "edit"], ["Delete", "delete"]] as const) {
    const a = document.createElement("a");
    a.href = `/comments/${id}/${path}`;
    a.textContent = label;
    span.append(a);
  }
  actions.append(span);
}

/** Marks the viewer's own items and votes everywhere on the page. */
function apply(viewer: Viewer | undefined, votes: ReadonlySet<string>) {
  const me = viewer?.username.toLowerCase() ?? null;
  const staff = viewer?.role === "moderator" || viewer?.role === "admin";
  document.documentElement.classList.toggle("signed-in", !!viewer);
  for (const el of document.querySelectorAll<HTMLElement>(".vote[data-vote]")) {
    const key = el.dataset.vote!;
    const mine = cast.get(key);
    // A comment's author is named on the comment; the review's on its control.
    const author = el.dataset.author ?? el.closest<HTMLElement>("article.comment")?.dataset.author;
    showVote(el, me !== null && author === me ? "own" : (mine?.voted ?? votes.has(key)) ? "up" : "none");
    if (mine) showCount(el, mine.count);
  }
  for (const c of document.querySelectorAll<HTMLElement>("article.comment")) {
    showOwnLinks(c, !!viewer && (staff || (me !== null && c.dataset.author === me)));
  }
}

function showError(el: HTMLElement, key: string, message: string | null) {
  el.querySelector(".vote__error")?.remove();
  if (!message) return;
  const span = document.createElement("span");
  span.className = "vote__error";
  span.setAttribute("role", "alert");
  span.dataset.testid = `vote-error-${key}`;
  span.textContent = message;
  el.append(span);
}

/** An upvote or its undo, counted at once and rolled back, with the server's reason, if refused. */
async function vote(event: SubmitEvent) {
  const form = event.target instanceof HTMLFormElement && event.target.matches(".vote[data-vote] > form") ? event.target : null;
  const el = form?.closest<HTMLElement>(".vote[data-vote]");
  if (!form || !el) return;
  event.preventDefault();
  const key = el.dataset.vote!;
  if (pending.has(key)) return;
  const button = form.querySelector("button")!;
  const wants = button.value === "up";
  const countText = el.querySelector(".vote__count")?.textContent ?? "0";
  const prior = cast.get(key);
  const before = prior ?? { voted: !wants, count: Number(countText.replace(/\D/g, "")) || 0 };
  const render = (v: { voted: boolean; count: number }) => {
    showVote(el, v.voted ? "up" : "none");
    showCount(el, v.count);
  };
  const settle = (v: Cast | undefined) => {
    if (v) cast.set(key, v);
    else cast.delete(key);
    render(v ?? before);
  };
  settle({ voted: wants, count: Math.max(0, before.count + (wants ? 1 : -1)), at: Infinity });
  showError(el, key, null);
  pending.add(key);
  button.disabled = true;
  try {
    const body = new FormData(form);
    body.set("value", wants ? "up" : "none");
    const res = await fetch("/api/votes", { method: "POST", body, headers: { accept: "application/json" } });
    if (res.status === 401) {
      const item = parseVoteKey(key);
      const anchor = item?.type === "review" ? "#vote" : `#comment-${item?.id}`;
      window.location.assign(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname + anchor)}`);
      return;
    }
    const answer = (await res.json().catch(() => null)) as FormState | null;
    if (answer?.ok && answer.data) {
      settle({ voted: answer.data.voted as boolean, count: answer.data.count as number, at: performance.now() });
    } else {
      settle(prior);
      showError(el, key, answer?.message ?? "Your vote was not counted. Please try again.");
    }
  } catch {
    settle(prior);
    showError(el, key, "Could not reach Marquee; your vote was not counted.");
  } finally {
    pending.delete(key);
    button.disabled = false;
  }
}

/** Mounted once, in the root layout. Renders nothing. */
export function ViewerBits() {
  const viewer = useSyncExternalStore(subscribeViewer, getViewer, getServerViewer);
  const votes = useSyncExternalStore(subscribeViewer, getVotes, getServerVotes);
  useEffect(() => {
    // The answer holds every vote the server had answered before it was asked.
    const asked = getVotesAsked();
    for (const [key, v] of cast) if (v.at < asked) cast.delete(key);
    const again = () => apply(viewer, votes);
    again();
    document.addEventListener(CONTENT_EVENT, again);
    return () => document.removeEventListener(CONTENT_EVENT, again);
  }, [viewer, votes]);
  useEffect(() => {
    const onSubmit = (e: SubmitEvent) => void vote(e);
    document.addEventListener("submit", onSubmit);
    return () => document.removeEventListener("submit", onSubmit);
  }, []);
  return null;
}
