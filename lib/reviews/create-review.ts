import { eq } from "drizzle-orm";
import { reviewRevisions, reviews } from "@/db/schema";
import { reviewListed } from "@/lib/cache/changes";
import { actorOf, type Ctx } from "@/lib/context";
import { resolveFilm } from "@/lib/films/resolve-film";
import { RENDERER_VERSION, renderMarkdown } from "@/lib/markdown/render";
import { uniqueSlugAsync, urlSlug } from "@/lib/slug";
import { knownMentions } from "@/lib/users/mentions";
import { write } from "@/lib/write";
import { hotScore } from "./hot";
import { ReviewInput } from "./schemas";
import { flippedSince, newcomerMarks, replaceTags } from "./store";
import { first, one } from "@/db/query";

// Path words under /reviews/ that a slug must not take.
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(["new", "drafts"]);

/** Creates a review by the acting member, as a draft or published, with its first revision. */
export async function createReview(ctx: Ctx, raw: unknown) {
  const actor = actorOf(ctx, "Please sign in to write a review. Your text is kept below.");
  const input = ReviewInput.parse(raw);
  const rendered = renderMarkdown(input.body, { mentions: await knownMentions(ctx.db, input.body) });
  const publish = input.intent === "publish";
  const status = publish ? "published" : "draft";
  return write(ctx, async (w) => {
    const filmId = await resolveFilm(w, input.film);
    const slug = await uniqueSlugAsync(urlSlug(input.title) || "review", async (s) =>
      RESERVED_SLUGS.has(s) || !!(await first(w.tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.slug, s)))),
    );
    const review = await one(w.tx
      .insert(reviews)
      .values({
        slug,
        authorId: actor.id,
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
        publishedAt: publish ? w.now : null,
        hotScore: publish ? hotScore(0, w.now) : 0,
        createdAt: w.now,
        updatedAt: w.now,
      })
      .returning({ id: reviews.id, slug: reviews.slug, status: reviews.status, filmId: reviews.filmId }));
    await replaceTags(w.tx, review.id, input.tags);
    await w.tx
      .insert(reviewRevisions)
      .values({
        reviewId: review.id,
        number: 1,
        editorId: actor.id,
        reason: null,
        title: input.title,
        bodyMd: input.body,
        score: input.score,
        tags: input.tags,
        filmId,
        hasSpoilers: input.hasSpoilers,
        createdAt: w.now,
        updatedAt: w.now,
      });
    // A draft is shown nowhere but to its author's editor.
    let newcomerFlipped: string[] = [];
    if (publish) {
      const marks = await newcomerMarks(w.tx, [actor.id]);
      reviewListed(w.changes, { id: review.id, filmId, authorId: actor.id, tags: input.tags });
      await w.emit("review.published", {
        reviewId: review.id,
        authorId: actor.id,
        actorId: actor.id,
        filmId,
        score: input.score,
        hasSpoilers: input.hasSpoilers,
        mentioned: rendered.mentioned,
      });
      newcomerFlipped = await flippedSince(w.tx, marks);
    }
    return { ...review, newcomerFlipped, badges: [...w.earned] };
  });
}
