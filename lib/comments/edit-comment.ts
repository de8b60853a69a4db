import { and, desc, eq } from "drizzle-orm";
import { commentRevisions, comments } from "@/db/schema";
import { actorOf, type Ctx } from "@/lib/context";
import { getEnv } from "@/lib/env";
import { forbidden } from "@/lib/errors";
import { mentionCandidates } from "@/lib/markdown/mentions";
import { RENDERER_VERSION, renderMarkdown } from "@/lib/markdown/render";
import { knownMentions } from "@/lib/users/mentions";
import { canEditAuthored } from "@/lib/permissions";
import { changedChars, GRACE_MAX_CHARS, sameEditorInWindow } from "@/lib/reviews/revision-rules";
import { write } from "@/lib/write";
import { CommentEditInput } from "./schemas";
import { loadLiveComment, loadOpenReview } from "./store";
import { first } from "@/db/query";

/**
 * Edits a comment (its author, a moderator or an admin) under the reviews' revision rules: a grace
 * edit amends the last revision in place, any other edit adds one and marks the comment "(edited)".
 */
export async function editComment(ctx: Ctx, raw: unknown) {
  const input = CommentEditInput.parse(raw);
  const actor = actorOf(ctx, "Please sign in to edit. Your text is kept below.");
  const rendered = renderMarkdown(input.body, { demoteHeadings: true, mentions: await knownMentions(ctx.db, input.body) });
  const commentId = input.commentId;
  return write(ctx, async (w) => {
    const { tx, now } = w;
    const comment = await loadLiveComment(tx, commentId);
    if (!canEditAuthored(actor, comment)) throw forbidden("You can only edit your own comments.");
    const review = await loadOpenReview(tx, comment.reviewId);
    const base = { id: comment.id, reviewId: review.id, slug: review.slug };
    if (comment.bodyMd === input.body) return { ...base, changed: false as const };
    const prev = (await first(tx
      .select()
      .from(commentRevisions)
      .where(eq(commentRevisions.commentId, commentId))
      .orderBy(desc(commentRevisions.number))
      .limit(1)))!;
    const grace =
      sameEditorInWindow(prev, actor.id, now, getEnv().EDIT_GRACE_SECONDS * 1000) && changedChars(prev.bodyMd, input.body) <= GRACE_MAX_CHARS;
    let revisionCount = comment.revisionCount;
    if (grace) {
      await tx
        .update(commentRevisions)
        .set({ bodyMd: input.body, reason: input.reason ?? prev.reason, updatedAt: now })
        .where(and(eq(commentRevisions.commentId, commentId), eq(commentRevisions.number, prev.number)));
    } else {
      revisionCount += 1;
      await tx
        .insert(commentRevisions)
        .values({ commentId, number: prev.number + 1, editorId: actor.id, reason: input.reason, bodyMd: input.body, createdAt: now, updatedAt: now });
    }
    await tx
      .update(comments)
      .set({
        bodyMd: input.body,
        bodyHtml: rendered.html,
        rendererVersion: RENDERER_VERSION,
        revisionCount,
        editedAt: grace ? comment.editedAt : now,
        updatedAt: now,
      })
      .where(eq(comments.id, commentId));
    // The thread and permalinks, and the comment on its author's profile.
    w.changes.threads.add(review.id);
    w.changes.comments.add(commentId);
    if (comment.authorId) w.changes.members.add(comment.authorId);
    // Only names the edit adds are told; the others heard when they were first written.
    const before = new Set(mentionCandidates(comment.bodyMd));
    await w.emit("comment.edited", {
      commentId,
      reviewId: review.id,
      editorId: actor.id,
      authorId: comment.authorId,
      addedMentions: rendered.mentioned.filter((n) => !before.has(n)),
    });
    return { ...base, changed: true as const, badges: [...w.earned] };
  });
}
