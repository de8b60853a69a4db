import { expect, test, type Locator } from "@playwright/test";
import { commentsWithBody, createMembers, E2E_ORIGIN, publishReviewVia, reviewBySlug, sessionCookie, signInWithCookie, unique, withDb } from "./helpers";

// A name or a title with a right-to-left override, stored before the text rule refused it (or
// brought in from elsewhere), must not reorder the words around it: wherever the app prints it,
// it sits in a <bdi> of its own. A comment from such a member on a review with such a title is
// followed through the discussion heading (as rendered, and recounted in place), the "Reply to …"
// label and the review author's notices; then through the account pages that name them.

const RLO = "\u202e";

/** The element that directly holds `text` inside `scope`, as its tag name. */
const holderOf = (scope: Locator, text: string) =>
  scope.evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.includes(needle)) return n.parentElement?.tagName.toLowerCase() ?? null;
    return null;
  }, text);

test("a right-to-left override in a name or title stays isolated: discussion heading, reply label, notices", async ({ page, context, request, browser }) => {
  const [author, stranger] = createMembers("bidi", 2);
  const hostileName = `${RLO}nimda ${unique("n")}`;
  const authorHeaders = { cookie: await sessionCookie(author!.id), origin: E2E_ORIGIN, accept: "application/json", "x-forwarded-for": "192.0.2.57" };
  const slug = await publishReviewVia(request, authorHeaders, `Plain title ${unique("t")}`);
  // Stored as they would be from before the text rule: nothing has rendered the review yet.
  const hostileTitle = `${RLO}Stalker, backwards ${unique("t")}`;
  withDb(
    (db) => {
      db.prepare("update users set name = ? where id = ?").run(hostileName, stranger!.id);
      db.prepare("update posts set title = ? where slug = ?").run(hostileTitle, slug);
    },
    { write: true },
  );
  const review = reviewBySlug(slug)!;
  expect(review).toMatchObject({ title: hostileTitle, comment_count: 0 });

  // The stranger comments with JavaScript: the heading counts it in place, the title in its isolate.
  await signInWithCookie(context, stranger!.id);
  await page.goto(`/reviews/${slug}`);
  const heading = page.getByTestId("comments-heading");
  await expect(heading).toHaveText("No comments yet");
  await expect(page.getByTestId("comment-form").locator('input[name="js"]')).toHaveValue("1");
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  const body = `The zone answers whoever walks in ${unique("c")}`;
  await page.getByTestId("comment-form").getByLabel("Your comment").fill(body);
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/comments") && r.request().method() === "POST");
  await page.getByTestId("comment-form").getByRole("button", { name: "Post comment" }).click();
  expect((await answer).status()).toBe(200);
  await expect(heading).toHaveText(`One response to “${hostileTitle}”`);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expect(heading.locator("bdi")).toHaveText(hostileTitle);
  expect(await holderOf(heading, hostileTitle)).toBe("bdi");
  const comment = commentsWithBody(body);
  expect(comment).toHaveLength(1);
  expect(comment[0]).toMatchObject({ post_id: review.id, author_id: stranger!.id, parent_id: null });
  expect(reviewBySlug(slug)!.comment_count).toBe(1);

  // As the server renders it after a reload.
  await page.reload();
  await expect(heading).toHaveText(`One response to “${hostileTitle}”`);
  expect(await holderOf(heading, hostileTitle)).toBe("bdi");

  // The review's author opens a reply to the stranger's comment in place: the label names them in an isolate.
  const authorContext = await browser.newContext();
  await signInWithCookie(authorContext, author!.id);
  const authorPage = await authorContext.newPage();
  await authorPage.goto(`/reviews/${slug}`);
  const id = comment[0]!.id;
  await authorPage.getByTestId(`reply-${id}`).click();
  const form = authorPage.getByTestId(`reply-form-${id}`);
  await expect(form).toBeVisible();
  const label = form.locator(`label[for="reply-${id}-body"]`);
  await expect(label).toHaveText(`Reply to ${hostileName}`);
  expect(await holderOf(label, hostileName)).toBe("bdi");
  // Without JavaScript the reply page says the same.
  await authorPage.goto(`/comments/${id}/reply`);
  const pageLabel = authorPage.locator(`label[for="reply-${id}-body"]`);
  await expect(pageLabel).toHaveText(`Reply to ${hostileName}`);
  expect(await holderOf(pageLabel, hostileName)).toBe("bdi");

  // The author's notice names the stranger and the review, each in its own isolate.
  await authorPage.goto("/notifications");
  const notice = authorPage.locator("li.notice-item").filter({ hasText: hostileTitle });
  await expect(notice).toHaveCount(1);
  await expect(notice.locator(".notice__what")).toHaveText(`Unread: ${hostileName} replied to your review ${hostileTitle}`);
  expect(await holderOf(notice.locator(".notice__actor"), hostileName)).toBe("bdi");
  expect(await holderOf(notice.locator(".notice__link"), hostileTitle)).toBe("bdi");
  await authorContext.close();
});

