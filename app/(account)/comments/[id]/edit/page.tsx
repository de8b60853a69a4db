import "@/components/comments/comments.css";
import type { Metadata } from "next";
import Link from "@/components/link";
import { CommentEditForm } from "@/components/comments/comment-edit-form";
import { commentIdParam } from "@/lib/comments/links";
import { loadOwnComment } from "../own-comment";

export const metadata: Metadata = { title: "Edit comment", robots: { index: false } };
export const instant = false;

export default async function EditCommentPage({ params }: PageProps<"/comments/[id]/edit">) {
  const id = commentIdParam((await params).id);
  const own = await loadOwnComment(id, "edit");
  if ("page" in own) return own.page;
  return (
    <div className="reply-page">
      <p className="eyebrow">Editing a comment on</p>
      <h1>
        <Link href={`/reviews/${own.comment.review.slug}`}>
          <bdi>{own.comment.review.title}</bdi>
        </Link>
      </h1>
      <p className="muted">
        Small fixes within five minutes amend the current version; other edits mark the comment “(edited)” and are kept in its{" "}
        <Link href={`/comments/${id}/revisions`}>history</Link>.
      </p>
      <CommentEditForm id={id} body={own.comment.bodyMd} initial={own.state} cancelHref={own.back} />
      <p className="danger-link">
        <Link href={`/comments/${id}/delete`}>Delete this comment…</Link>
      </p>
    </div>
  );
}
