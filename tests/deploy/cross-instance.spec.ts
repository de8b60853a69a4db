import { DEMO_PASSWORD, expect, test, upstreamsOf } from "./site";
import { commentsWithBody, hasReviewVote, memberId, pinnedTo, posting, readerOn, reviewOpenTo, reviewPage, unique, upvotes } from "./journeys";

// A write through one server is on the other server's very next page: each server caches pages,
// and a write through A expires B's copies through the database they share. Each journey first
// has the other server render and cache the review page, then writes through one server in
// Chromium (on the public origin, pinned to that server), then loads the page once from the other
// server directly: that one answer must show the write. The rows are read back from PostgreSQL.

test("with JavaScript: an upvote and a comment sent through server A are on server B's very next page", async ({ site, browser }) => {
  const femi = await memberId(site, "femi_oyelaran");
  const review = await reviewOpenTo(site, ["femi_oyelaran"], 0);
  const body = `The ending plays better on a second viewing, once you know who is lying ${unique()}`;

  // Server B renders the page (and caches it) before the writes.
  const reader = await (await readerOn(browser, site.b)).newPage();
  await reader.goto(`/reviews/${review.slug}`);
  const onB = reviewPage(reader, review);
  await expect(onB.count).toHaveText(upvotes(review.upvotes));
  await expect(reader.getByText(body)).toHaveCount(0);

  const context = await pinnedTo(browser, site, site.a);
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Username or email").fill("femi_oyelaran");
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  const signedIn = await posting(page, "/api/signin", () => page.getByRole("button", { name: "Sign in", exact: true }).click());
  expect(signedIn.status(), "sign-in answer").toBe(200);
  expect(upstreamsOf(signedIn.headers()), "served by A alone").toEqual([site.a.upstream]);
  await page.waitForURL("/");

  await page.goto(`/reviews/${review.slug}`);
  const onA = reviewPage(page, review);
  const voted = await posting(page, "/api/votes", () => page.getByTestId(`upvote-r${review.id}`).click());
  expect(voted.status(), "upvote answer").toBe(200);
  expect(upstreamsOf(voted.headers())).toEqual([site.a.upstream]);
  await expect(onA.count).toHaveText(upvotes(review.upvotes + 1));

  const form = page.getByTestId("comment-form");
  await form.getByLabel("Your comment").fill(body);
  const posted = await posting(page, "/api/comments", () => form.getByRole("button", { name: "Post comment" }).click());
  expect(posted.status(), "comment answer").toBe(200);
  expect(upstreamsOf(posted.headers())).toEqual([site.a.upstream]);

  // In PostgreSQL, once.
  const rows = await commentsWithBody(site, body);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ post_id: review.id, author_id: femi, deleted_at: null });
  expect(await hasReviewVote(site, femi, review.id)).toBe(true);
  await expect(onA.comment(rows[0]!.id)).toContainText(body);

  // One request to B: its answer has both.
  const response = await reader.reload();
  expect(response?.status()).toBe(200);
  await expect(onB.count).toHaveText(upvotes(review.upvotes + 1));
  await expect(onB.comment(rows[0]!.id)).toContainText(body);
  await expect(onB.heading).toHaveText(`${review.comments + 1} comments`);

  // The session A issued is good on B: one AUTH_SECRET.
  const cookies = await context.cookies(site.origin);
  const viewer = await fetch(`${site.b.origin}/api/viewer`, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") } });
  expect(((await viewer.json()) as { user: { name: string } | null }).user?.name).toBe("Femi Oyelaran");
});

test.describe("without JavaScript", () => {
  test("a comment (signing in from its form) and an upvote posted through server B are on server A's very next page", async ({ site, browser }) => {
    const lucia = await memberId(site, "lucia_del_prado");
    const review = await reviewOpenTo(site, ["lucia_del_prado", "femi_oyelaran"], 1);
    const body = `The score drops out for the whole heist and nobody in the cinema breathed ${unique()}`;

    const reader = await (await readerOn(browser, site.a)).newPage();
    await reader.goto(`/reviews/${review.slug}`);
    const onA = reviewPage(reader, review);
    await expect(onA.count).toHaveText(upvotes(review.upvotes));
    await expect(reader.getByText(body)).toHaveCount(0);

    const page = await (await pinnedTo(browser, site, site.b, { javaScriptEnabled: false })).newPage();
    await page.goto(`/reviews/${review.slug}`);
    const form = page.getByTestId("comment-form");
    await form.getByLabel("Your comment").fill(body);
    const signin = form.getByTestId("comment-signin");
    await signin.getByLabel("Username or email").fill("lucia_del_prado");
    await signin.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    const posted = await posting(page, "/api/comments", () => form.getByRole("button", { name: "Post comment" }).click());
    expect(posted.status(), "a plain post is answered with a redirect").toBe(303);
    expect(upstreamsOf(posted.headers()), "served by B alone").toEqual([site.b.upstream]);
    const rows = await commentsWithBody(site, body);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ post_id: review.id, author_id: lucia, deleted_at: null });
    await expect(page).toHaveURL(`/reviews/${review.slug}#comment-${rows[0]!.id}`);

    const voted = await posting(page, "/api/votes", () => page.locator("#vote").getByRole("button", { name: "Upvote this review" }).click());
    expect(voted.status()).toBe(303);
    expect(upstreamsOf(voted.headers())).toEqual([site.b.upstream]);
    expect(await hasReviewVote(site, lucia, review.id)).toBe(true);
    await expect(reviewPage(page, review).count).toHaveText(upvotes(review.upvotes + 1));

    const response = await reader.reload();
    expect(response?.status()).toBe(200);
    await expect(onA.count).toHaveText(upvotes(review.upvotes + 1));
    await expect(onA.comment(rows[0]!.id)).toContainText(body);
    await expect(onA.heading).toHaveText(`${review.comments + 1} comments`);
  });
});
