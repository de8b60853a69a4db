import { expect, test } from "@playwright/test";
import { hotScore } from "../../lib/reviews/hot";
import { createMembers, NO_DRIFT, signInWithCookie, voteCounterDrift, withDb, type MemberE2E } from "./helpers";
import { commentVoteRow } from "./helpers/rows";
import { commentOn, commentVotes, control, expectPlainVote, expectVoteShown, hasReviewVote, holdNextVote, reviewVotes, targetId, upvotes, votePost } from "./helpers/votes";

// Casting upvotes on reviews and comments and taking them back: with JavaScript the count moves at
// once and the server's answer is kept; without it, plain posts land back on the item with the
// count right, on whichever page the control was used.
//
// Each journey votes on its own seeded review, as members it makes itself (straight into the
// database, signed in with a minted session cookie) unless it is about signing in; its counts are
// read before it starts, so no other journey moves them. Minted members are newcomers: at most
// NEWCOMER_BURST changes a minute (tests/e2e/helpers/votes.ts).

const TOKYO_FEMI = "tokyo-story-and-the-quiet-cruelty-of-ordinary-busyness"; // femi_oyelaran, 5 upvotes
const MAN_ON_WIRE = "man-on-wire-is-the-best-heist-film-that-happens-to-be-true"; // femi_oyelaran
const TOKYO_INGRID = "tokyo-story-full-spoilers-the-watch-the-fan-and-the-empty-ro"; // ingrid_alvarado, with replies

test("upvote a review and take it back, then upvote a comment: the count moves at once and the rows and counters follow", async ({ page, context }) => {
  const [voter] = createMembers("upv") as [MemberE2E];
  await signInWithCookie(context, voter.id);
  const r = reviewVotes(TOKYO_FEMI);
  expect(r.upvotes, "a review with upvotes already, so one more moves its hot score").toBeGreaterThan(0);
  const key = `r${r.id}`;
  const ctl = control(page, key);
  await page.goto(`/reviews/${r.slug}`);
  await expectVoteShown(page, key, false, r.upvotes);

  // The count moves before the server has even seen the vote.
  let release = await holdNextVote(page);
  let answer = votePost(page);
  await page.locator("#vote").getByRole("button", { name: "Upvote this review" }).click();
  await expect(ctl.count).toHaveText(upvotes(r.upvotes + 1));
  await expect(page.locator("#vote").getByRole("button", { name: /^Upvoted/, pressed: true })).toBeVisible();
  expect(hasReviewVote(voter.id, r.id), "nothing stored before the server answers").toBe(false);
  release();
  let res = await answer;
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, data: { type: "review", id: r.id, voted: true, count: r.upvotes + 1 } });
  await expectVoteShown(page, key, true, r.upvotes + 1);
  await expect(ctl.error).toHaveCount(0);
  expect(hasReviewVote(voter.id, r.id)).toBe(true);
  const voted = reviewVotes(TOKYO_FEMI);
  expect(voted).toMatchObject({ upvotes: r.upvotes + 1, received: r.received + 1 });
  expect(voted.hot).toBeGreaterThan(r.hot);
  expect(voted.hot).toBeCloseTo(hotScore(r.upvotes + 1, new Date(r.publishedAt)), 9);
  expect(voteCounterDrift()).toEqual(NO_DRIFT);

  // A fresh load agrees: the shared page was re-rendered and the viewer's stylesheet marks the vote.
  await page.reload();
  await expectVoteShown(page, key, true, r.upvotes + 1);

  // Taking it back.
  answer = votePost(page);
  await page.locator("#vote").getByRole("button", { name: /^Upvoted/ }).click();
  await expect(ctl.count).toHaveText(upvotes(r.upvotes));
  res = await answer;
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, data: { type: "review", id: r.id, voted: false, count: r.upvotes } });
  await expectVoteShown(page, key, false, r.upvotes);
  expect(hasReviewVote(voter.id, r.id)).toBe(false);
  const undone = reviewVotes(TOKYO_FEMI);
  expect(undone).toMatchObject({ upvotes: r.upvotes, received: r.received });
  expect(undone.hot).toBeCloseTo(r.hot, 9);
  await page.reload();
  await expectVoteShown(page, key, false, r.upvotes);

  // A comment, with the same control in compact form.
  const c = commentOn(r.id, voter);
  const cKey = `c${c.id}`;
  await expectVoteShown(page, cKey, false, c.upvotes);
  release = await holdNextVote(page);
  answer = votePost(page);
  await control(page, cKey).up.click();
  await expect(control(page, cKey).count).toHaveText(upvotes(c.upvotes + 1));
  release();
  res = await answer;
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, data: { type: "comment", id: c.id, voted: true, count: c.upvotes + 1 } });
  await expectVoteShown(page, cKey, true, c.upvotes + 1);
  expect(commentVoteRow(voter.id, c.id)).toEqual({ reviewId: r.id });
  expect(commentVotes(c.id)).toMatchObject({ upvotes: c.upvotes + 1, received: c.received + 1 });
  expect(reviewVotes(TOKYO_FEMI).upvotes, "the review's own count is not moved by a comment's vote").toBe(r.upvotes);
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
  await page.reload();
  await expectVoteShown(page, cKey, true, c.upvotes + 1);
  await expectVoteShown(page, key, false, r.upvotes);

  // The count is a link to who upvoted: the voter is on it, newest first.
  await control(page, cKey).count.click();
  await expect(page).toHaveURL(`/comments/${c.id}/upvotes`);
  const voters = page.locator("section.voters").filter({ visible: true });
  await expect(voters.getByTestId("voters-total")).toHaveText(c.upvotes + 1 === 1 ? "1 upvote." : `${c.upvotes + 1} upvotes, newest first.`);
  await expect(voters.locator(".voters__item")).toHaveCount(c.upvotes + 1);
  await expect(voters.locator(".voters__item").first()).toContainText(voter.name);
  await expect(voters.locator(".voters__item").first()).toContainText(`@${voter.username}`);
});

