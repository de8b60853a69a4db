import { expect, test } from "@playwright/test";
import { createMembers, NO_DRIFT, signInWithCookie, voteCounterDrift, type MemberE2E } from "./helpers";
import { commentVoteRow } from "./helpers/rows";
import { apiAs, COMMENT_GONE, commentVotes, control, deleteComment, expectPlainVote, expectVotePage, expectVoteShown, forgeVote, hasReviewVote, holdNextVote, NEWCOMER_BURST, postComment, reviewVotes, TOO_MANY, upvotes, votePost } from "./helpers/votes";

// Votes refused after the page was loaded: past the newcomer burst (429) and on a comment deleted
// in the meantime (410). With JavaScript the count rolls back with the message; without, the vote
// page answers with the status and the reason.
//
// Each journey votes on its own seeded review, as members it makes itself (straight into the
// database, signed in with a minted session cookie) unless it is about signing in; its counts are
// read before it starts, so no other journey moves them. Minted members are newcomers: at most
// NEWCOMER_BURST changes a minute (tests/e2e/helpers/votes.ts).

const MAN_ON_WIRE_INGRID = "man-on-wire-and-the-problem-of-loving-the-charming-man"; // ingrid_alvarado
const PALME_PREQUEL = "palme-d-or-notebook-prequel-the-third-man-grand-prix-1949"; // lucia_del_prado

test("a newcomer past the burst limit: the count goes up, then rolls back with the 429's message", async ({ page, context }) => {
  const [voter] = createMembers("burst") as [MemberE2E];
  await signInWithCookie(context, voter.id);
  const r = reviewVotes(MAN_ON_WIRE_INGRID);
  const key = `r${r.id}`;
  await page.goto(`/reviews/${r.slug}`);
  await expectVoteShown(page, key, false, r.upvotes);

  // A full minute's worth of changes from another tab (up, back, up, …), ending with no vote.
  for (let i = 0; i < NEWCOMER_BURST; i++) {
    const res = await forgeVote(page, { type: "review", id: r.id, value: i % 2 === 0 ? "up" : "none" });
    expect(res.status(), `change ${i + 1}`).toBe(200);
  }
  expect(hasReviewVote(voter.id, r.id)).toBe(false);

  const release = await holdNextVote(page);
  const answer = votePost(page);
  await page.locator("#vote").getByRole("button", { name: "Upvote this review" }).click();
  await expect(control(page, key).count).toHaveText(upvotes(r.upvotes + 1));
  release();
  const res = await answer;
  expect(res.status()).toBe(429);
  expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
  const error = control(page, key).error;
  await expect(error).toHaveText(TOO_MANY);
  await expect(error).toHaveAttribute("role", "alert");
  await expectVoteShown(page, key, false, r.upvotes);
  expect(hasReviewVote(voter.id, r.id)).toBe(false);
  expect(reviewVotes(MAN_ON_WIRE_INGRID)).toMatchObject({ upvotes: r.upvotes, received: r.received });
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});

test("a comment deleted after the page was loaded: the vote rolls back with the 410's message", async ({ page, context, playwright }) => {
  const [author, voter] = createMembers("gone", 2) as [MemberE2E, MemberE2E];
  const r = reviewVotes(PALME_PREQUEL);
  const authorApi = await apiAs(playwright.request, author);
  try {
    const commentId = await postComment(authorApi, r.id, `The Grand Prix list of 1949 reads like a who's who of the postwar ${author.username}`);
    const key = `c${commentId}`;
    await signInWithCookie(context, voter.id);
    await page.goto(`/reviews/${r.slug}`);
    await expectVoteShown(page, key, false, 0);

    // The author deletes it in the meantime.
    await deleteComment(authorApi, commentId);
    const answer = votePost(page);
    await control(page, key).up.click();
    expect((await answer).status()).toBe(410);
    await expect(control(page, key).error).toHaveText(COMMENT_GONE);
    await expect(control(page, key).error).toHaveAttribute("role", "alert");
    await expectVoteShown(page, key, false, 0);
    expect(commentVoteRow(voter.id, commentId)).toBeUndefined();
    expect(commentVotes(commentId)).toMatchObject({ upvotes: 0, received: 0 });
    expect(voteCounterDrift()).toEqual(NO_DRIFT);
  } finally {
    await authorApi.dispose();
  }
});

// ── Without JavaScript ───────────────────────────────────────────────────────────────────────────

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a plain vote on a comment deleted after the page was loaded: the vote page at 410", async ({ page, context, playwright }) => {
    const [author, voter] = createMembers("gonenj", 2) as [MemberE2E, MemberE2E];
    const r = reviewVotes(PALME_PREQUEL);
    const authorApi = await apiAs(playwright.request, author);
    try {
      const commentId = await postComment(authorApi, r.id, `Cannes in 1949 gave the Grand Prix to a film about a sewer chase ${author.username}`);
      await signInWithCookie(context, voter.id);
      await page.goto(`/reviews/${r.slug}`);
      await expectPlainVote(page, `c${commentId}`, 0);
      await deleteComment(authorApi, commentId);

      const answer = votePost(page);
      await control(page, `c${commentId}`).up.click();
      const res = await answer;
      expect(res.status()).toBe(410);
      expect(res.headers()["content-type"]).toContain("text/html");
      await expectVotePage(page, 410, COMMENT_GONE, `/reviews/${r.slug}#comment-${commentId}`);
      expect(commentVoteRow(voter.id, commentId)).toBeUndefined();
      expect(commentVotes(commentId)).toMatchObject({ upvotes: 0, received: 0 });
      expect(voteCounterDrift()).toEqual(NO_DRIFT);
    } finally {
      await authorApi.dispose();
    }
  });

  test("a plain vote past the newcomer burst: the vote page at 429 with the wait", async ({ page, context }) => {
    const [voter] = createMembers("burstnj") as [MemberE2E];
    await signInWithCookie(context, voter.id);
    const r = reviewVotes(MAN_ON_WIRE_INGRID);
    await page.goto(`/reviews/${r.slug}`);
    for (let i = 0; i < NEWCOMER_BURST; i++) {
      expect((await forgeVote(page, { type: "review", id: r.id, value: i % 2 === 0 ? "up" : "none" })).status(), `change ${i + 1}`).toBe(200);
    }
    const answer = votePost(page);
    await page.locator("#vote").getByRole("button", { name: "Upvote this review" }).click();
    const res = await answer;
    expect(res.status()).toBe(429);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    await expectVotePage(page, 429, TOO_MANY, `/reviews/${r.slug}#vote`);
    expect(hasReviewVote(voter.id, r.id)).toBe(false);
    expect(reviewVotes(MAN_ON_WIRE_INGRID)).toMatchObject({ upvotes: r.upvotes, received: r.received });
    expect(voteCounterDrift()).toEqual(NO_DRIFT);
  });
});
