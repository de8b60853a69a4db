import { and, desc, eq } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { commentRevisions, comments } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { forbidden } from "@/lib/errors";
import { mentionCandidates } from "@/lib/markdown/mentions";
import { RENDERER_VERSION, renderMarkdown } from "@/lib/markdown/render";
import { grantOneOff } from "@/lib/badges/grant";
import { notifyMentions } from "@/lib/notifications/notify";
import { knownMentions } from "@/lib/users/mentions";
import { canEditPost, type Actor } from "@/lib/permissions";
import { changedChars, GRACE_MAX_CHARS, sameEditorInWindow } from "@/lib/reviews/revision-rules";
import { CommentEditInput } from "./schemas";
import { loadLiveComment, loadOpenReview } from "./store";

/**
 * Edits a comment (its author, a moderator or an admin) under the reviews' revision rules: a grace
 * edit amends the last revision in place, any other edit adds one and marks the comment "(edited)".
 */
export function editComment(db: DB, actor: Actor, commentId: number, raw: unknown, now = new Date()) {
  const input = CommentEditInput.parse(raw);
  const rendered = renderMarkdown(input.body, { demoteHeadings: true, mentions: knownMentions(db, input.body) });
  return writeTx(db, (tx) => {
    const comment = loadLiveComment(tx, commentId);
    if (!canEditPost(actor, comment)) throw forbidden("You can only edit your own comments.");
    const review = loadOpenReview(tx, comment.postId);
    const base = { id: comment.id, postId: review.id, slug: review.slug };
    if (comment.bodyMd === input.body) return { ...base, changed: false };
    const prev = tx
      .select()
      .from(commentRevisions)
      .where(eq(commentRevisions.commentId, commentId))
      .orderBy(desc(commentRevisions.number))
      .limit(1)
      .get()!;
    const grace =
      sameEditorInWindow(prev, actor.id, now, getEnv().EDIT_GRACE_SECONDS * 1000) && changedChars(prev.bodyMd, input.body) <= GRACE_MAX_CHARS;
    let revisionCount = comment.revisionCount;
    if (grace) {
      tx.update(commentRevisions)
        .set({ bodyMd: input.body, reason: input.reason ?? prev.reason, updatedAt: now })
        .where(and(eq(commentRevisions.commentId, commentId), eq(commentRevisions.number, prev.number)))
        .run();
    } else {
      revisionCount += 1;
      tx.insert(commentRevisions)
        .values({ commentId, number: prev.number + 1, editorId: actor.id, reason: input.reason, bodyMd: input.body, createdAt: now, updatedAt: now })
        .run();
    }
    tx.update(comments)
      .set({
        bodyMd: input.body,
        bodyHtml: rendered.html,
        rendererVersion: RENDERER_VERSION,
        revisionCount,
        editedAt: grace ? comment.editedAt : now,
        updatedAt: now,
      })
      .where(eq(comments.id, commentId))
      .run();
    // Only names the edit adds are told; the others heard when they were first written.
    const before = new Set(mentionCandidates(comment.bodyMd));
    notifyMentions(tx, rendered.mentioned.filter((n) => !before.has(n)), { actorId: actor.id, postId: review.id, commentId }, now);
    // Editing one's own comment earns "Second thoughts".
    const edited = comment.authorId === actor.id ? grantOneOff(tx, actor.id, "first-edit", { postId: review.id, commentId }, now) : null;
    return { ...base, changed: true, badges: edited ? [edited] : [] };
  });
}
