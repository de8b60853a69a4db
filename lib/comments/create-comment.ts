import { actorOf, type Ctx } from "@/lib/context";
import { reviewListed } from "@/lib/cache/changes";
import { asksToStopAnnouncements } from "@/lib/badges/on-comment-posted";
import { DomainError, gone } from "@/lib/errors";
import { renderMarkdown } from "@/lib/markdown/render";
import { knownMentions } from "@/lib/users/mentions";
import { write } from "@/lib/write";
import { assertMayComment } from "./flood";
import { CommentInput } from "./schemas";
import { insertComment, isMarkedNew, loadComment, loadOpenReview, loadReviewTags } from "./store";

// Deeper replies still post (and continue on the permalink page); this only bounds a runaway chain.
export const MAX_THREAD_DEPTH = 100;

/**
 * Posts a comment on a published review, or a reply to one of its comments, with its first
 * revision. Its subscribers count it, tell the review's or the parent comment's author and anyone
 * it mentions, and grant what it earned.
 */
export async function createComment(ctx: Ctx, raw: unknown) {
  const input = CommentInput.parse(raw);
  const authorId = actorOf(ctx, "Please sign in to post. Your text is kept.").id;
  const rendered = renderMarkdown(input.body, { demoteHeadings: true, mentions: await knownMentions(ctx.db, input.body) });
  return write(ctx, async (w) => {
    const review = await loadOpenReview(w.tx, input.reviewId);
    let parent: { id: number; path: string; depth: number; authorId: string | null; announcesBadge: string | null } | null = null;
    if (input.parentId !== null) {
      const row = await loadComment(w.tx, input.parentId);
      if (row.reviewId !== review.id) throw new DomainError("Invalid", "That comment belongs to another review, so you cannot reply to it here.");
      if (row.deletedAt) throw gone("That comment was deleted, so it takes no more replies.");
      if (row.depth >= MAX_THREAD_DEPTH)
        throw new DomainError("Invalid", `This thread is ${MAX_THREAD_DEPTH} replies deep, as deep as it goes. Reply to an earlier comment instead.`);
      parent = row;
    }
    // Stamped with w.now, read once the write lock is held: comments are stamped in the order they
    // commit, which the gap between one member's comments relies on.
    await assertMayComment(w, authorId, input.body);
    const wasNew = await isMarkedNew(w.tx, authorId);
    const comment = await insertComment(w.tx, { reviewId: review.id, parent, authorId, bodyMd: input.body, bodyHtml: rendered.html, now: w.now });
    const repliedTo = parent ? parent.authorId : review.authorId;
    // The card's comment count, wherever the review is listed; the comment on its author's profile.
    reviewListed(w.changes, { id: review.id, filmId: review.filmId, authorId: review.authorId, tags: await loadReviewTags(w.tx, review.id) });
    w.changes.comments.add(comment.id);
    w.changes.members.add(authorId);
    const posted = {
      commentId: comment.id,
      reviewId: review.id,
      reviewAuthorId: review.authorId,
      authorId,
      parentId: comment.parentId,
      repliedToId: repliedTo,
      body: input.body,
      mentioned: rendered.mentioned,
      path: comment.path,
      depth: comment.depth,
      parentAnnouncesBadge: parent?.announcesBadge ?? null,
    };
    await w.emit("comment.posted", posted);
    return {
      comment,
      review: { id: review.id, slug: review.slug, title: review.title, authorId: review.authorId },
      /** Whose replies received went up: the review's author, or the parent comment's. */
      repliedTo: repliedTo && repliedTo !== authorId ? repliedTo : null,
      newcomerFlipped: (await isMarkedNew(w.tx, authorId)) !== wasNew ? [authorId] : [],
      badges: [...w.earned],
      /** A STOP under a badge announcement: the system answered it. */
      stopped: asksToStopAnnouncements(posted),
    };
  });
}
