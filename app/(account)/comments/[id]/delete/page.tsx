import "@/components/comments/comments.css";
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { CommentView } from "@/components/comments/comment-view";
import { StatePage } from "@/components/state-page";
import { getCurrentUser } from "@/lib/auth/session";
import { commentIdParam } from "@/lib/comments/links";
import { readFormState } from "@/lib/forms/read-state";
import { loadOwnComment } from "../load-own";

export const metadata: Metadata = { title: "Delete comment", robots: { index: false } };
export const instant = false;

// The second, deliberate step before a comment is deleted.
export default async function DeleteCommentPage({ params }: PageProps<"/comments/[id]/delete">) {
  await connection();
  const id = commentIdParam((await params).id);
  const [user, state] = await Promise.all([getCurrentUser(), readFormState()]);
  if (!user && !state) redirect(`/signin?callbackUrl=${encodeURIComponent(`/comments/${id}/delete`)}`);
  const own = loadOwnComment(id, user);
  if (own.kind === "missing") notFound();
  if (own.kind === "deleted") {
    return (
      <StatePage code="410" title="This comment was already deleted" back={{ href: `/reviews/${own.comment.review.slug}#comments`, label: "Back to the discussion" }}>
        There is nothing left to delete.
      </StatePage>
    );
  }
  if (own.kind === "forbidden") {
    return (
      <StatePage code="403" title="This is not your comment" back={{ href: own.back, label: "Back to the comment" }}>
        Only its author, a moderator or an admin can delete it.
      </StatePage>
    );
  }
  const replies = own.comment.replyCount;
  return (
    <div className="reply-page">
      <p className="eyebrow">Delete a comment on</p>
      <h1>
        <Link href={`/reviews/${own.comment.review.slug}`}>{own.comment.review.title}</Link>
      </h1>
      {state?.message ? (
        <p className="form-message" role="alert" data-testid="form-message">
          {state.message}
        </p>
      ) : null}
      <div className="reply-page__parent">
        <CommentView node={{ ...own.node, children: [], continued: 0 }} opId={null} bare />
      </div>
      <form action={`/api/comments/${id}/delete`} method="post" className="danger-zone danger-zone--open">
        <p>
          {replies
            ? `It has ${replies === 1 ? "a reply, which stays" : `${replies} replies, which stay`}: the comment will show as “[deleted]” above ${replies === 1 ? "it" : "them"}.`
            : "It will disappear from the discussion."}{" "}
          This cannot be undone.
        </p>
        <button type="submit" className="button button--danger" data-testid="confirm-delete">
          Yes, delete this comment
        </button>{" "}
        <Link href={own.back} className="button">
          Keep it
        </Link>
      </form>
    </div>
  );
}
