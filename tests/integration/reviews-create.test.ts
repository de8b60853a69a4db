import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createReview } from "@/lib/reviews/create-review";
import { checkHtml } from "@/tests/fixtures/hostile-markdown/oracle";
import { thrown } from "../helpers/errors";
import { makeAgedUser } from "../helpers/comments";
import { allCounterDrift } from "../helpers/votes";
import { perTestDb, ctxAs } from "../helpers/db";
import { T0, countersOf, expectDomainError, makeUser, reviewForm, rowById, snapshot, rows } from "../helpers/reviews";

describe("createReview", () => {
  const t = perTestDb();

  it("publishes: the post, its tags, revision #1 and the film with its counters", async () => {
    const author = await makeUser(t.db, "mara");
    const body = `Zither music over **rubble**. ${"word ".repeat(453)}`; // 4 + 453 = 457 words → 2 minutes
    const result = await createReview(ctxAs(t.db, author, T0), reviewForm({ body, tags: "Noir, #vienna" }));
    // A week-young account stays new after its first review. Publishing a first review, and a
    // scored one, earns "First review" and "Out of ten".
    expect(result).toEqual({
      id: expect.any(Number),
      slug: "harry-lime-s-vienna",
      status: "published",
      filmId: expect.any(Number),
      newcomerFlipped: [],
      badges: [
        { userId: author.id, slug: "reviews-1", reviewId: result.id, commentId: null },
        { userId: author.id, slug: "first-scored-review", reviewId: result.id, commentId: null },
      ],
      changes: expect.any(Object),
    });

    const [review, ...otherReviews] = await rows(t.db, "posts");
    expect(otherReviews).toEqual([]);
    expect(review).toMatchObject({
      id: result.id,
      slug: "harry-lime-s-vienna",
      author_id: author.id,
      film_id: result.filmId,
      title: "Harry Lime's Vienna",
      body_md: body,
      renderer_version: 2,
      score: 8,
      has_spoilers: 0,
      status: "published",
      word_count: 457,
      reading_minutes: 2,
      published_at: T0.getTime(),
      edited_at: null,
      edited_after_comments: null,
      revision_count: 1,
      upvote_count: 0,
      comment_count: 0,
      view_count: 0,
      first_review: 1, // a newcomer's first published review
      created_at: T0.getTime(),
      updated_at: T0.getTime(),
    });
    expect((await rows(t.db, "users")).map(({ review_count, comment_count, is_new }) => ({ review_count, comment_count, is_new }))).toEqual([
      { review_count: 1, comment_count: 0, is_new: 1 },
    ]);
    expect(review?.hot_score).toBeCloseTo(Math.log10(1) + T0.getTime() / 1000 / 45000, 9);
    expect(review?.body_html).toMatch(/^<p>Zither music over <strong>rubble<\/strong>\. word word/);
    expect(review?.excerpt).toMatch(/^Zither music over rubble\. word word .*…$/);
    expect((review?.excerpt as string).length).toBeLessThanOrEqual(281);

    expect(await rows(t.db, "post_tags")).toEqual([
      { post_id: result.id, tag: "noir" },
      { post_id: result.id, tag: "vienna" },
    ]);
    expect(await rows(t.db, "post_revisions")).toEqual([
      {
        id: expect.any(Number),
        post_id: result.id,
        number: 1,
        editor_id: author.id,
        reason: null,
        title: "Harry Lime's Vienna",
        body_md: body,
        score: 8,
        tags: JSON.stringify(["noir", "vienna"]),
        film_id: result.filmId,
        has_spoilers: 0,
        created_at: T0.getTime(),
        updated_at: T0.getTime(),
      },
    ]);
    expect(await rows(t.db, "films")).toEqual([
      expect.objectContaining({ id: result.filmId, slug: "the-third-man-1949", title: "The Third Man", title_key: "the third man", year: 1949, review_count: 1, score_sum: 8, score_count: 1 }),
    ]);
  });

  it("counts reading time as words / 230 rounded up", async () => {
    const author = await makeUser(t.db, "mara");
    const cases = [[1, 1], [230, 1], [231, 2], [460, 2], [461, 3]] as const;
    for (const [words, minutes] of cases) {
      const { id } = await createReview(ctxAs(t.db, author, T0), reviewForm({ title: `w${words}`, body: "word ".repeat(words) }));
      expect(await rowById(t.db, "posts", id)).toMatchObject({ word_count: words, reading_minutes: minutes });
    }
  });

  it("counts each published review (a draft not): the third of a month-old account ends its newcomer marker", async () => {
    const author = await makeAgedUser(t.db, "mara", 30);
    const marked = async () => (await rows(t.db, "users")).map(({ review_count, is_new }) => ({ review_count, is_new }));
    const publish = (title: string, intent = "publish") => createReview(ctxAs(t.db, author, T0), reviewForm({ title, intent }));
    expect((await publish("Draft", "draft")).newcomerFlipped).toEqual([]);
    expect(await marked()).toEqual([{ review_count: 0, is_new: 1 }]);
    expect([await publish("One"), await publish("Two")].map((r) => r.newcomerFlipped)).toEqual([[], []]);
    expect(await marked()).toEqual([{ review_count: 2, is_new: 1 }]);
    expect((await publish("Three")).newcomerFlipped).toEqual([author.id]);
    expect(await marked()).toEqual([{ review_count: 3, is_new: 0 }]);
    expect((await publish("Four")).newcomerFlipped).toEqual([]);
    // Only the first published review is a newcomer's first; a draft is not one.
    expect((await rows(t.db, "posts")).map((p) => [p.title, p.first_review])).toEqual([["Draft", 0], ["One", 1], ["Two", 0], ["Three", 0], ["Four", 0]]);
    expect(await allCounterDrift(t.db, T0)).toEqual([]);
  });

  it("saves a draft: no publication time, no hot score, film counters untouched", async () => {
    const author = await makeUser(t.db, "mara");
    const { id, filmId, status } = await createReview(ctxAs(t.db, author, T0), reviewForm({ intent: "draft", body: "", score: "6" }));
    expect(status).toBe("draft");
    expect(await rowById(t.db, "posts", id)).toMatchObject({ status: "draft", published_at: null, hot_score: 0, body_md: "", body_html: "", excerpt: "", word_count: 0, reading_minutes: 0, score: 6 });
    expect(await countersOf(t.db, filmId)).toEqual({ reviewCount: 0, scoreSum: 0, scoreCount: 0 });
    expect(await rows(t.db, "post_revisions")).toEqual([expect.objectContaining({ post_id: id, number: 1, score: 6, body_md: "" })]);
    expect((await rows(t.db, "post_tags")).map((r) => r.tag)).toEqual(["noir", "vienna"]);
  });

  it("adds up the counters of a film over several reviews, unscored ones counting as reviews only", async () => {
    const [a, b] = [await makeUser(t.db, "mara"), await makeUser(t.db, "femi")];
    const first = await createReview(ctxAs(t.db, a, T0), reviewForm({ score: "8" }));
    await createReview(ctxAs(t.db, b, T0), reviewForm({ filmId: String(first.filmId), score: "5" }));
    await createReview(ctxAs(t.db, b, T0), reviewForm({ filmId: String(first.filmId), score: "" }));
    await createReview(ctxAs(t.db, b, T0), reviewForm({ filmId: String(first.filmId), score: "10", intent: "draft" }));
    expect(await countersOf(t.db, first.filmId)).toEqual({ reviewCount: 3, scoreSum: 13, scoreCount: 2 });
  });

  it("stores the spoiler flag, and keeps inline spoiler text out of the excerpt", async () => {
    const author = await makeUser(t.db, "mara");
    const { id } = await createReview(ctxAs(t.db, author, T0), reviewForm({ hasSpoilers: "on", body: "Great ending: >!Harry dies in the sewer!<" }));
    const review = await rowById(t.db, "posts", id);
    expect(review).toMatchObject({ has_spoilers: 1, excerpt: "Great ending: [spoiler]" });
    expect(review?.body_html).toContain('<span class="spoiler" tabindex="0">Harry dies in the sewer</span>');
    expect((await rows(t.db, "post_revisions"))[0]).toMatchObject({ has_spoilers: 1 });
  });

  it("stores a hostile body harmless: no script, no javascript: link, no event handler", async () => {
    const author = await makeUser(t.db, "mara");
    const body = [
      "<script>alert(1)</script>",
      "[x](javascript:alert(1)) and [y](JaVaScRiPt:alert(2)) and [z](data:text/html,<b>hi</b>)",
      '<img src=x onerror=alert(1)> <a href="javascript:alert(3)">click</a>',
      "[fine](https://example.com/x)",
    ].join("\n\n");
    const { id } = await createReview(ctxAs(t.db, author, T0), reviewForm({ body }));
    const review = (await rowById(t.db, "posts", id))!;
    const html = review.body_html as string;
    expect(checkHtml(html)).toEqual([]);
    // Every real tag (text "<" is escaped as &#x3C;): no script, no image, no handler, one safe link.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((tag) => /^<(?:script|img)|\son\w+=|javascript:|data:/i.test(tag))).toEqual([]);
    expect(html).toContain('<a href="https://example.com/x" rel="nofollow ugc noopener">fine</a>');
    expect(html.match(/<a\s/g)).toHaveLength(1);
    expect(review.body_md).toBe(body); // the source is kept as typed; only the HTML is cleaned
  });

  it("refuses invalid input with a ZodError and writes nothing", async () => {
    const author = await makeUser(t.db, "mara");
    const before = await snapshot(t.db);
    const err = await thrown(() => createReview(ctxAs(t.db, author, T0), reviewForm({ title: "", score: "11", tags: "c#" })));
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues.map((i) => i.path.join(".")).sort()).toEqual(["score", "tags", "title"]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses an unknown film id as Invalid on \"film\" and writes nothing", async () => {
    const author = await makeUser(t.db, "mara");
    await createReview(ctxAs(t.db, author, T0), reviewForm());
    const before = await snapshot(t.db);
    const err = await expectDomainError(() => createReview(ctxAs(t.db, author, T0), reviewForm({ filmId: "999", title: "Other" })), "Invalid", 422, ["film"]);
    expect(err.fieldErrors.film).toEqual(["That film is not in Marquee. Choose one from the list or add it."]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("gives a repeated title the next free slug, and the same form sent twice makes two reviews", async () => {
    const author = await makeUser(t.db, "mara");
    const slugs: string[] = [];
    for (let i = 0; i < 3; i++) slugs.push((await createReview(ctxAs(t.db, author, T0), reviewForm({ title: "Noir!" }))).slug);
    expect(slugs).toEqual(["noir", "noir-2", "noir-3"]);
    expect((await rows(t.db, "posts")).map((p) => p.slug)).toEqual(slugs);
    expect(await rows(t.db, "post_revisions")).toHaveLength(3);
  });

  it("keeps reserved words, symbol-only titles and long titles to usable slugs", async () => {
    const author = await makeUser(t.db, "mara");
    const slug = async (title: string) => (await createReview(ctxAs(t.db, author, T0), reviewForm({ title }))).slug;
    expect(await slug("New")).toBe("new-2");
    expect(await slug("DRAFTS")).toBe("drafts-2");
    expect(await slug("new")).toBe("new-3");
    expect(await slug("!!! ???")).toBe("review");
    expect(await slug("!!!")).toBe("review-2");
    expect(await slug("Amélie: a Love Letter to Montmartre")).toBe("amelie-a-love-letter-to-montmartre");
    const long = await slug(`${"very long title ".repeat(10)}`);
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^very-long-title-[a-z-]*[a-z]$/);
  });
});
