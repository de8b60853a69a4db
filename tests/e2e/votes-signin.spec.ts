import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectSignedInAs, NO_DRIFT, submitSignIn, userByUsername, voteCounterDrift } from "./helpers";
import { expectPlainVote, expectVoteShown, hasReviewVote, reviewVotes, votePost } from "./helpers/votes";

// A signed-out reader's “Upvote” leads to sign in and back to the review, where the vote then
// counts, with and without JavaScript.
//
// Each journey votes on its own seeded review, as members it makes itself (straight into the
// database, signed in with a minted session cookie) unless it is about signing in; its counts are
// read before it starts, so no other journey moves them. Minted members are newcomers: at most
// NEWCOMER_BURST changes a minute (tests/e2e/helpers/votes.ts).

const THIRD_MAN = "the-third-man-full-spoilers-the-long-walk-down-the-avenue"; // kenji_nakamura; mara has not upvoted it
const RIFIFI = "rififi-s-heist-is-the-loudest-silence-in-cinema"; // tobias_renner; samir has not upvoted it

// Every password sign-in in the suite comes from the same address ("local") and lib/auth/throttle.ts
// refuses an address's 31st attempt in 15 minutes (and slows those after the 10th): the journeys that
// sign in here say they come from an address of their own, so they neither spend nor wait on that budget.
const ownAddress = (n: number) => ({ "x-forwarded-for": `198.51.100.${n}` });

test("signed out, “Upvote” leads to sign in and back to the review, where the vote then counts", async ({ page, context }) => {
  await context.setExtraHTTPHeaders(ownAddress(1));
  const mara = userByUsername("mara_kowalczyk")!;
  const r = reviewVotes(THIRD_MAN);
  expect(hasReviewVote(mara.id, r.id)).toBe(false);
  await page.goto(`/reviews/${r.slug}`);
  await expectVoteShown(page, `r${r.id}`, false, r.upvotes);

  const answer = votePost(page);
  await page.locator("#vote").getByRole("button", { name: "Upvote this review" }).click();
  expect((await answer).status()).toBe(401);
  await page.waitForURL((u) => u.pathname === "/signin");
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(`/reviews/${r.slug}#vote`);
  expect(reviewVotes(THIRD_MAN).upvotes).toBe(r.upvotes);

  const signedIn = await submitSignIn(page, "mara_kowalczyk", DEMO_PASSWORD);
  expect(signedIn.status()).toBe(200);
  await page.waitForURL(`/reviews/${r.slug}#vote`);
  await expectSignedInAs(page, "Mara Kowalczyk");
  // Nothing was counted on the way through sign-in; the click now counts.
  await expectVoteShown(page, `r${r.id}`, false, r.upvotes);
  expect(hasReviewVote(mara.id, r.id)).toBe(false);
  const again = votePost(page);
  await page.locator("#vote").getByRole("button", { name: "Upvote this review" }).click();
  expect((await again).status()).toBe(200);
  await expectVoteShown(page, `r${r.id}`, true, r.upvotes + 1);
  expect(hasReviewVote(mara.id, r.id)).toBe(true);
  expect(reviewVotes(THIRD_MAN)).toMatchObject({ upvotes: r.upvotes + 1, received: r.received + 1 });
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});

// ── Without JavaScript ───────────────────────────────────────────────────────────────────────────

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signed out, a plain “Upvote” post leads to sign in and back to the review", async ({ page, context }) => {
    await context.setExtraHTTPHeaders(ownAddress(2));
    const samir = userByUsername("samir_haddad")!;
    const r = reviewVotes(RIFIFI);
    expect(hasReviewVote(samir.id, r.id)).toBe(false);
    await page.goto(`/reviews/${r.slug}`);

    const answer = votePost(page);
    await page.locator("#vote").getByRole("button", { name: "Upvote this review" }).click();
    const res = await answer;
    expect(res.status()).toBe(303);
    expect(res.headers()["location"]).toBe(`/signin?callbackUrl=${encodeURIComponent(`/reviews/${r.slug}#vote`)}`);
    await page.waitForURL((u) => u.pathname === "/signin");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(`/reviews/${r.slug}#vote`);
    expect(reviewVotes(RIFIFI).upvotes).toBe(r.upvotes);

    const signedIn = await submitSignIn(page, "samir_haddad", DEMO_PASSWORD);
    expect(signedIn.status()).toBe(303);
    await expect(page).toHaveURL(`/reviews/${r.slug}#vote`);
    await expectPlainVote(page, `r${r.id}`, r.upvotes);

    const again = votePost(page);
    await page.locator("#vote").getByRole("button", { name: "Upvote this review" }).click();
    expect((await again).status()).toBe(303);
    await expect(page).toHaveURL(`/reviews/${r.slug}#vote`);
    await expectPlainVote(page, `r${r.id}`, r.upvotes + 1);
    expect(hasReviewVote(samir.id, r.id)).toBe(true);
    expect(voteCounterDrift()).toEqual(NO_DRIFT);
  });
});
