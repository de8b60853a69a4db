import { expect } from "@playwright/test";
import { createMembers, type MemberE2E } from "./helpers";
import { comment, editReview, newFilm, newTag, publish, reviewBody, send, slugOf, stem, test, type Draft } from "./helpers/invalidation-kit";
import { byTestId, card, expectFresh, expectUntouched, filmStats, h1, main, memberComment, n, profileCounts, rankingPages, rankOf, rankRow, snapshot, unrelatedPages, warm, type State, type Target } from "./helpers/invalidation-pages";

// Exact invalidation after a review is published, edited or deleted: the pages that show what
// changed render afresh on the very next request, for every reader, and the pages it does not touch
// go on being served from the cache. How a journey warms, writes and checks:
// tests/e2e/helpers/invalidation-kit.ts.

// Each journey loads a dozen pages as four readers; the machine may be busy.
test.describe.configure({ timeout: 180_000 });

test("publishing a review: the feeds, its film and tags, the author's profile and board and the Ranking show it at once; nothing else renders again", async ({ kit, request }) => {
  const [author] = createMembers("pub") as [MemberE2E];
  const a = await kit.session(author);
  const film = newFilm();
  const tag = newTag();
  const newTagOnly = newTag();
  // An earlier review of the same film under the same tag, so their pages exist (and hold the author's first badges).
  const earlier = await publish(a, { title: `Opening night ${stem("pub")}`, film, tags: [tag], score: 7, body: reviewBody("the first visit") });
  const draft: Draft = { title: `Second look ${stem("pub")}`, film, tags: [tag, newTagOnly], score: 9, body: reviewBody("a second visit, kinder") };
  const slug = slugOf(draft.title);
  const readers = await kit.readers(a);

  const ranked = await rankOf(a, "reviews", "month");
  expect(ranked.rank, "the author is in this month's reviews ranking").not.toBeNull();
  const ranking = rankingPages("reviews", "month");
  const listed = (title: string): State => ({ checks: [{ what: "its card", in: card(title), has: `${film.title} (${film.year})` }] });
  const unlisted: State = { checks: [{ what: "the page", in: main, hasNot: draft.title }] };
  const targets: Target[] = [
    // A slug nobody has yet answers a cached 404 until a review takes it.
    { url: `/reviews/${slug}`, before: { status: 404, checks: [] }, after: { checks: [{ what: "title", in: h1, has: draft.title }, { what: "body", in: main, has: "a second visit, kinder" }] } },
    { url: "/feed/new", before: unlisted, after: listed(draft.title) },
    { url: "/", before: unlisted, after: listed(draft.title) },
    {
      url: `/films/${earlier.filmSlug}`,
      before: { checks: [...unlisted.checks, { what: "review count", in: filmStats, has: n(1, "review", "reviews") }] },
      after: { checks: [{ what: "its card", in: card(draft.title), has: draft.title }, { what: "review count", in: filmStats, has: n(2, "review", "reviews") }] },
    },
    { url: `/tags/${tag}`, before: unlisted, after: { checks: [{ what: "its card", in: card(draft.title), has: draft.title }, { what: "the earlier card", in: card(earlier.title), has: earlier.title }] } },
    // A tag no review had yet: a cached 404 until now.
    { url: `/tags/${newTagOnly}`, before: { status: 404, checks: [] }, after: { checks: [{ what: "its card", in: card(draft.title), has: draft.title }] } },
    {
      url: `/u/${author.username}`,
      before: { checks: [...unlisted.checks, { what: "counts", in: profileCounts, has: n(1, "review", "reviews") }] },
      after: { checks: [{ what: "its card", in: card(draft.title), has: draft.title }, { what: "counts", in: profileCounts, has: n(2, "review", "reviews") }] },
    },
    { url: `/u/${author.username}/badges`, before: { checks: [{ what: "reviews ladder", in: byTestId("progress-reviews"), has: "1 / 5" }] }, after: { checks: [{ what: "reviews ladder", in: byTestId("progress-reviews"), has: "2 / 5" }] } },
    ...ranking.map((url) => (url === ranked.href ? { url, before: { checks: [{ what: "the author's row", in: rankRow(author.name), has: n(1, "review", "reviews") }] } } : { url })),
  ];
  await warm(request, readers, targets);
  // No badge is earned (the first review already earned those), so the catalog stays as it is.
  const untouched = await snapshot(request, [...unrelatedPages(), "/badges"]);

  const published = await publish(a, draft);
  expect(published.slug, "the slug the page was warmed at").toBe(slug);
  const after = await rankOf(a, "reviews", "month");
  await expectFresh(
    readers,
    [...targets.filter((t) => !t.url.startsWith("/ranking")), { url: after.href, after: { checks: [{ what: "the author's row", in: rankRow(author.name), has: n(2, "review", "reviews") }] } }],
    "publishing a review",
  );
  await expectUntouched(request, a, untouched, "publishing a review");
});

