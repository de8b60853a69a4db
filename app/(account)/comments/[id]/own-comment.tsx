import "server-only";
import type { ReactNode } from "react";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { StatePage } from "@/components/state-page";
import { getDb } from "@/db";
import type { FormState } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { commentHref } from "@/lib/comments/links";
import { getCommentForEdit, getThreadComment } from "@/lib/comments/queries";
import { readFormState } from "@/lib/forms/read-state";
import { canEditPost } from "@/lib/permissions";

/**
 * The start of the edit and delete pages: the comment, if the viewer may change it, and the
 * refused post being shown again (if any); otherwise the page to show instead (sign in first,
 * 404, "deleted", "not yours").
 */
export async function loadOwnComment(id: number, verb: "edit" | "delete") {
  await connection();
  const [user, state] = await Promise.all([getCurrentUser(), readFormState()]);
  if (!user && !state) redirect(`/signin?callbackUrl=${encodeURIComponent(`/comments/${id}/${verb}`)}`);
  const db = getDb();
  const comment = id ? getCommentForEdit(db, id) : null;
  if (!comment || comment.review.status !== "published") notFound();
  const discussion = { href: `/reviews/${comment.review.slug}#comments`, label: "Back to the discussion" };
  if (comment.deletedAt) {
    return {
      page: (
        <StatePage code="410" title="This comment was deleted" back={discussion}>
          {verb === "edit" ? "A deleted comment cannot be edited." : "There is nothing left to delete."}
        </StatePage>
      ) as ReactNode,
    };
  }
  const node = getThreadComment(db, id)!;
  const back = commentHref(node, comment.review.slug);
  if (user && !canEditPost(user, comment)) {
    return {
      page: (
        <StatePage code="403" title="This is not your comment" back={{ href: back, label: "Back to the comment" }}>
          Only its author, a moderator or an admin can {verb} it.
        </StatePage>
      ) as ReactNode,
    };
  }
  return { comment, node, back, state: state as FormState | null };
}
