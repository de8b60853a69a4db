import { eq } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { postRevisions, posts } from "@/db/schema";
import { adjustFilmStats, filmContribution, resolveFilm } from "@/lib/films/resolve-film";
import { RENDERER_VERSION, renderMarkdown } from "@/lib/markdown/render";
import { notifyMentions } from "@/lib/notifications/notify";
import { knownMentions } from "@/lib/users/mentions";
import type { Earned } from "@/lib/badges/grant";
import { onReviewPublished, publishedBadges } from "./published";
import { uniqueSlug, urlSlug } from "@/lib/slug";
import { hotScore } from "./hot";
import { ReviewInput } from "./schemas";
import { replaceTags } from "./store";

// Path words under /reviews/ that a slug must not take.
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(["new", "drafts"]);

/** Creates a review as a draft or published, with its first revision. */
export function createReview(db: DB, authorId: string, raw: unknown, now = new Date()) {
  const input = ReviewInput.parse(raw);
  const rendered = renderMarkdown(input.body, { mentions: knownMentions(db, input.body) });
  const publish = input.intent === "publish";
  return writeTx(db, (tx) => {
    const filmId = resolveFilm(tx, input.film);
    const slug = uniqueSlug(urlSlug(input.title) || "review", (s) =>
      RESERVED_SLUGS.has(s) || !!tx.select({ id: posts.id }).from(posts).where(eq(posts.slug, s)).get(),
    );
    const status = publish ? "published" : "draft";
    const counted = publish ? onReviewPublished(tx, authorId, { id: null, score: input.score, hasSpoilers: input.hasSpoilers }, now) : null;
    const post = tx
      .insert(posts)
      .values({
        slug,
        authorId,
        filmId,
        title: input.title,
        bodyMd: input.body,
        bodyHtml: rendered.html,
        rendererVersion: RENDERER_VERSION,
        excerpt: rendered.excerpt,
        score: input.score,
        hasSpoilers: input.hasSpoilers,
        status,
        wordCount: rendered.words,
        readingMinutes: rendered.readingMinutes,
        publishedAt: publish ? now : null,
        hotScore: publish ? hotScore(0, now) : 0,
        firstReview: counted?.first ?? false,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: posts.id, slug: posts.slug, status: posts.status, filmId: posts.filmId })
      .get();
    replaceTags(tx, post.id, input.tags);
    tx.insert(postRevisions)
      .values({
        postId: post.id,
        number: 1,
        editorId: authorId,
        reason: null,
        title: input.title,
        bodyMd: input.body,
        score: input.score,
        tags: input.tags,
        filmId,
        hasSpoilers: input.hasSpoilers,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    adjustFilmStats(tx, filmId, filmContribution({ status, score: input.score }));
    let badges: Earned[] = [];
    if (counted) {
      notifyMentions(tx, rendered.mentioned, { actorId: authorId, postId: post.id }, now);
      badges = publishedBadges(tx, authorId, { id: post.id, score: input.score, hasSpoilers: input.hasSpoilers }, counted.reviewCount, now);
    }
    return { ...post, newcomerFlipped: counted?.flipped ? [authorId] : [], badges };
  });
}