test("editing a review's title, body and score: its page, every list showing it and its commenters' profiles show the edit; nothing else renders again", async ({ kit, request }) => {
  const [author, commenter] = createMembers("edr", 2) as [MemberE2E, MemberE2E];
  const [a, b] = [await kit.session(author), await kit.session(commenter)];
  const film = newFilm();
  const tag = newTag();
  const original: Draft = { title: `Before the cut ${stem("edr")}`, film, tags: [tag], score: 8, body: reviewBody("the theatrical version") };
  const review = await publish(a, original);
  const remark = `The lighthouse scene carries it ${stem("edr")}`;
  const commentId = await comment(b, review.id, remark);
  // A first edit earns "Second thoughts", so the edit under test earns nothing.
  await editReview(a, review, { ...original, body: `${original.body} Seen again in a bigger room.` });
  const edited: Draft = { ...original, title: `After the cut ${stem("edr")}`, score: 3, body: reviewBody("the longer cut, which drags") };
  const readers = await kit.readers(a);

  const oldTitle = original.title;
  const newTitle = edited.title;
  const inList = (title: string, gone?: string): State => ({ checks: [{ what: "its card", in: card(title), has: title }, ...(gone ? [{ what: "the page", in: main, hasNot: gone }] : [])] });
  const targets: Target[] = [
    {
      url: `/reviews/${review.slug}`,
      before: {
        checks: [
          { what: "title", in: h1, has: oldTitle },
          { what: "score", in: (p) => p.getByRole("img", { name: /^Score: / }), has: "8/10" },
          { what: "body", in: main, has: "the theatrical version" },
          { what: "comments heading", in: byTestId("comments-heading"), has: oldTitle },
        ],
      },
      after: {
        checks: [
          { what: "title", in: h1, has: newTitle, hasNot: oldTitle },
          { what: "score", in: (p) => p.getByRole("img", { name: /^Score: / }), has: "3/10" },
          { what: "body", in: main, has: "the longer cut, which drags", hasNot: "the theatrical version" },
          { what: "comments heading", in: byTestId("comments-heading"), has: newTitle },
        ],
      },
    },
    { url: `/comments/${commentId}`, before: { checks: [{ what: "title", in: h1, has: oldTitle }] }, after: { checks: [{ what: "title", in: h1, has: newTitle, hasNot: oldTitle }] } },
    { url: "/feed/new", before: inList(oldTitle), after: inList(newTitle, oldTitle) },
    { url: `/films/${review.filmSlug}`, before: inList(oldTitle), after: inList(newTitle, oldTitle) },
    { url: `/tags/${tag}`, before: inList(oldTitle), after: inList(newTitle, oldTitle) },
    { url: `/u/${author.username}`, before: inList(oldTitle), after: inList(newTitle, oldTitle) },
    // The commenter's comments say which review each is on; their board, which review earned a badge.
    {
      url: `/u/${commenter.username}/comments`,
      before: { checks: [{ what: "their comment", in: memberComment(remark), has: `On ${oldTitle}` }] },
      after: { checks: [{ what: "their comment", in: memberComment(remark), has: `On ${newTitle}` }, { what: "the page", in: main, hasNot: oldTitle }] },
    },
    {
      url: `/u/${commenter.username}/badges`,
      before: { checks: [{ what: "what earned “First comment”", in: main, has: `a comment on “${oldTitle}”` }] },
      after: { checks: [{ what: "what earned “First comment”", in: main, has: `a comment on “${newTitle}”`, hasNot: oldTitle }] },
    },
  ];
  await warm(request, readers, targets);
  const untouched = await snapshot(request, [...unrelatedPages(), "/badges", "/ranking"]);

  await editReview(a, review, edited);
  await expectFresh(readers, targets, "editing a review");
  await expectUntouched(request, a, untouched, "editing a review");
});

