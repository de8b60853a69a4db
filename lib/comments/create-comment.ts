import { writeTx, type DB } from "@/db";
import { isStop, stopAnnouncements } from "@/lib/badges/announce";
import { bumpCounter, reachRung, type Earned } from "@/lib/badges/grant";
import { DomainError, gone } from "@/lib/errors";
import { renderMarkdown } from "@/lib/markdown/render";
import { notify, notifyMentions } from "@/lib/notifications/notify";
import { knownMentions } from "@/lib/users/mentions";
import { adjustContributions } from "@/lib/users/newcomer";
import { assertMayComment } from "./flood";
import { CommentInput } from "./schemas";
import { insertComment, loadComment, loadOpenReview } from "./store";

// Deeper replies still post (and continue on the permalink page); this only bounds a runaway chain.
export const MAX_THREAD_DEPTH = 100;

/**
 * Posts a comment on a published review, or a reply to one of its comments, with its first
 * revision; tells the review's or the parent comment's author, and anyone it mentions.
 */
export function createComment(db: DB, authorId: string, raw: unknown, at?: Date) {
  const input = CommentInput.parse(raw);
  const rendered = renderMarkdown(input.body, { demoteHeadings: true, mentions: knownMentions(db, input.body) });
  return writeTx(db, (tx) => {
    // Taken once the write lock is held: comments are stamped in the order they commit, which
    // the gap between one member's comments relies on.
    const now = at ?? new Date();
    const review = loadOpenReview(tx, input.reviewId);
    let parent: { id: number; path: string; depth: number; authorId: string | null; announcesBadge: string | null } | null = null;
    if (input.parentId !== null) {
      const row = loadComment(tx, input.parentId);
      if (row.postId !== review.id) throw new DomainError("Invalid", "That comment belongs to another review, so you cannot reply to it here.");
      if (row.deletedAt) throw gone("That comment was deleted, so it takes no more replies.");
      if (row.depth >= MAX_THREAD_DEPTH)
        throw new DomainError("Invalid", `This thread is ${MAX_THREAD_DEPTH} replies deep, as deep as it goes. Reply to an earlier comment instead.`);
      parent = row;
    }
    assertMayComment(tx, authorId, input.body, now);
    const comment = insertComment(tx, { postId: review.id, parent, authorId, bodyMd: input.body, bodyHtml: rendered.html, now });
    const id = comment.id;
    const source = { postId: review.id, commentId: id };
    const contributions = adjustContributions(tx, authorId, { comments: 1 }, now);
    const badges: Earned[] = [];
    const earn = (e: Earned | null) => void (e && badges.push(e));
    earn(reachRung(tx, authorId, "comments", contributions.commentCount, source, now));
    const repliedTo = parent ? parent.authorId : review.authorId;
    if (repliedTo && repliedTo !== authorId) earn(reachRung(tx, repliedTo, "replies", bumpCounter(tx, repliedTo, "repliesReceived", 1) ?? 0, source, now));
    const told = notify(tx, { recipientId: repliedTo, kind: parent ? "comment_reply" : "review_reply", actorId: authorId, postId: review.id, commentId: id }, now);
    notifyMentions(tx, rendered.mentioned, { actorId: authorId, postId: review.id, commentId: id, skip: told ? [repliedTo] : [] }, now);
    // "STOP" from the review's author under a badge announcement turns announcements off.
    const stopped = !!parent?.announcesBadge && authorId === review.authorId && isStop(input.body);
    if (stopped) stopAnnouncements(tx, authorId, review, comment, now);
    return {
      comment,
      review: { id: review.id, slug: review.slug, title: review.title, authorId: review.authorId },
      /** Whose replies received went up: the review's author, or the parent comment's. */
      repliedTo: repliedTo && repliedTo !== authorId ? repliedTo : null,
      newcomerFlipped: contributions.flipped ? [authorId] : [],
      badges,
      stopped,
    };
  });
}
