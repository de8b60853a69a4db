import "@/components/comments/comments.css";
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { CommentEditForm } from "@/components/comments/comment-edit-form";
import { StatePage } from "@/components/state-page";
import { getCurrentUser } from "@/lib/auth/session";
import { commentIdParam } from "@/lib/comments/links";
import { readFormState } from "@/lib/forms/read-state";
import { loadOwnComment } from "../load-own";

export const metadata: Metadata = { title: "Edit comment", robots: { index: false } };
export const instant = false;

export default async function EditCommentPage({ params }: PageProps<"/comments/[id]/edit">) {
  await connection();
  const id = commentIdParam((await params).id);
  const [user, state] = await Promise.all([getCurrentUser(), readFormState()]);
  if (!user && !state) redirect(`/signin?callbackUrl=${encodeURIComponent(`/comments/${id}/edit`)}`);
  const own = loadOwnComment(id, user);
  if (own.kind === "missing") notFound();
  if (own.kind === "deleted") {
    return (
      <StatePage code="410" title="This comment was deleted" back={{ href: `/reviews/${own.comment.review.slug}#comments`, label: "Back to the discussion" }}>
        A deleted comment cannot be edited.
      </StatePage>
    );
  }
  if (own.kind === "forbidden") {
    return (
      <StatePage code="403" title="This is not your comment" back={{ href: own.back, label: "Back to the comment" }}>
        Only its author, a moderator or an admin can edit it.
      </StatePage>
    );
  }
  return (
    <div className="reply-page">
      <p className="eyebrow">Editing a comment on</p>
      <h1>
        <Link href={`/reviews/${own.comment.review.slug}`}>{own.comment.review.title}</Link>
      </h1>
      <p className="muted">
        Small fixes within five minutes amend the current version; other edits mark the comment “(edited)” and are kept in its{" "}
        <Link href={`/comments/${id}/revisions`}>history</Link>.
      </p>
      <CommentEditForm id={id} body={own.comment.bodyMd} initial={state} cancelHref={own.back} />
      <p className="danger-link">
        <Link href={`/comments/${id}/delete`}>Delete this comment…</Link>
      </p>
    </div>
  );
}