test("account pages name members and reviews in an isolate: signed in as, drafts, review and comment editors", async ({ page, context, request }) => {
  const [member] = createMembers("bidiacct");
  const headers = { cookie: await sessionCookie(member!.id), origin: E2E_ORIGIN, accept: "application/json", "x-forwarded-for": "192.0.2.58" };
  const published = await publishReviewVia(request, headers, `Plain title ${unique("p")}`);
  const saved = await request.post("/api/reviews", {
    headers,
    form: { title: `Plain draft ${unique("d")}`, filmTitle: "Stalker", filmYear: "1979", score: "", intent: "draft", body: "Half a thought about the dog." },
  });
  expect(saved.status(), "saving a draft").toBe(200);
  const draft = ((await saved.json()) as { redirect: string }).redirect.split("/")[2]!.split("?")[0]!;
  const review = reviewBySlug(published)!;
  const body = `The dog stays, the men leave ${unique("c")}`;
  const commented = await request.post("/api/comments", { headers, form: { reviewId: String(review.id), parentId: "", body } });
  expect(commented.status(), "posting a comment").toBe(200);
  const [comment] = commentsWithBody(body);

  const hostileName = `${RLO}nimda ${unique("n")}`;
  const hostileTitle = `${RLO}Stalker, backwards ${unique("t")}`;
  const hostileDraft = `${RLO}A draft, backwards ${unique("t")}`;
  withDb(
    (db) => {
      db.prepare("update users set name = ? where id = ?").run(hostileName, member!.id);
      db.prepare("update posts set title = ? where slug = ?").run(hostileTitle, published);
      db.prepare("update posts set title = ? where slug = ?").run(hostileDraft, draft);
    },
    { write: true },
  );
  expect(withDb((db) => db.prepare("select status, title from posts where slug in (?, ?) order by id").all(published, draft))).toEqual([
    { status: "published", title: hostileTitle },
    { status: "draft", title: hostileDraft },
  ]);
  await signInWithCookie(context, member!.id);

  await page.goto("/signin");
  const already = page.getByTestId("already-signed-in");
  await expect(already).toContainText(`You are signed in as ${hostileName}.`);
  expect(await holderOf(already, hostileName)).toBe("bdi");

  await page.goto("/drafts");
  const item = page.getByRole("link", { name: hostileDraft });
  await expect(item).toHaveAttribute("href", `/reviews/${draft}/edit`);
  expect(await holderOf(item, hostileDraft)).toBe("bdi");

  await page.goto(`/reviews/${published}/edit`);
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toHaveText(hostileTitle);
  expect(await holderOf(title, hostileTitle)).toBe("bdi");
  await page.getByText("Delete this review…").click();
  // Named as it reads: the isolate does not part the title from its quotes.
  const remove = page.getByRole("button", { name: `Yes, delete “${hostileTitle}”`, exact: true });
  await expect(remove).toBeVisible();
  expect(await holderOf(remove, hostileTitle)).toBe("bdi");

  for (const verb of ["edit", "delete"]) {
    await page.goto(`/comments/${comment!.id}/${verb}`);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveText(hostileTitle);
    expect(await holderOf(heading, hostileTitle), `the ${verb} page's heading`).toBe("bdi");
  }
});
