import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { commentRevisions, comments, reviewTags, reviews, users, type CommentRow } from "@/db/schema";
import { RENDERER_VERSION } from "@/lib/markdown/render";
import { childPath } from "./path";
import { gone, notFound } from "@/lib/errors";

// Row helpers shared by the comment verbs; each runs inside the caller's transaction.
export async function loadComment(tx: Tx, id: number): Promise<CommentRow> {
  const comment = await tx.select().from(comments).where(eq(comments.id, id)).get();
  if (!comment) throw notFound("There is no such comment.");
  return comment;
}

export async function loadLiveComment(tx: Tx, id: number): Promise<CommentRow> {
  const comment = await loadComment(tx, id);
  if (comment.deletedAt) throw gone("This comment was deleted.");
  return comment;
}

/** The review a comment hangs on must be published: a draft or hidden one does not exist to readers. */
export async function loadOpenReview(tx: Tx, reviewId: number) {
  const review = await tx
    .select({ id: reviews.id, slug: reviews.slug, title: reviews.title, status: reviews.status, authorId: reviews.authorId, filmId: reviews.filmId, commentCount: reviews.commentCount })
    .from(reviews)
    .where(eq(reviews.id, reviewId))
    .get();
  if (!review || (review.status !== "published" && review.status !== "deleted")) throw notFound("There is no such review.");
  if (review.status === "deleted") throw gone("This review was deleted, so it takes no more comments.");
  return review;
}

/** A review's tags: a comment moves the counts on its card wherever it is listed, tag pages included. */
export async function loadReviewTags(tx: Tx, reviewId: number): Promise<string[]> {
  return (await tx.select({ tag: reviewTags.tag }).from(reviewTags).where(eq(reviewTags.reviewId, reviewId)).all()).map((t) => t.tag);
}

/**
 * Moves a review's comment count and (for a reply) its parent's reply count by `delta`. Part of a
 * comment's own write, not a subscriber's: every comment row counts, whoever writes it (a member's
 * post, or a badge announcement and its STOP answer), so the counts move wherever rows come and go.
 */
export async function adjustCommentCounts(tx: Tx, reviewId: number, parentId: number | null, delta: number) {
  await tx.update(reviews).set({ commentCount: sql`${reviews.commentCount} + ${delta}` }).where(eq(reviews.id, reviewId)).run();
  if (parentId !== null)
    await tx.update(comments).set({ replyCount: sql`${comments.replyCount} + ${delta}` }).where(eq(comments.id, parentId)).run();
}

/**
 * Writes a comment (or reply) with its first revision and bumps the review's and parent's
 * counts. The path holds the comment's own id, so it takes the id AUTOINCREMENT hands out next.
 */
export async function insertComment(
  tx: Tx,
  c: {
    reviewId: number;
    parent: { id: number; path: string; depth: number } | null;
    authorId: string;
    bodyMd: string;
    bodyHtml: string;
    now: Date;
    announcesBadge?: string | null;
  },
): Promise<CommentRow> {
  const next = await tx.get<{ seq: number }>(sql`select coalesce((select seq from sqlite_sequence where name = 'comments'), 0) as seq`);
  const id = (next?.seq ?? 0) + 1;
  const comment = await tx
    .insert(comments)
    .values({
      id,
      reviewId: c.reviewId,
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
  await tx.insert(commentRevisions).values({ commentId: id, number: 1, editorId: c.authorId, bodyMd: c.bodyMd, createdAt: c.now, updatedAt: c.now }).run();
  await adjustCommentCounts(tx, c.reviewId, comment.parentId, 1);
  return comment;
}

/** Whether a member carries the "New" marker (a verb compares before and after its write). */
export async function isMarkedNew(tx: Tx, userId: string): Promise<boolean | null> {
  return (await tx.select({ isNew: users.isNew }).from(users).where(eq(users.id, userId)).get())?.isNew ?? null;
}
