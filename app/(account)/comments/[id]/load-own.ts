import "server-only";
import { getDb } from "@/db";
import type { CurrentUser } from "@/lib/auth/session";
import { commentHref } from "@/lib/comments/links";
import { getCommentForEdit, getThreadComment } from "@/lib/comments/queries";
import { canEditPost } from "@/lib/permissions";

/** A comment its viewer may change, or why not: what the edit and delete pages start from. */
export function loadOwnComment(id: number, user: CurrentUser | null) {
  const db = getDb();
  const comment = id ? getCommentForEdit(db, id) : null;
  if (!comment || comment.review.status !== "published") return { kind: "missing" as const };
  if (comment.deletedAt) return { kind: "deleted" as const, comment };
  const node = getThreadComment(db, id)!;
  const back = commentHref(node, comment.review.slug);
  if (user && !canEditPost(user, comment)) return { kind: "forbidden" as const, comment, back };
  return { kind: "ok" as const, comment, node, back };
}