// ── Without JavaScript ───────────────────────────────────────────────────────────────────────────

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("upvote a review and a comment with plain posts, landing back on the item with the count right; a second press counts nothing", async ({ page, context }) => {
    const [voter] = createMembers("plain") as [MemberE2E];
    await signInWithCookie(context, voter.id);
    const r = reviewVotes(MAN_ON_WIRE);
    const key = `r${r.id}`;
    await page.goto(`/reviews/${r.slug}`);
    await expectPlainVote(page, key, r.upvotes);

    let answer = votePost(page);
    await page.locator("#vote").getByRole("button", { name: "Upvote this review" }).click();
    expect((await answer).status()).toBe(303);
    await expect(page).toHaveURL(`/reviews/${r.slug}#vote`);
    await expect.poll(() => targetId(page)).toBe("vote");
    await expectPlainVote(page, key, r.upvotes + 1);
    expect(hasReviewVote(voter.id, r.id)).toBe(true);
    expect(reviewVotes(MAN_ON_WIRE)).toMatchObject({ upvotes: r.upvotes + 1, received: r.received + 1 });

    // The page is the same for every reader without JavaScript: pressed again, the upvote is already there.
    answer = votePost(page);
    await page.locator("#vote").getByRole("button", { name: "Upvote this review" }).click();
    expect((await answer).status()).toBe(303);
    await expectPlainVote(page, key, r.upvotes + 1);
    expect(reviewVotes(MAN_ON_WIRE)).toMatchObject({ upvotes: r.upvotes + 1, received: r.received + 1 });

    const c = commentOn(r.id, voter);
    const cKey = `c${c.id}`;
    answer = votePost(page);
    await control(page, cKey).up.click();
    expect((await answer).status()).toBe(303);
    await expect(page).toHaveURL(`/reviews/${r.slug}#comment-${c.id}`);
    await expect.poll(() => targetId(page)).toBe(`comment-${c.id}`);
    await expectPlainVote(page, cKey, c.upvotes + 1);
    expect(commentVoteRow(voter.id, c.id)).toEqual({ reviewId: r.id });
    expect(commentVotes(c.id)).toMatchObject({ upvotes: c.upvotes + 1, received: c.received + 1 });
    expect(voteCounterDrift()).toEqual(NO_DRIFT);
  });

  test("a comment's control comes back to the page it was used on: another sort order, a comment's own page", async ({ page, context }) => {
    const [voter] = createMembers("back") as [MemberE2E];
    await signInWithCookie(context, voter.id);
    const r = reviewVotes(TOKYO_INGRID);
    const c = commentOn(r.id, voter);
    const reply = withDb(
      (db) =>
        db.prepare("select id, parent_id as \"parentId\" from comments where post_id = ? and parent_id is not null and deleted_at is null and author_id is not null order by id limit 1").get(r.id) as {
          id: number;
          parentId: number;
        },
    );

    // From the newest-first order, back to the comment in that order.
    await page.goto(`/reviews/${r.slug}/comments/newest`);
    let answer = votePost(page);
    await control(page, `c${c.id}`).up.click();
    expect((await answer).status()).toBe(303);
    await expect(page).toHaveURL(`/reviews/${r.slug}/comments/newest#comment-${c.id}`);
    await expect.poll(() => targetId(page)).toBe(`comment-${c.id}`);
    await expectPlainVote(page, `c${c.id}`, c.upvotes + 1);

    // From a comment's own page, back there to the reply.
    const before = commentVotes(reply.id);
    await page.goto(`/comments/${reply.parentId}`);
    answer = votePost(page);
    await control(page, `c${reply.id}`).up.click();
    expect((await answer).status()).toBe(303);
    await expect(page).toHaveURL(`/comments/${reply.parentId}#comment-${reply.id}`);
    await expect.poll(() => targetId(page)).toBe(`comment-${reply.id}`);
    await expectPlainVote(page, `c${reply.id}`, before.upvotes + 1);
    // Both votes show on the review page too.
    await page.goto(`/reviews/${r.slug}`);
    await expectPlainVote(page, `c${c.id}`, c.upvotes + 1);
    await expectPlainVote(page, `c${reply.id}`, before.upvotes + 1);
    expect(voteCounterDrift()).toEqual(NO_DRIFT);
  });
});
