import { expect } from "@playwright/test";
import { createMembers, type MemberE2E } from "./helpers";
import { comment, newFilm, newTag, publish, reviewBody, send, stem, test } from "./helpers/invalidation-kit";
import { byTestId, card, commentEl, expectFresh, expectUntouched, main, memberComment, n, profileCounts, snapshot, unrelatedPages, warm, type State, type Target } from "./helpers/invalidation-pages";

// Exact invalidation after a reply is posted, a comment edited or a comment deleted: the pages that
// show what changed render afresh on the very next request, for every reader, and the pages it does
// not touch go on being served from the cache. How a journey warms, writes and checks:
// tests/e2e/helpers/invalidation-kit.ts.

// Each journey loads a dozen pages as four readers; the machine may be busy.
test.describe.configure({ timeout: 180_000 });

test("posting a reply: the review, its thread, every card counting its comments and the participants' profiles show it; nothing else renders again", async ({ kit, request }) => {
  const [author, first, replier] = createMembers("rep", 3) as [MemberE2E, MemberE2E, MemberE2E];
  const [a, b, c] = [await kit.session(author), await kit.session(first), await kit.session(replier)];
  const tag = newTag();
  const review = await publish(a, { title: `Night train ${stem("rep")}`, film: newFilm(), tags: [tag], score: 8, body: reviewBody("a night train") });
  const parent = await comment(b, review.id, `The sleeper car is a stage set ${stem("rep")}`);
  await comment(a, review.id, `It was built in a hangar ${stem("rep")}`, parent);
  // The replier's first comment (and badge) comes before: the reply under test earns nothing.
  await comment(c, review.id, `The dining car scene is the best part ${stem("rep")}`);
  const reply = `The set creaks on purpose, listen for it ${stem("rep")}`;
  const readers = await kit.readers(c);

  const counted = (count: number): State => ({ checks: [{ what: "its card", in: card(review.title), has: n(count, "comment", "comments") }] });
  const targets: Target[] = [
    {
      url: `/reviews/${review.slug}`,
      before: { checks: [{ what: "comments heading", in: byTestId("comments-heading"), has: n(3, "comment", "comments") }, { what: "the thread", in: main, hasNot: reply }] },
      after: { checks: [{ what: "comments heading", in: byTestId("comments-heading"), has: n(4, "comment", "comments") }, { what: "the reply", in: commentEl(parent), has: reply }] },
    },
    { url: `/comments/${parent}`, before: { checks: [{ what: "the thread", in: main, hasNot: reply }] }, after: { checks: [{ what: "the reply", in: commentEl(parent), has: reply }] } },
    { url: "/feed/new", before: counted(3), after: counted(4) },
    { url: `/films/${review.filmSlug}`, before: counted(3), after: counted(4) },
    { url: `/tags/${tag}`, before: counted(3), after: counted(4) },
    // The participants: the review's author, the replier, and the author of the comment replied to.
    { url: `/u/${author.username}`, before: counted(3), after: counted(4) },
    { url: `/u/${replier.username}`, before: { checks: [{ what: "counts", in: profileCounts, has: n(1, "comment", "comments") }] }, after: { checks: [{ what: "counts", in: profileCounts, has: n(2, "comment", "comments") }] } },
    { url: `/u/${replier.username}/comments`, before: { checks: [{ what: "the page", in: main, hasNot: reply }] }, after: { checks: [{ what: "the reply", in: memberComment(reply), has: `On ${review.title}` }] } },
    {
      url: `/u/${first.username}/comments`,
      before: { checks: [{ what: "the comment replied to", in: memberComment("The sleeper car is a stage set"), has: n(1, "reply", "replies") }] },
      after: { checks: [{ what: "the comment replied to", in: memberComment("The sleeper car is a stage set"), has: n(2, "reply", "replies") }] },
    },
    {
      url: `/u/${first.username}/badges`,
      before: { checks: [{ what: "replies ladder", in: byTestId("progress-replies"), has: "1 / 10" }] },
      after: { checks: [{ what: "replies ladder", in: byTestId("progress-replies"), has: "2 / 10" }] },
    },
  ];
  await warm(request, readers, targets);
  const untouched = await snapshot(request, [...unrelatedPages(), "/badges", "/ranking"]);

  const id = await comment(c, review.id, reply, parent);
  expect(id).toBeGreaterThan(parent);
  await expectFresh(readers, targets, "posting a reply");
  await expectUntouched(request, c, untouched, "posting a reply");
});

