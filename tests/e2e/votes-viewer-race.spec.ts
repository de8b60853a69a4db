import { expect, test, type Page, type Response } from "@playwright/test";
import { createMembers, NO_DRIFT, signInWithCookie, voteCounterDrift, type MemberE2E } from "./helpers";
import { commentVoteRow } from "./helpers/rows";
import { commentOn, commentVotes, control, expectVoteShown, hasReviewVote, reviewVotes, votePost } from "./helpers/votes";

// A vote cast before the viewer's answer (who is signed in, what they voted) has arrived stays
// shown when that answer comes, whether the vote is still on its way or already answered.
//
// Each journey votes on its own seeded review, as members it makes itself (straight into the
// database, signed in with a minted session cookie) unless it is about signing in; its counts are
// read before it starts, so no other journey moves them. Minted members are newcomers: at most
// NEWCOMER_BURST changes a minute (tests/e2e/helpers/votes.ts).

const TOKYO_FEMI = "tokyo-story-and-the-quiet-cruelty-of-ordinary-busyness"; // femi_oyelaran, 5 upvotes

type Gate = { held: Promise<void>; open: () => void };
const closedGate = (): Gate => {
  let open!: () => void;
  const held = new Promise<void>((r) => (open = r));
  return { held, open };
};
const OPEN: Gate = { held: Promise.resolve(), open: () => undefined };

/**
 * Holds /api/viewer and /api/votes requests at gates the test opens. One route for the whole test:
 * adding or removing a route while a request waits at another lets that request go.
 */
async function gates(page: Page) {
  const at = { viewer: OPEN, votes: OPEN };
  await page.route(/\/api\/(?:viewer|votes)(?:\?|$)/, async (route) => {
    const gate = new URL(route.request().url()).pathname === "/api/viewer" ? at.viewer : at.votes;
    await gate.held;
    await route.continue();
  });
  return at;
}
const isViewerAnswer = (r: Response) => new URL(r.url()).pathname === "/api/viewer";

test("a vote cast before the viewer's answer arrives stays shown when that answer comes, pending or already answered", async ({ page, context }) => {
  const [voter] = createMembers("race") as [MemberE2E];
  await signInWithCookie(context, voter.id);
  const r = reviewVotes(TOKYO_FEMI);
  const key = `r${r.id}`;
  const at = await gates(page);

  // The viewer's answer (asked at load, before the vote) lands while the vote is on its way.
  at.viewer = closedGate();
  at.votes = closedGate();
  await page.goto(`/reviews/${r.slug}`);
  await expect(page.locator('input[name="js"]').first()).toHaveValue("1");
  let answer = votePost(page);
  await control(page, key).up.click();
  await expectVoteShown(page, key, true, r.upvotes + 1);
  let viewerAnswer = page.waitForResponse(isViewerAnswer);
  at.viewer.open();
  expect((await viewerAnswer).status()).toBe(200);
  await expect(page.locator("html.signed-in")).toHaveCount(1);
  await expectVoteShown(page, key, true, r.upvotes + 1);
  expect(hasReviewVote(voter.id, r.id), "the vote is still held").toBe(false);
  at.votes.open();
  expect(await (await answer).json()).toMatchObject({ ok: true, data: { voted: true, count: r.upvotes + 1 } });
  await expectVoteShown(page, key, true, r.upvotes + 1);
  expect(hasReviewVote(voter.id, r.id)).toBe(true);

  // The viewer's answer (asked at load) lands after the server has answered a vote on a comment.
  const c = commentOn(r.id, voter);
  const cKey = `c${c.id}`;
  at.viewer = closedGate();
  at.votes = OPEN;
  await page.reload();
  await expect(page.locator('input[name="js"]').first()).toHaveValue("1");
  answer = votePost(page);
  await control(page, cKey).up.click();
  expect(await (await answer).json()).toMatchObject({ ok: true, data: { type: "comment", id: c.id, voted: true, count: c.upvotes + 1 } });
  await expectVoteShown(page, cKey, true, c.upvotes + 1);
  viewerAnswer = page.waitForResponse(isViewerAnswer);
  at.viewer.open();
  expect((await viewerAnswer).status()).toBe(200);
  // The review's vote, which the answer holds, shows once the answer is applied.
  await expectVoteShown(page, key, true, r.upvotes + 1);
  await expectVoteShown(page, cKey, true, c.upvotes + 1);
  expect(commentVoteRow(voter.id, c.id)).toEqual({ reviewId: r.id });
  expect(commentVotes(c.id).upvotes).toBe(c.upvotes + 1);
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});
