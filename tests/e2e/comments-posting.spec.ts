import { expect, test } from "@playwright/test";
import { commentById, commentsWithBody, countComments, createMembers, DEMO_PASSWORD, expectFieldError, formMessage, signIn, signInWithCookie, unique, userByUsername, withDb } from "./helpers";
import { background, commentEl, commentPost, DUPLICATE, EMPTY, expectCountersHold, LONG_BODY, ownActions, ownBody, pathIds, review, stored, targetId, TOO_LONG, topLevelComment, viewerName } from "./helpers/comments";


// Posting to a review's discussion: a reply with JavaScript appearing in place, the heading
// counting at once, refusals that keep the text, and plain posts without JavaScript (signing in
// from the comment form, refusals at 4xx).
//
// Each journey works on its own seeded review (lib/seed/content/threads/), so the counts it checks are
// not moved by another; every body is unique (the same body twice in five minutes is refused) and
// the server runs with no interval between comments (playwright.config.ts).

const CONVERSATION = "the-conversation-the-best-film-ever-made-about-my-job"; // tobias_renner
const SUNRISE = "sunrise-a-film-that-believes-people-can-change-in-a-single-d"; // ingrid_alvarado
const SOLARIS_DACHA = "solaris-full-spoilers-a-space-station-furnished-like-a-dacha"; // samir_haddad

test("a reply posted with JavaScript appears in place, becomes the :target and is counted", async ({ page }) => {
  const r = review(CONVERSATION);
  const parent = topLevelComment(r.id, "femi_oyelaran");
  const femi = userByUsername("femi_oyelaran")!;
  await signIn(page, "femi_oyelaran", DEMO_PASSWORD, "Femi Oyelaran");
  await page.goto(`/reviews/${r.slug}`);
  await expect(page.getByTestId("comments-heading")).toHaveText(`${r.comment_count} comments`);
  // Survives only if the page is never loaded again.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  const parentEl = commentEl(page, parent.id);
  const replyLink = page.getByTestId(`reply-${parent.id}`);
  await expect(replyLink).toHaveAttribute("href", `/comments/${parent.id}/reply`);
  await replyLink.click();
  const form = page.getByTestId(`reply-form-${parent.id}`);
  await expect(form).toBeVisible();
  await expect(replyLink).toHaveAttribute("aria-expanded", "true");
  await expect(page).toHaveURL(`/reviews/${r.slug}`);
  const field = form.locator(`#reply-${parent.id}-body`);
  await expect(field).toBeFocused();
  // Signed in: the form asks for no password.
  await expect(form.getByTestId(`reply-${parent.id}-signin`)).toBeHidden();

  const body = `The tape hiss in the last scene is the loudest thing in the film ${unique("js")}`;
  await field.fill(body);
  const answer = commentPost(page);
  await form.getByRole("button", { name: "Post reply" }).click();
  expect((await answer).status()).toBe(200);

  const row = stored(body);
  const posted = commentEl(page, row.id);
  await expect(ownBody(posted)).toHaveText(body);
  // Under the comment it answers; the form has closed.
  await expect(parentEl.locator(`#comment-${row.id}`)).toBeVisible();
  await expect(form).toHaveCount(0);
  await expect(replyLink).toHaveAttribute("aria-expanded", "false");
  // No page load, and the new comment is the :target, highlighted.
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expect(page).toHaveURL(`/reviews/${r.slug}#comment-${row.id}`);
  await expect.poll(() => targetId(page)).toBe(`comment-${row.id}`);
  await expect.poll(() => background(ownBody(posted))).not.toBe(await background(ownBody(parentEl)));
  // The author's own controls show on it, not on someone else's comment.
  await expect(ownActions(posted).getByRole("link", { name: "Edit" })).toBeVisible();
  await expect(ownActions(parentEl).getByRole("link", { name: "Edit" })).toBeHidden();

  expect(row).toMatchObject({ post_id: r.id, parent_id: parent.id, author_id: femi.id, depth: parent.depth + 1, deleted_at: null, revision_count: 1, reply_count: 0 });
  expect(pathIds(row.path)).toEqual([...pathIds(parent.path), row.id]);
  expect(commentById(parent.id)!.reply_count).toBe(parent.reply_count + 1);
  expect(review(CONVERSATION).comment_count).toBe(r.comment_count + 1);
  expectCountersHold(r.id);
  // The heading counts it at once, with no page load.
  await expect(page.getByTestId("comments-heading")).toHaveText(`${r.comment_count + 1} comments`);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // The cached page renders afresh: the reply is in the thread and the heading counts it.
  await page.reload();
  await expect(page.getByTestId("comments-heading")).toHaveText(`${r.comment_count + 1} comments`);
  await expect(ownBody(parentEl.locator(`#comment-${row.id}`))).toHaveText(body);
});

