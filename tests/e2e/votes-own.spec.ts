import { expect, test } from "@playwright/test";
import { NO_DRIFT, signInWithCookie, userByUsername, voteCounterDrift } from "./helpers";
import { commentVoteRow } from "./helpers/rows";
import { commentBy, commentOn, commentVotes, control, expectVotePage, expectVoteShown, forgeVote, hasReviewVote, reviewVotes, SELF_COMMENT, SELF_REVIEW, upvotes, votePost } from "./helpers/votes";

// Votes on one's own review and comments: no upvote button but “Your review”, and a vote posted
// anyway is refused with 403 and changes nothing, with and without JavaScript.
//
// Each journey votes on its own seeded review, as members it makes itself (straight into the
// database, signed in with a minted session cookie) unless it is about signing in; its counts are
// read before it starts, so no other journey moves them. Minted members are newcomers: at most
// NEWCOMER_BURST changes a minute (tests/e2e/helpers/votes.ts).

const FEMI_RIFIFI = "rififi-full-spoilers-half-an-hour-of-silence-and-a-long-driv"; // femi_oyelaran, who commented under it
const FIRST_SILENT = "my-first-silent-film-i-think-i-get-it-now"; // hollis_greer

test("on one's own review and comments: “Your review” and no upvote button; a forged vote is refused with 403 and changes nothing", async ({ page, context }) => {
  const femi = userByUsername("femi_oyelaran")!;
  await signInWithCookie(context, femi.id);
  const r = reviewVotes(FEMI_RIFIFI);
  expect(r.authorId).toBe(femi.id);
  const own = commentBy(r.id, "femi_oyelaran");
  const other = commentOn(r.id, femi);
  await page.goto(`/reviews/${r.slug}`);

  const review = control(page, `r${r.id}`);
  await expect(review.self).toBeVisible();
  await expect(review.self).toHaveText("▲ Your review");
  await expect(review.up).toBeHidden();
  await expect(review.undo).toBeHidden();
  await expect(page.locator("#vote").getByRole("button")).toHaveCount(0);
  await expect(review.count).toHaveText(upvotes(r.upvotes));

  const mine = control(page, `c${own.id}`);
  await expect(mine.self).toHaveText("▲ Your comment");
  await expect(mine.up).toBeHidden();
  await expect(mine.undo).toBeHidden();
  // Someone else's comment on the same page can be upvoted.
  await expectVoteShown(page, `c${other.id}`, false, other.upvotes);

  // Posted by hand anyway: 403, with the reason, and nothing stored.
  const onReview = await forgeVote(page, { type: "review", id: r.id, value: "up" });
  expect(onReview.status()).toBe(403);
  expect(await onReview.json()).toMatchObject({ ok: false, status: 403, message: SELF_REVIEW });
  const onComment = await forgeVote(page, { type: "comment", id: own.id, value: "up" });
  expect(onComment.status()).toBe(403);
  expect(await onComment.json()).toMatchObject({ ok: false, status: 403, message: SELF_COMMENT });
  expect(hasReviewVote(femi.id, r.id)).toBe(false);
  expect(commentVoteRow(femi.id, own.id)).toBeUndefined();
  expect(reviewVotes(FEMI_RIFIFI)).toEqual(r);
  expect(commentVotes(own.id)).toEqual(own);
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});

// ── Without JavaScript ───────────────────────────────────────────────────────────────────────────

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an upvote on one's own review: the vote page at 403 with the reason, nothing changed", async ({ page, context }) => {
    const hollis = userByUsername("hollis_greer")!;
    await signInWithCookie(context, hollis.id);
    const r = reviewVotes(FIRST_SILENT);
    expect(r.authorId).toBe(hollis.id);
    await page.goto(`/reviews/${r.slug}`);
    const ctl = control(page, `r${r.id}`);
    // Without JavaScript the control is the one every reader gets; pressed on one's own review, it is refused.
    await expect(ctl.up).toBeVisible();
    const answer = votePost(page);
    await ctl.up.click();
    const res = await answer;
    expect(res.status()).toBe(403);
    expect(res.headers()["content-type"]).toContain("text/html");
    await expectVotePage(page, 403, SELF_REVIEW, `/reviews/${r.slug}#vote`);
    expect(hasReviewVote(hollis.id, r.id)).toBe(false);
    expect(reviewVotes(FIRST_SILENT)).toEqual(r);
    expect(voteCounterDrift()).toEqual(NO_DRIFT);
  });
});
