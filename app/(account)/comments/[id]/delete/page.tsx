import "@/components/comments/comments.css";
import type { Metadata } from "next";
import Link from "@/components/link";
import { QuotedComment } from "@/components/comments/quoted-comment";
import { commentIdParam } from "@/lib/comments/links";
import { loadOwnComment } from "../own-comment";

export const metadata: Metadata = { title: "Delete comment", robots: { index: false } };
export const instant = false;

// The second, deliberate step before a comment is deleted.
export default async function DeleteCommentPage({ params }: PageProps<"/comments/[id]/delete">) {
  const id = commentIdParam((await params).id);
  const own = await loadOwnComment(id, "delete");
  if ("page" in own) return own.page;
  const state = own.state;
  const replies = own.comment.replyCount;
  return (
    <div className="reply-page">
      <p className="eyebrow">Delete a comment on</p>
      <h1>
        <Link href={`/reviews/${own.comment.review.slug}`}>
          <bdi>{own.comment.review.title}</bdi>
        </Link>
      </h1>
      {state?.message ? (
        <p className="form-message" role="alert" data-testid="form-message">
          {state.message}
        </p>
      ) : null}
      <QuotedComment comment={own.node} opId={null} />
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
