import { and, asc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { preparedOn, type Conn, type DB } from "@/db";
import { commentRevisions, comments, reviews, users } from "@/db/schema";
import { pathIds, subtreeRange } from "./path";
import type { ThreadComment } from "./tree";
import { first } from "@/db/query";

// Loaders return DTOs in a fixed number of queries, whatever the number of comments.
const threadColumns = {
  id: comments.id,
  parentId: comments.parentId,
  depth: comments.depth,
  path: comments.path,
  bodyHtml: comments.bodyHtml,
  deletedAt: comments.deletedAt,
  revisionCount: comments.revisionCount,
  createdAt: comments.createdAt,
  upvoteCount: comments.upvoteCount,
  replyCount: comments.replyCount,
  authorId: comments.authorId,
  authorUsername: users.username,
  authorName: users.name,
  authorImage: users.image,
  authorIsNew: users.isNew,
};

const selectThread = (db: Conn) => db.select(threadColumns).from(comments).leftJoin(users, eq(users.id, comments.authorId));
// Asked after every comment posted: prepared once per connection (see preparedOn).
const THREAD_COMMENT = (db: Conn) => selectThread(db).where(eq(comments.id, sql.placeholder("id"))).prepare();
// Asked by the proxy on every permalink request, where building a query costs more than running it.
const PERMALINK_HEAD = (db: Conn) =>
  db
    .select({ path: comments.path, reviewId: comments.reviewId, deletedAt: comments.deletedAt, status: reviews.status })
    .from(comments)
    .innerJoin(reviews, eq(reviews.id, comments.reviewId))
    .where(eq(comments.id, sql.placeholder("id")))
    .prepare();
const LIVE_IN_SUBTREE = (db: Conn) =>
  db
    .select({ one: sql<number>`1` })
    .from(comments)
    .where(and(eq(comments.reviewId, sql.placeholder("reviewId")), gte(comments.path, sql.placeholder("from")), lt(comments.path, sql.placeholder("to")), isNull(comments.deletedAt)))
    .limit(1)
    .prepare();
type ThreadRow = Awaited<ReturnType<ReturnType<typeof selectThread>["all"]>>[number];

function toThreadComment(r: ThreadRow): ThreadComment {
  const deleted = r.deletedAt !== null;
  return {
    id: r.id,
    parentId: r.parentId,
    depth: r.depth,
    path: r.path,
    bodyHtml: deleted ? "" : r.bodyHtml,
    deleted,
    edited: !deleted && r.revisionCount > 1,
    author:
      deleted || !r.authorUsername
        ? null
        : { id: r.authorId!, username: r.authorUsername, name: r.authorName!, image: r.authorImage, isNew: r.authorIsNew! },
    createdAt: r.createdAt,
    upvoteCount: r.upvoteCount,
    replyCount: r.replyCount,
  };
}

/** Every comment of a review, deleted ones included, parents before replies: one query. */
export async function listThread(db: DB, reviewId: number): Promise<ThreadComment[]> {
  const rows = await selectThread(db).where(eq(comments.reviewId, reviewId)).orderBy(asc(comments.path));
  return rows.map(toThreadComment);
}

const reviewColumns = { id: reviews.id, slug: reviews.slug, title: reviews.title, status: reviews.status, commentCount: reviews.commentCount, authorId: reviews.authorId };

/**
 * A comment's permalink page: the comment, its review, its ancestors (top-level first) and its
 * subtree (itself first). Three queries. Null when there is no such comment.
 */
export async function getCommentContext(db: DB, id: number) {
  const head = await first(db
    .select({ path: comments.path, reviewId: comments.reviewId, review: reviewColumns })
    .from(comments)
    .innerJoin(reviews, eq(reviews.id, comments.reviewId))
    .where(eq(comments.id, id)));
  if (!head) return null;
  const ancestorIds = pathIds(head.path).slice(0, -1);
  const ancestors = ancestorIds.length ? await selectThread(db).where(inArray(comments.id, ancestorIds)).orderBy(asc(comments.path)) : [];
  const [from, to] = subtreeRange(head.path);
  const subtree = await selectThread(db)
    .where(and(eq(comments.reviewId, head.reviewId), gte(comments.path, from), lt(comments.path, to)))
    .orderBy(asc(comments.path));
  return { review: head.review, ancestors: ancestors.map(toThreadComment), subtree: subtree.map(toThreadComment) };
}

/** A comment with what its edit page needs; null when there is no such comment. */
export async function getCommentForEdit(db: DB, id: number) {
  return (
    (await first(db
      .select({
        id: comments.id,
        reviewId: comments.reviewId,
        parentId: comments.parentId,
        authorId: comments.authorId,
        bodyMd: comments.bodyMd,
        bodyHtml: comments.bodyHtml,
        deletedAt: comments.deletedAt,
        replyCount: comments.replyCount,
        createdAt: comments.createdAt,
        review: reviewColumns,
      })
      .from(comments)
      .innerJoin(reviews, eq(reviews.id, comments.reviewId))
      .where(eq(comments.id, id)))) ?? null
  );
}

/** Every revision of a comment, oldest first, with its editor's name. */
export async function listCommentRevisions(db: DB, commentId: number) {
  return await db
    .select({
      number: commentRevisions.number,
      bodyMd: commentRevisions.bodyMd,
      reason: commentRevisions.reason,
      createdAt: commentRevisions.createdAt,
      editorId: commentRevisions.editorId,
      editorName: users.name,
    })
    .from(commentRevisions)
    .leftJoin(users, eq(users.id, commentRevisions.editorId))
    .where(eq(commentRevisions.commentId, commentId))
    .orderBy(asc(commentRevisions.number));
}

/** One comment as the thread shows it (for the answer to a post made with JavaScript). */
export async function getThreadComment(db: DB, id: number): Promise<ThreadComment | null> {
  const row = await first(preparedOn(db, THREAD_COMMENT).execute({ id }));
  return row ? toThreadComment(row) : null;
}

/**
 * The status a comment's permalink answers with, decided before its (cached) page is served:
 * 404 when there is no such comment on a published review, 410 when it or its review was
 * deleted and no reply below it remains (the page then says so), else 200. Two indexed reads.
 */
export async function commentPermalinkStatus(db: DB, id: number): Promise<200 | 404 | 410> {
  const head = await first(preparedOn(db, PERMALINK_HEAD).execute({ id }));
  if (!head) return 404;
  if (head.status === "deleted") return 410;
  if (head.status !== "published") return 404;
  if (head.deletedAt === null) return 200;
  const [from, to] = subtreeRange(head.path);
  const live = await first(preparedOn(db, LIVE_IN_SUBTREE).execute({ reviewId: head.reviewId, from, to }));
  return live ? 200 : 410;
}
