import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { commentRevisions, comments, posts, type CommentRow } from "@/db/schema";
import { RENDERER_VERSION } from "@/lib/markdown/render";
import { childPath } from "./path";
import { gone, notFound } from "@/lib/errors";

// Row helpers shared by the comment verbs; each runs inside the caller's transaction.
export function loadComment(tx: Tx, id: number): CommentRow {
  const comment = tx.select().from(comments).where(eq(comments.id, id)).get();
  if (!comment) throw notFound("There is no such comment.");
  return comment;
}

export function loadLiveComment(tx: Tx, id: number): CommentRow {
  const comment = loadComment(tx, id);
  if (comment.deletedAt) throw gone("This comment was deleted.");
  return comment;
}

/** The review a comment hangs on must be published: a draft or hidden one does not exist to readers. */
export function loadOpenReview(tx: Tx, postId: number) {
  const post = tx
    .select({ id: posts.id, slug: posts.slug, title: posts.title, status: posts.status, authorId: posts.authorId, commentCount: posts.commentCount })
    .from(posts)
    .where(eq(posts.id, postId))
    .get();
  if (!post || (post.status !== "published" && post.status !== "deleted")) throw notFound("There is no such review.");
  if (post.status === "deleted") throw gone("This review was deleted, so it takes no more comments.");
  return post;
}

/** Moves a review's comment count and (for a reply) its parent's reply count by `delta`. */
export function adjustCommentCounts(tx: Tx, postId: number, parentId: number | null, delta: number) {
  tx.update(posts).set({ commentCount: sql`${posts.commentCount} + ${delta}` }).where(eq(posts.id, postId)).run();
  if (parentId !== null)
    tx.update(comments).set({ replyCount: sql`${comments.replyCount} + ${delta}` }).where(eq(comments.id, parentId)).run();
}

/**
 * Writes a comment (or reply) with its first revision and bumps the review's and parent's
 * counts. The path holds the comment's own id, so it takes the id AUTOINCREMENT hands out next.
 */
export function insertComment(
  tx: Tx,
  c: {
    postId: number;
    parent: { id: number; path: string; depth: number } | null;
    authorId: string;
    bodyMd: string;
    bodyHtml: string;
    now: Date;
    announcesBadge?: string | null;
  },
): CommentRow {
  const id = (tx.get<{ seq: number }>(sql`select coalesce((select seq from sqlite_sequence where name = 'comments'), 0) as seq`)?.seq ?? 0) + 1;
  const comment = tx
    .insert(comments)
    .values({
      id,
      postId: c.postId,
      parentId: c.parent?.id ?? null,
      authorId: c.authorId,
      depth: (c.parent?.depth ?? 0) + 1,
      path: childPath(c.parent?.path ?? null, id),
      bodyMd: c.bodyMd,
      bodyHtml: c.bodyHtml,
      rendererVersion: RENDERER_VERSION,
      announcesBadge: c.announcesBadge ?? null,
      createdAt: c.now,
      updatedAt: c.now,
    })
    .returning()
    .get();
  tx.insert(commentRevisions).values({ commentId: id, number: 1, editorId: c.authorId, bodyMd: c.bodyMd, createdAt: c.now, updatedAt: c.now }).run();
  adjustCommentCounts(tx, c.postId, comment.parentId, 1);
  return comment;
}