test("deleting a review: its page answers 410, and it leaves the feeds, its film and tag, its author's profile, its commenters' profiles and the Ranking; nothing else renders again", async ({ kit, request }) => {
  const [author, commenter] = createMembers("delr", 2) as [MemberE2E, MemberE2E];
  const [a, b] = [await kit.session(author), await kit.session(commenter)];
  const film = newFilm();
  const tag = newTag();
  const doomed = await publish(a, { title: `Soon gone ${stem("delr")}`, film, tags: [tag], score: 6, body: reviewBody("a review about to go") });
  const kept = await publish(a, { title: `Still here ${stem("delr")}`, film, tags: [tag], score: 7, body: reviewBody("a review that stays") });
  const remark = `The harbour shot is the whole film ${stem("delr")}`;
  const commentId = await comment(b, doomed.id, remark);
  const readers = await kit.readers(a);

  const ranked = await rankOf(a, "reviews", "month");
  const ranking = rankingPages("reviews", "month");
  const both: State = { checks: [{ what: "the deleted one's card", in: card(doomed.title), has: doomed.title }, { what: "the kept one's card", in: card(kept.title), has: kept.title }] };
  const onlyKept: State = { checks: [{ what: "the kept one's card", in: card(kept.title), has: kept.title }, { what: "the page", in: main, hasNot: doomed.title }] };
  const targets: Target[] = [
    { url: `/reviews/${doomed.slug}`, before: { checks: [{ what: "title", in: h1, has: doomed.title }] }, after: { status: 410, checks: [{ what: "the page", in: main, has: "This review was deleted", hasNot: doomed.title }] } },
    { url: `/comments/${commentId}`, before: { checks: [{ what: "title", in: h1, has: doomed.title }] }, after: { status: 410, checks: [{ what: "the page", in: main, has: "This review was deleted", hasNot: remark }] } },
    { url: "/feed/new", before: both, after: onlyKept },
    {
      url: `/films/${doomed.filmSlug}`,
      before: { checks: [...both.checks, { what: "review count", in: filmStats, has: n(2, "review", "reviews") }] },
      after: { checks: [...onlyKept.checks, { what: "review count", in: filmStats, has: n(1, "review", "reviews") }] },
    },
    { url: `/tags/${tag}`, before: both, after: onlyKept },
    {
      url: `/u/${author.username}`,
      before: { checks: [...both.checks, { what: "counts", in: profileCounts, has: n(2, "review", "reviews") }] },
      after: { checks: [...onlyKept.checks, { what: "counts", in: profileCounts, has: n(1, "review", "reviews") }] },
    },
    {
      url: `/u/${commenter.username}`,
      before: { checks: [{ what: "counts", in: profileCounts, has: n(1, "comment", "comments") }] },
      after: { checks: [{ what: "counts", in: profileCounts, has: n(0, "comment", "comments") }] },
    },
    {
      url: `/u/${commenter.username}/comments`,
      before: { checks: [{ what: "their comment", in: memberComment(remark), has: `On ${doomed.title}` }] },
      after: { checks: [{ what: "the page", in: main, hasNot: remark }] },
    },
    ...ranking.map((url) => (url === ranked.href ? { url, before: { checks: [{ what: "the author's row", in: rankRow(author.name), has: n(2, "review", "reviews") }] } } : { url })),
  ];
  await warm(request, readers, targets);
  const untouched = await snapshot(request, [...unrelatedPages(), "/badges"]);

  await send(a, `/api/reviews/${doomed.slug}/delete`);
  const after = await rankOf(a, "reviews", "month");
  await expectFresh(
    readers,
    [...targets.filter((t) => !t.url.startsWith("/ranking")), { url: after.href, after: { checks: [{ what: "the author's row", in: rankRow(author.name), has: n(1, "review", "reviews") }] } }],
    "deleting a review",
  );
  await expectUntouched(request, a, untouched, "deleting a review");
});
