import "server-only";
import type { ReactNode } from "react";
import Link from "@/components/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { CommentEditForm } from "@/components/comments/comment-edit-form";
import { StatePage } from "@/components/state-page";
import { getDb } from "@/lib/db";
import type { FormState } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { commentHref } from "@/lib/comments/links";
import { getCommentForEdit, getThreadComment } from "@/lib/comments/queries";
import { readFormState } from "@/lib/forms/read-state";
import { canEditAuthored } from "@/lib/permissions";

/**
 * The start of the edit and delete pages: the comment, if the viewer may change it, and the
 * refused post being shown again (if any); otherwise the page to show instead (sign in first,
 * "deleted"), or a 404 or 403 answer.
 */
export async function loadOwnComment(id: number, verb: "edit" | "delete") {
  await connection();
  const [user, state] = await Promise.all([getCurrentUser(), readFormState()]);
  const here = `/comments/${id}/${verb}`;
  if (!user) {
    if (!state) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
    return { page: signedOut(id, verb, state) };
  }
  const db = getDb();
  const comment = id ? await getCommentForEdit(db, id) : null;
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
  if (!canEditAuthored(user, comment)) forbidden();
  const node = (await getThreadComment(db, id))!;
  const back = commentHref(node, comment.review.slug);
  return { comment, node, back, state: state as FormState | null };
}

/**
 * A signed-out post refused for it (a session that ended while writing): only what was sent comes
 * back, with a way to sign in; nothing stored is read.
 */
function signedOut(id: number, verb: "edit" | "delete", state: FormState): ReactNode {
  const signIn = `/signin?callbackUrl=${encodeURIComponent(`/comments/${id}/${verb}`)}`;
  if (verb === "delete" || !state.values.body) {
    return (
      <StatePage code={String(state.status)} title="Sign in first" back={{ href: signIn, label: "Sign in" }}>
        {state.message ?? `Please sign in to ${verb} a comment.`}
      </StatePage>
    );
  }
  return (
    <div className="reply-page">
      <h1>Edit a comment</h1>
      <p className="notice">
        <Link href={signIn}>Sign in</Link>, then send it again: your text is kept below.
      </p>
      <CommentEditForm id={id} body={state.values.body} initial={state} cancelHref="/" />
    </div>
  );
}
