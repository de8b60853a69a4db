import { and, eq, inArray } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { comments, notifications } from "@/db/schema";
import { forbidden } from "@/lib/errors";
import { canEditPost, type Actor } from "@/lib/permissions";
import { bumpCounter } from "@/lib/badges/grant";
import { adjustContributions } from "@/lib/users/newcomer";
import { adjustCommentCounts, loadLiveComment, loadOpenReview } from "./store";

/**
 * Deletes a comment. Its replies stay: while it has any it shows as "[deleted]" above them, and
 * without any it is no longer shown. The review's and the parent's counts drop by one.
 */
export function deleteComment(db: DB, actor: Actor, commentId: number, now = new Date()) {
  return writeTx(db, (tx) => {
    const comment = loadLiveComment(tx, commentId);
    if (!canEditPost(actor, comment)) throw forbidden("You can only delete your own comments.");
    const review = loadOpenReview(tx, comment.postId);
    tx.update(comments).set({ deletedAt: now, updatedAt: now }).where(eq(comments.id, commentId)).run();
    adjustCommentCounts(tx, review.id, comment.parentId, -1);
    const { flipped } = adjustContributions(tx, comment.authorId, { comments: -1 }, now);
    // The person it replied to has one reply fewer (badges already earned stay).
    const repliedTo = comment.parentId ? (tx.select({ a: comments.authorId }).from(comments).where(eq(comments.id, comment.parentId)).get()?.a ?? null) : review.authorId;
    if (repliedTo && repliedTo !== comment.authorId) bumpCounter(tx, repliedTo, "repliesReceived", -1);
    // Notices of a reply or mention that is gone would lead nowhere.
    tx.delete(notifications)
      .where(and(eq(notifications.commentId, commentId), inArray(notifications.kind, ["review_reply", "comment_reply", "mention"])))
      .run();
    return {
      id: comment.id,
      postId: review.id,
      slug: review.slug,
      parentId: comment.parentId,
      authorId: comment.authorId,
      /** Whose replies received went down. */
      repliedTo: repliedTo && repliedTo !== comment.authorId ? repliedTo : null,
      newcomerFlipped: flipped && comment.authorId ? [comment.authorId] : [],
    };
  });
}
