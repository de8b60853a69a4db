import { and, desc, eq } from "drizzle-orm";
import { reviewRevisions, reviews } from "@/db/schema";
import type { LiveStatus } from "@/lib/events";
import { reviewListed } from "@/lib/cache/changes";
import { actorOf, type Ctx } from "@/lib/context";
import { getEnv } from "@/lib/env";
import { forbidden } from "@/lib/errors";
import { resolveFilm } from "@/lib/films/resolve-film";
import { mentionCandidates } from "@/lib/markdown/mentions";
import { RENDERER_VERSION, renderMarkdown } from "@/lib/markdown/render";
import { canEditAuthored } from "@/lib/permissions";
import { knownMentions } from "@/lib/users/mentions";
import { write } from "@/lib/write";
import { hotScore } from "./hot";
import { isGraceEdit, sameSnapshot, type Snapshot } from "./revision-rules";
import { ReviewIdInput, ReviewInput } from "./schemas";
import { commenterIds, flippedSince, loadLiveReview, newcomerMarks, replaceTags, tagsOf } from "./store";
import { first } from "@/db/query";

/**
 * Edits a review (its author, a moderator or an admin); `input` is the editor's form and the
 * review's id. A draft's saves amend its one revision; after publication a grace edit amends the
 * last revision and any other edit adds one. Publishing a draft records `review.published`.
 */
export async function editReview(ctx: Ctx, raw: unknown) {
  const actor = actorOf(ctx, "Please sign in to edit. Your text is kept below.");
  const { reviewId } = ReviewIdInput.parse(raw);
  const input = ReviewInput.parse(raw);
  const rendered = renderMarkdown(input.body, { mentions: await knownMentions(ctx.db, input.body) });
  const graceMs = getEnv().EDIT_GRACE_SECONDS * 1000;
  return write(ctx, async (w) => {
    const review = await loadLiveReview(w.tx, reviewId);
    if (!canEditAuthored(actor, review)) throw forbidden("You can only edit your own reviews.");
    const filmId = await resolveFilm(w, input.film);
    const next: Snapshot = {
      title: input.title,
      bodyMd: input.body,
      score: input.score,
      tags: [...input.tags].sort(),
      filmId,
      hasSpoilers: input.hasSpoilers,
    };
    const prev = (await first(w.tx
      .select()
      .from(reviewRevisions)
      .where(eq(reviewRevisions.reviewId, reviewId))
      .orderBy(desc(reviewRevisions.number))
      .limit(1)))!;
    const publishing = review.status === "draft" && input.intent === "publish";
    const tagsBefore = await tagsOf(w.tx, reviewId);
    const current: Snapshot = { ...prev, tags: tagsBefore };
    if (!publishing && sameSnapshot(current, next)) return { id: review.id, slug: review.slug, status: review.status, changed: false as const };

    const wasPublished = review.status === "published";
    const status = publishing ? "published" : review.status;
    const amend = review.status === "draft" || isGraceEdit({ ...prev, tags: [...prev.tags].sort() }, next, actor.id, w.now, graceMs);
    let revisionCount = review.revisionCount;
    if (amend) {
      await w.tx
        .update(reviewRevisions)
        .set({ ...next, editorId: actor.id, reason: input.reason ?? prev.reason, updatedAt: w.now, ...(publishing ? { createdAt: w.now } : {}) })
        .where(and(eq(reviewRevisions.reviewId, reviewId), eq(reviewRevisions.number, prev.number)));
    } else {
      revisionCount += 1;
      await w.tx
        .insert(reviewRevisions)
        .values({ reviewId, number: prev.number + 1, editorId: actor.id, reason: input.reason, ...next, createdAt: w.now, updatedAt: w.now });
    }
    const publishedAt = publishing ? w.now : review.publishedAt;
    const substantive = !amend && wasPublished;
    await w.tx
      .update(reviews)
      .set({
        title: next.title,
        bodyMd: next.bodyMd,
        bodyHtml: rendered.html,
        rendererVersion: RENDERER_VERSION,
        excerpt: rendered.excerpt,
        score: next.score,
        hasSpoilers: next.hasSpoilers,
        filmId,
        status,
        wordCount: rendered.words,
        readingMinutes: rendered.readingMinutes,
        publishedAt,
        hotScore: hotScore(review.upvoteCount, publishedAt),
        revisionCount,
        editedAt: substantive ? w.now : review.editedAt,
        editedAfterComments: substantive && review.commentCount > 0 ? review.commentCount : review.editedAfterComments,
        updatedAt: w.now,
      })
      .where(eq(reviews.id, reviewId));
    await replaceTags(w.tx, reviewId, next.tags);

    // Where it was listed and where it is now: both film pages, both sets of tags.
    reviewListed(w.changes, { id: reviewId, filmId: review.filmId, authorId: review.authorId, tags: tagsBefore });
    reviewListed(w.changes, { id: reviewId, filmId, authorId: review.authorId, tags: next.tags });
    // Commenters' profiles list their comments under the review's title and status.
    if (next.title !== review.title || status !== review.status) for (const id of await commenterIds(w.tx, reviewId)) w.changes.members.add(id);

    const marks = await newcomerMarks(w.tx, publishing ? [review.authorId] : []);
    if (publishing) {
      await w.emit("review.published", {
        reviewId,
        authorId: review.authorId,
        actorId: actor.id,
        filmId,
        score: next.score,
        hasSpoilers: next.hasSpoilers,
        mentioned: rendered.mentioned,
      });
    } else {
      // Later edits tell only the names they add.
      const named = new Set(mentionCandidates(review.bodyMd));
      await w.emit("review.edited", {
        reviewId,
        editorId: actor.id,
        authorId: review.authorId,
        status: status as LiveStatus,
        wasPublished,
        filmId,
        score: next.score,
        hasSpoilers: next.hasSpoilers,
        before: { filmId: review.filmId, status: review.status as LiveStatus, score: review.score },
        mentionsAdded: rendered.mentioned.filter((n) => !named.has(n)),
      });
    }
    return {
      id: review.id,
      slug: review.slug,
      status,
      changed: true as const,
      previousFilmId: review.filmId,
      filmId,
      newcomerFlipped: await flippedSince(w.tx, marks),
      badges: [...w.earned],
    };
  });
}
