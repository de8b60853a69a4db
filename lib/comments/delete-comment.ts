import { eq } from "drizzle-orm";
import { comments } from "@/db/schema";
import { reviewListed } from "@/lib/cache/changes";
import { actorOf, type Ctx } from "@/lib/context";
import { forbidden } from "@/lib/errors";
import { canEditAuthored } from "@/lib/permissions";
import { write } from "@/lib/write";
import { CommentDeleteInput } from "./schemas";
import { adjustCommentCounts, isMarkedNew, loadLiveComment, loadOpenReview, loadReviewTags } from "./store";
import { first } from "@/db/query";

/**
 * Deletes a comment. Its replies stay: while it has any it shows as "[deleted]" above them, and
 * without any it is no longer shown. The review's and the parent's counts drop by one; its
 * subscribers take back what the comment counted for its author and the member it answered.
 */
export async function deleteComment(ctx: Ctx, raw: unknown) {
  const { commentId } = CommentDeleteInput.parse(raw);
  const actor = actorOf(ctx);
  return write(ctx, async (w) => {
    const comment = await loadLiveComment(w.tx, commentId);
    if (!canEditAuthored(actor, comment)) throw forbidden("You can only delete your own comments.");
    const review = await loadOpenReview(w.tx, comment.reviewId);
    const wasNew = comment.authorId ? await isMarkedNew(w.tx, comment.authorId) : null;
    await w.tx.update(comments).set({ deletedAt: w.now, updatedAt: w.now }).where(eq(comments.id, commentId));
    await adjustCommentCounts(w.tx, review.id, comment.parentId, -1);
    // The person it replied to: the parent comment's author, or the review's.
    const repliedTo = comment.parentId
      ? ((await first(w.tx.select({ a: comments.authorId }).from(comments).where(eq(comments.id, comment.parentId))))?.a ?? null)
      : review.authorId;
    reviewListed(w.changes, { id: review.id, filmId: review.filmId, authorId: review.authorId, tags: await loadReviewTags(w.tx, review.id) });
    w.changes.comments.add(comment.id);
    if (comment.authorId) w.changes.members.add(comment.authorId);
    await w.emit("comment.deleted", { commentId, reviewId: review.id, authorId: comment.authorId, parentId: comment.parentId, repliedToId: repliedTo });
    const flipped = comment.authorId !== null && (await isMarkedNew(w.tx, comment.authorId)) !== wasNew;
    return {
      id: comment.id,
      reviewId: review.id,
      slug: review.slug,
      parentId: comment.parentId,
      authorId: comment.authorId,
      /** Whose replies received went down. */
      repliedTo: repliedTo && repliedTo !== comment.authorId ? repliedTo : null,
      newcomerFlipped: flipped ? [comment.authorId!] : [],
    };
  });
}
