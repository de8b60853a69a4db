import { sql } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { commentRevisions, comments } from "@/db/schema";
import { DomainError, gone } from "@/lib/errors";
import { RENDERER_VERSION, renderMarkdown } from "@/lib/markdown/render";
import { notify, notifyMentions } from "@/lib/notifications/notify";
import { knownMentions } from "@/lib/users/mentions";
import { adjustContributions } from "@/lib/users/newcomer";
import { assertMayComment } from "./flood";
import { childPath } from "./path";
import { CommentInput } from "./schemas";
import { adjustCommentCounts, loadComment, loadOpenReview } from "./store";

// Deeper replies still post (and continue on the permalink page); this only bounds a runaway chain.
export const MAX_THREAD_DEPTH = 100;

/**
 * Posts a comment on a published review, or a reply to one of its comments, with its first
 * revision; tells the review's or the parent comment's author, and anyone it mentions.
 */
export function createComment(db: DB, authorId: string, raw: unknown, now = new Date()) {
  const input = CommentInput.parse(raw);
  const rendered = renderMarkdown(input.body, { demoteHeadings: true, mentions: knownMentions(db, input.body) });
  return writeTx(db, (tx) => {
    const review = loadOpenReview(tx, input.reviewId);
    let parent: { id: number; path: string; depth: number; authorId: string | null } | null = null;
    if (input.parentId !== null) {
      const row = loadComment(tx, input.parentId);
      if (row.postId !== review.id) throw new DomainError("Invalid", "That comment belongs to another review, so you cannot reply to it here.");
      if (row.deletedAt) throw gone("That comment was deleted, so it takes no more replies.");
      if (row.depth >= MAX_THREAD_DEPTH)
        throw new DomainError("Invalid", `This thread is ${MAX_THREAD_DEPTH} replies deep, as deep as it goes. Reply to an earlier comment instead.`);
      parent = row;
    }
    assertMayComment(tx, authorId, input.body, now);
    // The path holds the comment's own id, so take the id AUTOINCREMENT would hand out next.
    const id =
      (tx.get<{ seq: number }>(sql`select coalesce((select seq from sqlite_sequence where name = 'comments'), 0) as seq`)?.seq ?? 0) + 1;
    const comment = tx
      .insert(comments)
      .values({
        id,
        postId: review.id,
        parentId: parent?.id ?? null,
        authorId,
        depth: (parent?.depth ?? 0) + 1,
        path: childPath(parent?.path ?? null, id),
        bodyMd: input.body,
        bodyHtml: rendered.html,
        rendererVersion: RENDERER_VERSION,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    tx.insert(commentRevisions).values({ commentId: id, number: 1, editorId: authorId, bodyMd: input.body, createdAt: now, updatedAt: now }).run();
    adjustCommentCounts(tx, review.id, comment.parentId, 1);
    const flipped = adjustContributions(tx, authorId, { comments: 1 }, now);
    const repliedTo = parent ? parent.authorId : review.authorId;
    const told = notify(tx, { recipientId: repliedTo, kind: parent ? "comment_reply" : "review_reply", actorId: authorId, postId: review.id, commentId: id }, now);
    notifyMentions(tx, rendered.mentioned, { actorId: authorId, postId: review.id, commentId: id, skip: told ? [repliedTo] : [] }, now);
    return {
      comment,
      review: { id: review.id, slug: review.slug, title: review.title, authorId: review.authorId },
      newcomerFlipped: flipped ? [authorId] : [],
    };
  });
}