test("editing a comment: its thread, its permalink and its author's comments show the new text; the review's lists and everything else stay cached", async ({ kit, request }) => {
  const [author, commenter] = createMembers("edc", 2) as [MemberE2E, MemberE2E];
  const [a, b] = [await kit.session(author), await kit.session(commenter)];
  const tag = newTag();
  const review = await publish(a, { title: `Harbour lights ${stem("edc")}`, film: newFilm(), tags: [tag], score: 7, body: reviewBody("a harbour at night") });
  const id = await comment(b, review.id, `The fog machine works overtime ${stem("edc")}`);
  // A first edit earns "Second thoughts", so the edit under test earns nothing.
  const before = `The fog is the best actor in it ${stem("edc")}`;
  await send(b, `/api/comments/${id}/edit`, { body: before });
  const after = `On a second look the fog is a stand-in for grief ${stem("edc")}`;
  const readers = await kit.readers(b);

  const targets: Target[] = [
    { url: `/reviews/${review.slug}`, before: { checks: [{ what: "the comment", in: commentEl(id), has: before }] }, after: { checks: [{ what: "the comment", in: commentEl(id), has: after, hasNot: before }] } },
    { url: `/comments/${id}`, before: { checks: [{ what: "the comment", in: commentEl(id), has: before }] }, after: { checks: [{ what: "the comment", in: commentEl(id), has: after, hasNot: before }] } },
    { url: `/u/${commenter.username}/comments`, before: { checks: [{ what: "the comment", in: main, has: before }] }, after: { checks: [{ what: "the comment", in: main, has: after, hasNot: before }] } },
  ];
  await warm(request, readers, targets);
  // Cards show a comment count, never a comment's text.
  const untouched = await snapshot(request, [...unrelatedPages(), "/feed/new", `/films/${review.filmSlug}`, `/tags/${tag}`, `/u/${author.username}`, "/badges", "/ranking"]);

  await send(b, `/api/comments/${id}/edit`, { body: after });
  await expectFresh(readers, targets, "editing a comment");
  await expectUntouched(request, b, untouched, "editing a comment");
});

test("deleting a comment: the review, the cards counting its comments and the participants' profiles drop it; nothing else renders again", async ({ kit, request }) => {
  const [author, first, replier] = createMembers("delc", 3) as [MemberE2E, MemberE2E, MemberE2E];
  const [a, d, b] = [await kit.session(author), await kit.session(first), await kit.session(replier)];
  const tag = newTag();
  const review = await publish(a, { title: `Salt flats ${stem("delc")}`, film: newFilm(), tags: [tag], score: 6, body: reviewBody("salt flats at noon") });
  const parentText = `The horizon line never moves ${stem("delc")}`;
  const parent = await comment(d, review.id, parentText);
  const doomed = `It moves once, in the last shot ${stem("delc")}`;
  const id = await comment(b, review.id, doomed, parent);
  const readers = await kit.readers(b);

  const counted = (count: number): State => ({ checks: [{ what: "its card", in: card(review.title), has: n(count, "comment", "comments") }] });
  const targets: Target[] = [
    {
      url: `/reviews/${review.slug}`,
      before: { checks: [{ what: "comments heading", in: byTestId("comments-heading"), has: n(2, "comment", "comments") }, { what: "the reply", in: commentEl(id), has: doomed }] },
      after: { checks: [{ what: "comments heading", in: byTestId("comments-heading"), has: `One response to “${review.title}”` }, { what: "the thread", in: main, hasNot: doomed }] },
    },
    { url: `/comments/${parent}`, before: { checks: [{ what: "the reply", in: commentEl(id), has: doomed }] }, after: { checks: [{ what: "the thread", in: main, has: parentText, hasNot: doomed }] } },
    { url: "/feed/new", before: counted(2), after: counted(1) },
    { url: `/films/${review.filmSlug}`, before: counted(2), after: counted(1) },
    { url: `/tags/${tag}`, before: counted(2), after: counted(1) },
    { url: `/u/${author.username}`, before: counted(2), after: counted(1) },
    { url: `/u/${replier.username}`, before: { checks: [{ what: "counts", in: profileCounts, has: n(1, "comment", "comments") }] }, after: { checks: [{ what: "counts", in: profileCounts, has: n(0, "comment", "comments") }] } },
    { url: `/u/${replier.username}/comments`, before: { checks: [{ what: "the reply", in: main, has: doomed }] }, after: { checks: [{ what: "the page", in: main, hasNot: doomed }] } },
    {
      url: `/u/${first.username}/comments`,
      before: { checks: [{ what: "the comment replied to", in: memberComment(parentText), has: n(1, "reply", "replies") }] },
      after: { checks: [{ what: "the comment replied to", in: memberComment(parentText), has: n(0, "reply", "replies") }] },
    },
  ];
  await warm(request, readers, targets);
  const untouched = await snapshot(request, [...unrelatedPages(), "/badges", "/ranking"]);

  await send(b, `/api/comments/${id}/delete`);
  await expectFresh(readers, targets, "deleting a comment");
  await expectUntouched(request, b, untouched, "deleting a comment");
});
