import { expect } from "@playwright/test";
import { createMembers, type MemberE2E } from "./helpers";
import { comment, newFilm, newTag, publish, reviewBody, stem, test, vote, type Review } from "./helpers/invalidation-kit";
import { byTestId, card, expectFresh, expectUntouched, main, memberComment, n, profileCounts, rankingPages, rankOf, rankRow, snapshot, unrelatedPages, warm, type State, type Target } from "./helpers/invalidation-pages";

// Exact invalidation after an upvote on a review or a comment, or one taken back: the pages that
// show what changed render afresh on the very next request, for every reader, and the pages it does
// not touch go on being served from the cache. How a journey warms, writes and checks:
// tests/e2e/helpers/invalidation-kit.ts.

// Each journey loads a dozen pages as four readers; the machine may be busy.
test.describe.configure({ timeout: 180_000 });

/** A review by a new member, and the pages an upvote on it changes, showing `count` upvotes. */
function reviewVoteTargets(review: Review, tag: string, author: MemberE2E, voter: MemberE2E, count: number): Target[] {
  const state = (k: number): State => ({ checks: [{ what: "its card", in: card(review.title), has: n(k, "upvote", "upvotes") }] });
  const other = count === 1 ? 0 : 1;
  return [
    { url: `/reviews/${review.slug}`, before: { checks: [{ what: "the count", in: byTestId(`count-r${review.id}`), has: n(other, "upvote", "upvotes") }] }, after: { checks: [{ what: "the count", in: byTestId(`count-r${review.id}`), has: n(count, "upvote", "upvotes") }] } },
    {
      url: `/reviews/${review.slug}/upvotes`,
      before: { checks: [{ what: "total", in: byTestId("voters-total"), has: other ? "1 upvote." : "No upvotes yet." }, { what: "the voters", in: main, ...(other ? { has: voter.name } : { hasNot: voter.name }) }] },
      after: { checks: [{ what: "total", in: byTestId("voters-total"), has: count ? "1 upvote." : "No upvotes yet." }, { what: "the voters", in: main, ...(count ? { has: voter.name } : { hasNot: voter.name }) }] },
    },
    { url: "/feed/new", before: state(other), after: state(count) },
    { url: "/", before: state(other), after: state(count) },
    { url: `/films/${review.filmSlug}`, before: state(other), after: state(count) },
    { url: `/tags/${tag}`, before: state(other), after: state(count) },
    {
      url: `/u/${author.username}`,
      before: { checks: [...state(other).checks, { what: "counts", in: profileCounts, has: n(other, "upvote received", "upvotes received") }] },
      after: { checks: [...state(count).checks, { what: "counts", in: profileCounts, has: n(count, "upvote received", "upvotes received") }] },
    },
    {
      url: `/u/${author.username}/badges`,
      before: { checks: [{ what: "upvotes ladder", in: byTestId("progress-upvotes"), has: `${other} / 10` }] },
      after: { checks: [{ what: "upvotes ladder", in: byTestId("progress-upvotes"), has: `${count} / 10` }] },
    },
  ];
}

test("upvoting a review: the review, its film, the feeds, the author's profile and board and the Ranking count it; the voter's profile and the rest stay cached", async ({ kit, request }) => {
  const [author, voter] = createMembers("upr", 2) as [MemberE2E, MemberE2E];
  const [a, v] = [await kit.session(author), await kit.session(voter)];
  const tag = newTag();
  const review = await publish(a, { title: `Paper moon ${stem("upr")}`, film: newFilm(), tags: [tag], score: 8, body: reviewBody("a paper moon") });
  const readers = await kit.readers(v);

  expect((await rankOf(a, "upvotes", "all")).rank, "no upvotes received yet").toBeNull();
  const targets = reviewVoteTargets(review, tag, author, voter, 1);
  const ranking = rankingPages("upvotes", "all").map((url): Target => ({ url, before: { checks: [{ what: "the page", in: main, hasNot: author.name }] } }));
  await warm(request, readers, [...targets, ...ranking]);
  const untouched = await snapshot(request, [...unrelatedPages(), `/u/${voter.username}`, "/badges"]);

  await vote(v, "review", review.id, "up");
  const ranked = await rankOf(a, "upvotes", "all");
  expect(ranked.rank).not.toBeNull();
  await expectFresh(readers, [...targets, { url: ranked.href, after: { checks: [{ what: "the author's row", in: rankRow(author.name), has: n(1, "upvote", "upvotes") }] } }], "an upvote on a review");
  await expectUntouched(request, v, untouched, "an upvote on a review");
});

