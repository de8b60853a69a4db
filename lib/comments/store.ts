import { eq, sql } from "drizzle-orm";
import { preparedOn, type Conn, type Tx } from "@/db";
import { commentRevisions, comments, reviewTags, reviews, users, type CommentRow } from "@/db/schema";
import { RENDERER_VERSION } from "@/lib/markdown/render";
import { childPath } from "./path";
import { gone, notFound } from "@/lib/errors";
import { first, one } from "@/db/query";
import { nextCommentId } from "@/db/sql";

// Row helpers shared by the comment verbs; each runs inside the caller's transaction. A comment's
// post runs every one of them: they are prepared once per connection (see preparedOn).
const p = sql.placeholder;
const COMMENT = (c: Conn) => c.select().from(comments).where(eq(comments.id, p("id"))).prepare();
const OPEN_REVIEW = (c: Conn) =>
  c
    .select({ id: reviews.id, slug: reviews.slug, title: reviews.title, status: reviews.status, authorId: reviews.authorId, filmId: reviews.filmId, commentCount: reviews.commentCount })
    .from(reviews)
    .where(eq(reviews.id, p("id")))
    .prepare();
const TAGS = (c: Conn) => c.select({ tag: reviewTags.tag }).from(reviewTags).where(eq(reviewTags.reviewId, p("id"))).prepare();
const MARKED_NEW = (c: Conn) => c.select({ isNew: users.isNew }).from(users).where(eq(users.id, p("id"))).prepare();
const NEXT_ID = (c: Conn) => c.select({ seq: nextCommentId }).from(sql`(select 1) as one`).prepare();
const BUMP_REVIEW = (c: Conn) =>
  c.update(reviews).set({ commentCount: sql`${reviews.commentCount} + ${p("delta")}` }).where(eq(reviews.id, p("id"))).prepare();
const BUMP_PARENT = (c: Conn) =>
  c.update(comments).set({ replyCount: sql`${comments.replyCount} + ${p("delta")}` }).where(eq(comments.id, p("id"))).prepare();
const INSERT = (c: Conn) =>
  c
    .insert(comments)
    .values({
      id: p("id"),
      reviewId: p("reviewId"),
      parentId: p("parentId"),
      authorId: p("authorId"),
      depth: p("depth"),
      path: p("path"),
      bodyMd: p("bodyMd"),
      bodyHtml: p("bodyHtml"),
      rendererVersion: p("rendererVersion"),
      announcesBadge: p("announcesBadge"),
      createdAt: p("now"),
      updatedAt: p("now"),
    })
    .returning()
    .prepare();
const FIRST_REVISION = (c: Conn) =>
  c.insert(commentRevisions).values({ commentId: p("id"), number: 1, editorId: p("editorId"), bodyMd: p("bodyMd"), createdAt: p("now"), updatedAt: p("now") }).prepare();

export async function loadComment(tx: Tx, id: number): Promise<CommentRow> {
  const comment = await first(preparedOn(tx, COMMENT).execute({ id }));
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
  const review = await first(preparedOn(tx, OPEN_REVIEW).execute({ id: reviewId }));
  if (!review || (review.status !== "published" && review.status !== "deleted")) throw notFound("There is no such review.");
  if (review.status === "deleted") throw gone("This review was deleted, so it takes no more comments.");
  return review;
}

/** A review's tags: a comment or an upvote moves the counts on its card wherever it is listed, tag pages included. */
export async function loadReviewTags(tx: Tx, reviewId: number): Promise<string[]> {
  return (await preparedOn(tx, TAGS).execute({ id: reviewId })).map((t) => t.tag);
}

/**
 * Moves a review's comment count and (for a reply) its parent's reply count by `delta`. Part of a
 * comment's own write, not a subscriber's: every comment row counts, whoever writes it (a member's
 * post, or a badge announcement and its STOP answer), so the counts move wherever rows come and go.
 */
export async function adjustCommentCounts(tx: Tx, reviewId: number, parentId: number | null, delta: number) {
  await preparedOn(tx, BUMP_REVIEW).execute({ delta, id: reviewId });
  if (parentId !== null) await preparedOn(tx, BUMP_PARENT).execute({ delta, id: parentId });
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
  const id = (await one(preparedOn(tx, NEXT_ID).execute())).seq;
  const comment = (await first(preparedOn(tx, INSERT).execute({
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
    now: c.now,
  })))!;
  await preparedOn(tx, FIRST_REVISION).execute({ id, editorId: c.authorId, bodyMd: c.bodyMd, now: c.now });
  await adjustCommentCounts(tx, c.reviewId, comment.parentId, 1);
  return comment;
}

/** Whether a member carries the "New" marker (a verb compares before and after its write). */
export async function isMarkedNew(tx: Tx, userId: string): Promise<boolean | null> {
  return (await first(preparedOn(tx, MARKED_NEW).execute({ id: userId })))?.isNew ?? null;
}
