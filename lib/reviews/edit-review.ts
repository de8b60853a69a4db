import { and, desc, eq } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { postRevisions, posts } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { forbidden } from "@/lib/errors";
import { adjustFilmStats, filmContribution, resolveFilm } from "@/lib/films/resolve-film";
import { mentionCandidates } from "@/lib/markdown/mentions";
import { RENDERER_VERSION, renderMarkdown } from "@/lib/markdown/render";
import { notifyMentions } from "@/lib/notifications/notify";
import { knownMentions } from "@/lib/users/mentions";
import { grantOneOff, type Earned } from "@/lib/badges/grant";
import { onReviewPublished, publishedBadges } from "./published";
import { canEditPost, type Actor } from "@/lib/permissions";
import { hotScore } from "./hot";
import { isGraceEdit, sameSnapshot, type Snapshot } from "./revision-rules";
import { ReviewInput } from "./schemas";
import { loadLivePost, replaceTags, tagsOf } from "./store";

/**
 * Edits a review (its author, a moderator or an admin). A draft's saves amend its one revision;
 * after publication a grace edit amends the last revision and any other edit adds one.
 */
export function editReview(db: DB, actor: Actor, postId: number, raw: unknown, now = new Date()) {
  const input = ReviewInput.parse(raw);
  const rendered = renderMarkdown(input.body, { mentions: knownMentions(db, input.body) });
  return writeTx(db, (tx) => {
    const post = loadLivePost(tx, postId);
    if (!canEditPost(actor, post)) throw forbidden("You can only edit your own reviews.");
    const filmId = resolveFilm(tx, input.film);
    const next: Snapshot = {
      title: input.title,
      bodyMd: input.body,
      score: input.score,
      tags: [...input.tags].sort(),
      filmId,
      hasSpoilers: input.hasSpoilers,
    };
    const prev = tx
      .select()
      .from(postRevisions)
      .where(eq(postRevisions.postId, postId))
      .orderBy(desc(postRevisions.number))
      .limit(1)
      .get()!;
    const publishing = post.status === "draft" && input.intent === "publish";
    const current: Snapshot = { ...prev, tags: tagsOf(tx, postId) };
    if (!publishing && sameSnapshot(current, next)) return { id: post.id, slug: post.slug, status: post.status, changed: false };

    const status = publishing ? "published" : post.status;
    const amend = post.status === "draft" || isGraceEdit({ ...prev, tags: [...prev.tags].sort() }, next, actor.id, now, getEnv().EDIT_GRACE_SECONDS * 1000);
    let revisionCount = post.revisionCount;
    if (amend) {
      tx.update(postRevisions)
        .set({
          ...next,
          editorId: actor.id,
          reason: input.reason ?? prev.reason,
          updatedAt: now,
          ...(publishing ? { createdAt: now } : {}),
        })
        .where(and(eq(postRevisions.postId, postId), eq(postRevisions.number, prev.number)))
        .run();
    } else {
      revisionCount += 1;
      tx.insert(postRevisions)
        .values({ postId, number: prev.number + 1, editorId: actor.id, reason: input.reason, ...next, createdAt: now, updatedAt: now })
        .run();
    }
    const publishedAt = publishing ? now : post.publishedAt;
    const counted = publishing && post.authorId ? onReviewPublished(tx, post.authorId, { id: post.id, score: next.score, hasSpoilers: next.hasSpoilers }, now) : null;
    const substantive = !amend && post.status === "published";
    tx.update(posts)
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
        hotScore: hotScore(post.upvoteCount, publishedAt),
        revisionCount,
        firstReview: counted ? counted.first : post.firstReview,
        editedAt: substantive ? now : post.editedAt,
        editedAfterComments: substantive && post.commentCount > 0 ? post.commentCount : post.editedAfterComments,
        updatedAt: now,
      })
      .where(eq(posts.id, postId))
      .run();
    replaceTags(tx, postId, next.tags);
    const before = filmContribution(post);
    const after = filmContribution({ status, score: next.score });
    adjustFilmStats(tx, post.filmId, { reviews: -before.reviews, scoreSum: -before.scoreSum, scoreCount: -before.scoreCount });
    adjustFilmStats(tx, filmId, after);
    const badges: Earned[] = [];
    if (status === "published") {
      // On publishing everyone named hears; later, only names an edit adds.
      const before = new Set(publishing ? [] : mentionCandidates(post.bodyMd));
      notifyMentions(tx, rendered.mentioned.filter((n) => !before.has(n)), { actorId: actor.id, postId }, now);
    }
    if (counted && post.authorId) badges.push(...publishedBadges(tx, post.authorId, { id: postId, score: next.score, hasSpoilers: next.hasSpoilers }, counted.reviewCount, now));
    // Editing what one published (not a draft, not someone else's) earns "Second thoughts"; a
    // score or spoiler flag added later earns what it would have on publishing.
    if (!publishing && post.status === "published" && post.authorId) {
      const add = (b: ReturnType<typeof grantOneOff>) => void (b && badges.push(b));
      if (post.authorId === actor.id) add(grantOneOff(tx, actor.id, "first-edit", { postId }, now));
      if (next.score !== null) add(grantOneOff(tx, post.authorId, "first-scored-review", { postId }, now));
      if (next.hasSpoilers) add(grantOneOff(tx, post.authorId, "first-spoiler-review", { postId }, now));
    }
    return {
      id: post.id,
      slug: post.slug,
      status,
      changed: true,
      previousFilmId: post.filmId,
      filmId,
      newcomerFlipped: counted?.flipped && post.authorId ? [post.authorId] : [],
      badges,
    };
  });
}