test("taking back an upvote on a review: every page that counted it counts it no more; the voter's profile and the rest stay cached", async ({ kit, request }) => {
  const [author, voter] = createMembers("und", 2) as [MemberE2E, MemberE2E];
  const [a, v] = [await kit.session(author), await kit.session(voter)];
  const tag = newTag();
  const review = await publish(a, { title: `Glass harp ${stem("und")}`, film: newFilm(), tags: [tag], score: 5, body: reviewBody("a glass harp") });
  await vote(v, "review", review.id, "up");
  const readers = await kit.readers(v);

  const ranked = await rankOf(a, "upvotes", "all");
  expect(ranked.rank, "the author is in the upvotes ranking").not.toBeNull();
  const targets = reviewVoteTargets(review, tag, author, voter, 0);
  targets.push({
    url: ranked.href,
    before: { checks: [{ what: "the author's row", in: rankRow(author.name), has: n(1, "upvote", "upvotes") }] },
    after: { checks: [{ what: "the page", in: main, hasNot: author.name }] },
  });
  await warm(request, readers, targets);
  const untouched = await snapshot(request, [...unrelatedPages(), `/u/${voter.username}`, "/badges"]);

  await vote(v, "review", review.id, "none");
  expect((await rankOf(a, "upvotes", "all")).rank, "no upvotes left").toBeNull();
  await expectFresh(readers, targets, "taking back an upvote");
  await expectUntouched(request, v, untouched, "taking back an upvote");
});

test("upvoting a comment: its thread, its permalink, its author's profile, comments and board and the Ranking count it; the review's lists stay cached", async ({ kit, request }) => {
  const [author, commenter, voter] = createMembers("upc", 3) as [MemberE2E, MemberE2E, MemberE2E];
  const [a, b, v] = [await kit.session(author), await kit.session(commenter), await kit.session(voter)];
  const tag = newTag();
  const review = await publish(a, { title: `Wind farm ${stem("upc")}`, film: newFilm(), tags: [tag], score: 7, body: reviewBody("a wind farm") });
  const text = `The turbines keep time better than the score ${stem("upc")}`;
  const id = await comment(b, review.id, text);
  const readers = await kit.readers(v);

  const count = (k: number): State => ({ checks: [{ what: "the count", in: byTestId(`count-c${id}`), has: n(k, "upvote", "upvotes") }] });
  const targets: Target[] = [
    { url: `/reviews/${review.slug}`, before: count(0), after: count(1) },
    { url: `/comments/${id}`, before: count(0), after: count(1) },
    { url: `/comments/${id}/upvotes`, before: { checks: [{ what: "total", in: byTestId("voters-total"), has: "No upvotes yet." }] }, after: { checks: [{ what: "total", in: byTestId("voters-total"), has: "1 upvote." }, { what: "the voters", in: main, has: voter.name }] } },
    {
      url: `/u/${commenter.username}`,
      before: { checks: [{ what: "counts", in: profileCounts, has: n(0, "upvote received", "upvotes received") }] },
      after: { checks: [{ what: "counts", in: profileCounts, has: n(1, "upvote received", "upvotes received") }] },
    },
    { url: `/u/${commenter.username}/comments`, before: { checks: [{ what: "the comment", in: memberComment(text), has: n(0, "upvote", "upvotes") }] }, after: { checks: [{ what: "the comment", in: memberComment(text), has: n(1, "upvote", "upvotes") }] } },
    { url: `/u/${commenter.username}/badges`, before: { checks: [{ what: "upvotes ladder", in: byTestId("progress-upvotes"), has: "0 / 10" }] }, after: { checks: [{ what: "upvotes ladder", in: byTestId("progress-upvotes"), has: "1 / 10" }] } },
  ];
  const ranking = rankingPages("upvotes", "all").map((url): Target => ({ url, before: { checks: [{ what: "the page", in: main, hasNot: commenter.name }] } }));
  await warm(request, readers, [...targets, ...ranking]);
  // A card counts the review's upvotes and comments, not a comment's upvotes.
  const untouched = await snapshot(request, [...unrelatedPages(), "/feed/new", `/films/${review.filmSlug}`, `/tags/${tag}`, `/u/${author.username}`, `/u/${voter.username}`, "/badges"]);

  await vote(v, "comment", id, "up");
  const ranked = await rankOf(b, "upvotes", "all");
  expect(ranked.rank).not.toBeNull();
  await expectFresh(readers, [...targets, { url: ranked.href, after: { checks: [{ what: "the commenter's row", in: rankRow(commenter.name), has: n(1, "upvote", "upvotes") }] } }], "an upvote on a comment");
  await expectUntouched(request, v, untouched, "an upvote on a comment");
});