test("comments posted with JavaScript are counted in the heading at once: no comments, one response, two", async ({ page, context }) => {
  const found = withDb((db) => db.prepare("select slug from posts where status = 'published' and comment_count = 0 order by id limit 1").get() as { slug: string } | undefined);
  expect(found, "a published review with no comments yet").toBeDefined();
  const r = review(found!.slug);
  const [member] = createMembers("heading");
  await signInWithCookie(context, member!.id);
  await page.goto(`/reviews/${r.slug}`);
  const heading = page.getByTestId("comments-heading");
  await expect(heading).toHaveText("No comments yet");
  const top = page.getByTestId("comment-form");
  await expect(top.locator('input[name="js"]')).toHaveValue("1");
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  const first = `The cut to the empty room says more than the speech before it ${unique("h1")}`;
  await top.getByLabel("Your comment").fill(first);
  let answer = commentPost(page);
  await top.getByRole("button", { name: "Post comment" }).click();
  expect((await answer).status()).toBe(200);
  const one = stored(first);
  await expect(ownBody(commentEl(page, one.id))).toHaveText(first);
  await expect(heading).toHaveText(`One response to “${r.title}”`);

  await page.getByTestId(`reply-${one.id}`).click();
  const replyForm = page.getByTestId(`reply-form-${one.id}`);
  const second = `And the sound drops out a beat before the cut ${unique("h2")}`;
  await replyForm.locator(`#reply-${one.id}-body`).fill(second);
  answer = commentPost(page);
  await replyForm.getByRole("button", { name: "Post reply" }).click();
  expect((await answer).status()).toBe(200);
  const two = stored(second);
  await expect(ownBody(commentEl(page, two.id))).toHaveText(second);
  await expect(heading).toHaveText("2 comments");
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  expect(two).toMatchObject({ post_id: r.id, parent_id: one.id, author_id: member!.id });
  expect(review(r.slug).comment_count).toBe(2);
  expectCountersHold(r.id);

  await page.reload();
  await expect(heading).toHaveText("2 comments");
});

test("with JavaScript, refused comments keep their text: too long (422) and the same body twice (429)", async ({ page }) => {
  const r = review(SOLARIS_DACHA);
  const kenji = userByUsername("kenji_nakamura")!;
  await signIn(page, "kenji_nakamura", DEMO_PASSWORD, "Kenji Nakamura");
  await page.goto(`/reviews/${r.slug}`);
  const form = page.getByTestId("comment-form");
  const field = form.getByLabel("Your comment");
  const before = countComments(r.id);

  await field.fill(LONG_BODY);
  let answer = commentPost(page);
  await form.getByRole("button", { name: "Post comment" }).click();
  expect((await answer).status()).toBe(422);
  await expectFieldError(field, TOO_LONG);
  await expect(form.getByTestId("error-body")).toHaveText(TOO_LONG);
  await expect(formMessage(page)).toBeVisible();
  await expect(field).toHaveValue(LONG_BODY);
  expect(countComments(r.id)).toBe(before);

  const body = `Snow falling inside the dacha is the saddest special effect ever made ${unique("dup")}`;
  await field.fill(body);
  answer = commentPost(page);
  await form.getByRole("button", { name: "Post comment" }).click();
  expect((await answer).status()).toBe(200);
  const row = stored(body);
  await expect(ownBody(commentEl(page, row.id))).toHaveText(body);
  await expect(field).toHaveValue("");
  await expect(form.getByTestId("error-body")).toHaveCount(0);

  // The same text again at once.
  await field.fill(body);
  answer = commentPost(page);
  await form.getByRole("button", { name: "Post comment" }).click();
  const refused = await answer;
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(formMessage(page)).toHaveText(DUPLICATE);
  await expect(field).toHaveValue(body);
  expect(commentsWithBody(body)).toHaveLength(1);
  expect(commentsWithBody(body)[0]!.author_id).toBe(kenji.id);
  expect(countComments(r.id)).toBe(before + 1);
  await expect(page.locator(`article.comment`).filter({ has: page.locator(":scope > .comment__body", { hasText: body }) })).toHaveCount(1);
  expectCountersHold(r.id);
});

