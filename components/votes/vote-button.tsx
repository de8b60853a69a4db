"use client";

import { useState, type FormEvent } from "react";
import "./votes.css";
import Link from "@/components/link";
import type { FormState } from "@/lib/action-result";

const upvotes = (n: number) => (n === 1 ? "1 upvote" : `${n.toLocaleString("en-US")} upvotes`);

/**
 * Upvote and undo for a review or a comment. Which button shows comes from /viewer.css (your own
 * votes, your own items), so it is right without JavaScript too, where each is a plain form post
 * that comes back here. With JavaScript the count changes at once and rolls back, with the
 * server's reason, if the vote is refused. The count links to who upvoted.
 */
export function VoteButton({
  type,
  id,
  count,
  author,
  back,
  votersHref,
  size = "small",
}: {
  type: "review" | "comment";
  id: number;
  count: number;
  /** The author's username (lower case): /viewer.css turns the control into a note on their own items. */
  author: string | null;
  back: string;
  votersHref: string;
  size?: "small" | "large";
}) {
  const [local, setLocal] = useState<{ voted: boolean; count: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const shown = local?.count ?? count;
  const key = `${type === "review" ? "r" : "c"}${id}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const wants = submitter?.value === "up";
    const before = local;
    const base = local?.count ?? count;
    setLocal({ voted: wants, count: Math.max(0, base + (wants ? 1 : -1)) });
    setError(null);
    setPending(true);
    try {
      const body = new FormData(event.currentTarget, submitter);
      const res = await fetch("/api/votes", { method: "POST", body, headers: { accept: "application/json" } });
      const answer = (await res.json().catch(() => null)) as FormState | null;
      if (res.status === 401) {
        window.location.assign(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname + (type === "review" ? "#vote" : `#comment-${id}`))}`);
        return;
      }
      if (answer?.ok && answer.data) {
        setLocal({ voted: answer.data.voted as boolean, count: answer.data.count as number });
      } else {
        setLocal(before);
        setError(answer?.message ?? "Your vote was not counted. Please try again.");
      }
    } catch {
      setLocal(before);
      setError("Could not reach Marquee; your vote was not counted.");
    }
    setPending(false);
  }

  const what = type === "review" ? "review" : "comment";
  return (
    // A block (shown inline): it holds a form, which a span may not.
    <div className={`vote vote--${size}`} data-vote={key} data-author={author ?? undefined} data-local={local ? (local.voted ? "up" : "none") : undefined}>
      <form action="/api/votes" method="post" onSubmit={onSubmit} className="vote__form">
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="back" value={back} />
        <button type="submit" name="value" value="up" className="vote__button vote__up" disabled={pending} data-testid={`upvote-${key}`}>
          <span aria-hidden="true">▲</span> Upvote<span className="visually-hidden"> this {what}</span>
        </button>
        <button type="submit" name="value" value="none" className="vote__button vote__undo" aria-pressed="true" disabled={pending} data-testid={`undo-${key}`}>
          <span aria-hidden="true">▲</span> Upvoted<span className="visually-hidden"> (select to take your upvote back)</span>
        </button>
        <span className="vote__self" title={`You can't upvote your own ${what}.`}>
          <span aria-hidden="true">▲</span> Your {what}
        </span>
      </form>
      <Link href={votersHref} className="vote__count" data-testid={`count-${key}`}>
        {upvotes(shown)}
      </Link>
      {error ? (
        <span className="vote__error" role="alert" data-testid={`vote-error-${key}`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
