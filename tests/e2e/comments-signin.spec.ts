import { expect, test } from "@playwright/test";
import { commentsWithBody, countComments, DEMO_PASSWORD, E2E_ORIGIN, expectSignedInAs, expectSignedOut, fillSignUp, unique, userByEmail, userByUsername } from "./helpers";
import { blockFonts, commentEl, commentPost, expectCountersHold, ownActions, ownBody, passProvider, providerName, review, stored, targetId, topLevelComment, viewerName } from "./helpers/comments";


// Signing in from a comment form and coming back to the text: a password inside the reply form,
// Enter in the password field, the OpenID provider, and “Create an account” without JavaScript.
//
// Each journey works on its own seeded review (lib/seed/content/threads/), so the counts it checks are
// not moved by another; every body is unique (the same body twice in five minutes is refused) and
// the server runs with no interval between comments (playwright.config.ts).

const SPIRITED_AWAY = "spirited-away-is-the-best-animated-film-ever-made-and-i-will"; // mara_kowalczyk
const KENJI_SUNRISE = "sunrise-is-a-perfect-short-film-trapped-inside-a-feature";
const BATHHOUSE = "the-bathhouse-as-a-machine-production-design-in-spirited-awa"; // samir_haddad
const DOUBLE_INDEMNITY = "double-indemnity-straight-down-the-line"; // kenji_nakamura

test("a signed-out reader signs in with a password inside the reply form and lands on the posted reply", async ({ page }) => {
  const r = review(SPIRITED_AWAY);
  const parent = topLevelComment(r.id, "samir_haddad");
  const samir = userByUsername("samir_haddad")!;
  await page.goto(`/reviews/${r.slug}`);
  await expectSignedOut(page);
  await page.getByTestId(`reply-${parent.id}`).click();
  const form = page.getByTestId(`reply-form-${parent.id}`);
  const signin = form.getByTestId(`reply-${parent.id}-signin`);
  await expect(signin).toBeVisible();

  const body = `The soot sprites are the best-paid extras in animation ${unique("pw")}`;
  await form.locator(`#reply-${parent.id}-body`).fill(body);
  await signin.getByLabel("Username or email").fill("samir_haddad");
  await signin.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  const answer = commentPost(page);
  await form.getByRole("button", { name: "Post reply" }).click();
  expect((await answer).status()).toBe(200);

  const row = stored(body);
  expect(row).toMatchObject({ post_id: r.id, parent_id: parent.id, author_id: samir.id, depth: 2 });
  // Signed in, on the new reply: shown under its parent, the :target, with its author's controls.
  await expect(page).toHaveURL(`/reviews/${r.slug}#comment-${row.id}`);
  const posted = commentEl(page, parent.id).locator(`#comment-${row.id}`);
  await expect(ownBody(posted)).toHaveText(body);
  await expect.poll(() => targetId(page)).toBe(`comment-${row.id}`);
  await expectSignedInAs(page, "Samir Haddad");
  await expect(ownActions(posted).getByRole("link", { name: "Edit" })).toBeVisible();
  await expect(page.getByTestId("comment-signin")).toBeHidden();
  expectCountersHold(r.id);
});

test("pressing Enter in the comment form's password field posts the comment", async ({ page }) => {
  const r = review(BATHHOUSE);
  const before = countComments(r.id);
  await page.goto(`/reviews/${r.slug}`);
  const form = page.getByTestId("comment-form");
  const signin = form.getByTestId("comment-signin");
  const body = `The boiler room of Kamaji is the engine of the plot, literally ${unique("en")}`;
  await form.getByLabel("Your comment").fill(body);
  await signin.getByLabel("Username or email").fill("lucia_del_prado");
  await signin.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  // Submitting with the keyboard: the form's default button must be "Post comment", not a detour.
  const sent = page.waitForRequest((q) => q.method() === "POST" && new URL(q.url()).pathname.startsWith("/api/comments"));
  await signin.getByLabel("Password", { exact: true }).press("Enter");
  expect(new URL((await sent).url()).pathname).toBe("/api/comments");
  await expect.poll(() => commentsWithBody(body).length).toBe(1);
  expect(countComments(r.id)).toBe(before + 1);
  await expectSignedInAs(page, "Lucía del Prado");
});