// ── Without JavaScript ───────────────────────────────────────────────────────────────────────────

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign in from the comment form, comment and reply with plain posts; refusals answer 4xx with the text kept", async ({ page }) => {
    const r = review(SUNRISE);
    const lucia = userByUsername("lucia_del_prado")!;
    await page.goto(`/reviews/${r.slug}`);
    const top = page.getByTestId("comment-form");
    const signin = top.getByTestId("comment-signin");
    await expect(signin).toBeVisible();

    // Top-level comment, signing in with the fields in the form.
    const body = `The tram ride into the city is the happiest ten minutes of silent film ${unique("nj")}`;
    await top.getByLabel("Your comment").fill(body);
    await signin.getByLabel("Username or email").fill("lucia_del_prado");
    await signin.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    let answer = commentPost(page);
    await top.getByRole("button", { name: "Post comment" }).click();
    expect((await answer).status()).toBe(303);
    const row = stored(body);
    expect(row).toMatchObject({ post_id: r.id, parent_id: null, depth: 1, author_id: lucia.id });
    await expect(page).toHaveURL(`/reviews/${r.slug}#comment-${row.id}`);
    await expect(ownBody(commentEl(page, row.id))).toHaveText(body);
    await expect.poll(() => targetId(page)).toBe(`comment-${row.id}`);
    expect(await viewerName(page)).toBe("Lucía del Prado");
    // Without JavaScript a shared page is the one every reader gets: the form still offers to sign in.
    await expect(page.getByTestId("comment-signin")).toBeVisible();
    await expect(page.getByTestId("comments-heading")).toHaveText(`${r.comment_count + 1} comments`);

    // An empty top-level comment: the reply page at 422, the message next to the field.
    const count = countComments(r.id);
    answer = commentPost(page);
    await page.getByTestId("comment-form").getByRole("button", { name: "Post comment" }).click();
    let refused = await answer;
    expect(refused.status()).toBe(422);
    expect(refused.headers()["content-type"]).toContain("text/html");
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1, name: r.title })).toBeVisible();
    await expectFieldError(page.getByLabel("Your comment"), EMPTY);
    await expect(page.getByTestId("error-body")).toHaveText(EMPTY);
    await expect(formMessage(page)).toBeVisible();
    expect(countComments(r.id)).toBe(count);

    // A reply: "Reply" is a link to a page with the form.
    const parent = topLevelComment(r.id, "lucia_del_prado");
    await page.goto(`/reviews/${r.slug}`);
    await page.getByTestId(`reply-${parent.id}`).click();
    await expect(page).toHaveURL(`/comments/${parent.id}/reply`);
    const replyForm = page.getByTestId(`reply-form-${parent.id}`);
    await expect(replyForm.getByTestId(`reply-${parent.id}-signin`)).toHaveCount(0);

    // Empty: 422, nothing stored.
    answer = commentPost(page);
    await replyForm.getByRole("button", { name: "Post reply" }).click();
    expect((await answer).status()).toBe(422);
    await page.waitForLoadState("load");
    await expectFieldError(page.getByLabel(/^Reply to /), EMPTY);
    await expect(page.getByTestId("error-body")).toHaveText(EMPTY);
    expect(countComments(r.id)).toBe(count);

    // 10,001 characters: 422, and every character is still in the field.
    await page.getByLabel(/^Reply to /).fill(LONG_BODY);
    answer = commentPost(page);
    await page.getByTestId(`reply-form-${parent.id}`).getByRole("button", { name: "Post reply" }).click();
    refused = await answer;
    expect(refused.status()).toBe(422);
    await page.waitForLoadState("load");
    await expectFieldError(page.getByLabel(/^Reply to /), TOO_LONG);
    await expect(page.getByLabel(/^Reply to /)).toHaveValue(LONG_BODY);
    expect(countComments(r.id)).toBe(count);

    // Fixed from the refusal page, it posts and lands on its anchor.
    const replyBody = `Janet Gaynor carries the whole last act on her shoulders ${unique("nr")}`;
    await page.getByLabel(/^Reply to /).fill(replyBody);
    answer = commentPost(page);
    await page.getByTestId(`reply-form-${parent.id}`).getByRole("button", { name: "Post reply" }).click();
    expect((await answer).status()).toBe(303);
    const replyRow = stored(replyBody);
    expect(replyRow).toMatchObject({ post_id: r.id, parent_id: parent.id, depth: parent.depth + 1, author_id: lucia.id });
    await expect(page).toHaveURL(`/reviews/${r.slug}#comment-${replyRow.id}`);
    await expect(ownBody(commentEl(page, parent.id).locator(`#comment-${replyRow.id}`))).toHaveText(replyBody);
    expect(commentById(parent.id)!.reply_count).toBe(parent.reply_count + 1);
    expect(review(SUNRISE).comment_count).toBe(r.comment_count + 2);
    expectCountersHold(r.id);
  });
});