test("a signed-out reader continues with the OpenID provider and comes back to the reply with the text kept", async ({ page }) => {
  await blockFonts(page);
  const r = review(KENJI_SUNRISE);
  const parent = topLevelComment(r.id, "nobody");
  const login = unique("critic");
  const name = providerName(login);

  await page.goto(`/reviews/${r.slug}`);
  await page.getByTestId(`reply-${parent.id}`).click();
  const form = page.getByTestId(`reply-form-${parent.id}`);
  const field = form.locator(`#reply-${parent.id}-body`);
  const body = `Murnau built the city like a fairground for someone who has never been happy ${unique("oi")}`;
  await field.fill(body);
  const before = countComments(r.id);
  await form.getByTestId(`reply-${parent.id}-signin`).getByRole("button", { name: "Continue with Test OpenID" }).click();
  await passProvider(page, login);

  // Back on the same reply form, signed in, the text restored, no sign-in fields any more.
  await page.waitForURL(`${E2E_ORIGIN}/reviews/${r.slug}#reply-${parent.id}`);
  await expectSignedInAs(page, name);
  const back = page.getByTestId(`reply-form-${parent.id}`);
  await expect(back).toBeVisible();
  await expect(back.locator(`#reply-${parent.id}-body`)).toHaveValue(body);
  await expect(back.getByText("Restored the text you were writing.")).toBeVisible();
  await expect(back.getByTestId(`reply-${parent.id}-signin`)).toBeHidden();
  expect(countComments(r.id)).toBe(before);

  const answer = commentPost(page);
  await back.getByRole("button", { name: "Post reply" }).click();
  expect((await answer).status()).toBe(200);
  const row = stored(body);
  const member = userByEmail(`${login.toLowerCase()}@oidc.test`);
  expect(member, "the provider's member").toBeDefined();
  expect(row).toMatchObject({ post_id: r.id, parent_id: parent.id, author_id: member!.id, depth: parent.depth + 1 });
  await expect(ownBody(commentEl(page, parent.id).locator(`#comment-${row.id}`))).toHaveText(body);
  await expect.poll(() => targetId(page)).toBe(`comment-${row.id}`);
  // The draft is forgotten once posted.
  expect(await page.evaluate((key) => localStorage.getItem(key), `marquee:comment:${r.id}:${parent.id}`)).toBeNull();
  expectCountersHold(r.id);
});

// ── Without JavaScript ───────────────────────────────────────────────────────────────────────────

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("“Create an account” from a reply page keeps the text on the server and brings the new member back to post it", async ({ page }) => {
    const r = review(DOUBLE_INDEMNITY);
    const parent = topLevelComment(r.id, "nobody");
    await page.goto(`/comments/${parent.id}/reply`);
    const form = page.getByTestId(`reply-form-${parent.id}`);
    const signin = form.getByTestId(`reply-${parent.id}-signin`);
    await expect(signin).toBeVisible();
    const body = `Stanwyck in the supermarket aisle is the coldest scene in noir ${unique("ca")}`;
    await form.getByLabel(/^Reply to /).fill(body);
    const before = countComments(r.id);
    await signin.getByRole("button", { name: "Create an account" }).click();
    await page.waitForURL((u) => u.pathname === "/signup");
    const back = new URL(page.url()).searchParams.get("callbackUrl")!;
    expect(back).toMatch(new RegExp(`^/comments/${parent.id}/reply\\?draft=[\\w-]{16,}$`));

    const username = unique("Noir");
    await fillSignUp(page, { username, email: `${username.toLowerCase()}@example.org`, password: "a-long-unusual-passphrase-42" });
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((u) => `${u.pathname}${u.search}` === back);
    await expect(page.getByTestId("draft-resumed")).toBeVisible();
    const resumed = page.getByTestId(`reply-form-${parent.id}`);
    await expect(resumed.getByLabel(/^Reply to /)).toHaveValue(body);
    await expect(resumed.getByTestId(`reply-${parent.id}-signin`)).toHaveCount(0);
    expect(await viewerName(page)).toBe(username);
    expect(countComments(r.id)).toBe(before);

    const answer = commentPost(page);
    await resumed.getByRole("button", { name: "Post reply" }).click();
    expect((await answer).status()).toBe(303);
    const row = stored(body);
    expect(row).toMatchObject({ parent_id: parent.id, author_id: userByUsername(username)!.id, depth: parent.depth + 1 });
    await expect(page).toHaveURL(`/reviews/${r.slug}#comment-${row.id}`);
    await expect(ownBody(commentEl(page, row.id))).toHaveText(body);
    // The stashed draft was for one use.
    await page.goto(back);
    await expect(page.getByLabel(/^Reply to /)).toHaveValue("");
    await expect(page.getByTestId("draft-resumed")).toHaveCount(0);
    expectCountersHold(r.id);
  });
});
