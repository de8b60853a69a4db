import { randomBytes, scryptSync } from "node:crypto";
import sharp from "sharp";
import { expect, test, type Browser, type BrowserContext, type Page, type Response } from "@playwright/test";
import {
  accountNav,
  commentById,
  createMembers,
  E2E_ORIGIN,
  expectFieldError,
  expectSignedInAs,
  expectSignedOut,
  postCommentVia,
  publishReviewVia,
  reviewBySlug,
  SESSION_COOKIE,
  shot,
  signInWithCookie,
  submitSignIn,
  unique,
  withDb,
  type MemberE2E,
  type ReviewRowE2E,
} from "./helpers";
import { setPasswordHash } from "./helpers/rows";

// Journeys through the people features: avatars uploaded in /settings and shown wherever the
// member's name is, notices of replies and @mentions with the header's unread count, a password
// change that ends the other sessions, and deleting an account. Every journey makes its own
// members (createMembers: newcomers, signed in with a minted cookie) and its own reviews, so no
// count it checks is moved by another journey.

// ── Setting up through the app's own routes ──────────────────────────────────────────────────────

/** A form post as the enhanced forms send it (same origin, answered in JSON). */
const AS_FORM = { origin: E2E_ORIGIN, accept: "application/json" };

const isPost = (pathname: string) => (r: Response) => new URL(r.url()).pathname === pathname && r.request().method() === "POST";

/** A browser context signed in as a member, from an address of its own (the sign-in throttle counts per address). */
async function contextFor(browser: Browser, member: MemberE2E, address: number, opts: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ extraHTTPHeaders: ownAddress(address), ...opts });
  await signInWithCookie(context, member.id);
  return context;
}

// Every password sign-in in the suite otherwise comes from the same address ("local").
const ownAddress = (n: number) => ({ "x-forwarded-for": `198.51.100.${100 + n}` });

/** Publishes a review as whoever `page` is signed in as (POST /api/reviews, as the editor does). */
async function publishReview(page: Page, title: string): Promise<ReviewRowE2E> {
  const slug = await publishReviewVia(page.request, AS_FORM, title);
  const row = reviewBySlug(slug);
  expect(row, `the review ${slug}`).toBeDefined();
  return row!;
}

/** Posts a comment (or a reply) as whoever `page` is signed in as (POST /api/comments). */
const postComment = (page: Page, reviewId: number, body: string, parentId?: number) => postCommentVia(page.request, AS_FORM, reviewId, body, parentId);

/** Gives a member made by createMembers a password (lib/auth/password.ts's format, at the server's SCRYPT_COST of 12). */
function setPassword(userId: string, password: string) {
  const N = 2 ** 12;
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  const hash = ["scrypt", N, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
  setPasswordHash(userId, hash);
}

// ── Reading the database and the page ────────────────────────────────────────────────────────────

type UserRow = { id: string; image: string | null; session_version: number };
const userRow = (id: string) => withDb((db) => db.prepare("select id, image, session_version from users where id = ?").get(id) as UserRow | undefined);

type NoticeRow = { id: number; kind: string; actor_id: string | null; post_id: number | null; comment_id: number | null; read_at: number | null };
const noticesOf = (userId: string) =>
  withDb((db) => db.prepare("select id, kind, actor_id, post_id, comment_id, read_at from notifications where recipient_id = ? order by id").all(userId) as NoticeRow[]);

/** The names of a member's stored avatars (avatar_files). */
const storedAvatars = (userId: string) => withDb((db) => db.prepare("select name from avatar_files where user_id = ? order by name").pluck().all(userId) as string[]);
const UPLOADED = /^\/avatars\/[\w-]{16}\.webp$/;

const commentEl = (page: Page, id: number) => page.locator(`#comment-${id}`).filter({ visible: true });
const headerAvatar = (page: Page) => page.getByTestId("viewer-name").locator("img");
const settingsAvatar = (page: Page) => page.getByTestId("settings-avatar");
const avatarField = (page: Page) => page.getByTestId("avatar-form").getByLabel("Upload a new picture");
const unreadCount = (page: Page) => accountNav(page).getByTestId("unread-count");
const notice = (page: Page, kind: string) => page.locator(`li.notice-item[data-kind="${kind}"]`).filter({ visible: true });

/** A real picture: 400 × 300, two colours so the crop has something to look at. */
function picture(format: "png" | "jpeg"): Promise<Buffer> {
  const image = sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 178, g: 34, b: 52 } } }).composite([
    { input: { create: { width: 160, height: 160, channels: 3, background: { r: 20, g: 60, b: 140 } } }, left: 200, top: 70 },
  ]);
  return (format === "png" ? image.png() : image.jpeg()).toBuffer();
}

/** Text saved under an image's name and type. */
const NOT_AN_IMAGE = { name: "poster.png", mimeType: "image/png", buffer: Buffer.from("This is a film poster, honest.\n".repeat(20)) };
const NOT_ACCEPTED = "That file is not an image we accept. Upload a PNG, JPEG or WebP image.";

/** The uploaded avatar is served as a 256 px square WebP. */
async function expectServedAvatar(page: Page, src: string) {
  const res = await page.request.get(src);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/webp");
  const meta = await sharp(await res.body()).metadata();
  expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: "webp", width: 256, height: 256 });
}

// ── Avatars ──────────────────────────────────────────────────────────────────────────────────────

test("an uploaded avatar shows in the header and beside the member's review; a text file named .png is refused beside the field", async ({ page, context }) => {
  const [member] = createMembers("av") as [MemberE2E];
  await signInWithCookie(context, member.id);
  const r = await publishReview(page, `Waiting in the Zone ${unique("av")}`);

  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(settingsAvatar(page)).toHaveAttribute("src", `/avatar/${member.username}`);
  await expect(headerAvatar(page)).toHaveAttribute("src", `/avatar/${member.username}`);

  await avatarField(page).setInputFiles({ name: "me.png", mimeType: "image/png", buffer: await picture("png") });
  const answer = page.waitForResponse(isPost("/api/settings/avatar"));
  await page.getByRole("button", { name: "Upload avatar" }).click();
  expect((await answer).status()).toBe(200);
  await page.waitForURL("/settings?saved=avatar#avatar");
  await expect(page.getByTestId("saved-avatar")).toHaveText("Your avatar is updated.");

  const image = userRow(member.id)!.image!;
  expect(image).toMatch(UPLOADED);
  expect(storedAvatars(member.id)).toEqual([image.slice("/avatars/".length)]);
  await expect(settingsAvatar(page)).toHaveAttribute("src", image);
  await expect(headerAvatar(page)).toHaveAttribute("src", image);
  await expectServedAvatar(page, image);
  await expect(page.getByRole("button", { name: "Use the generated avatar instead" })).toBeVisible();
  await shot(page, "people-settings-avatar.png");

  // The review's byline, rendered before the upload, shows the new picture too (and the "New" marker).
  await page.goto(`/reviews/${r.slug}`);
  const byline = page.locator(".review__header .byline").filter({ visible: true });
  await expect(byline.getByRole("link", { name: member.name })).toBeVisible();
  await expect(byline.locator("img.avatar")).toHaveAttribute("src", image);
  await expect(byline.locator(".new-pill")).toHaveText("New");
  await expect(headerAvatar(page)).toHaveAttribute("src", image);

  // Text under an image's name and type: refused next to the field, the avatar as it was.
  await page.goto("/settings");
  await avatarField(page).setInputFiles(NOT_AN_IMAGE);
  const refused = page.waitForResponse(isPost("/api/settings/avatar"));
  await page.getByRole("button", { name: "Upload avatar" }).click();
  expect((await refused).status()).toBe(422);
  await expect(page.getByTestId("error-avatar")).toHaveText(NOT_ACCEPTED);
  await expectFieldError(avatarField(page), NOT_ACCEPTED);
  await expect(page).toHaveURL("/settings");
  expect(userRow(member.id)!.image).toBe(image);
  expect(storedAvatars(member.id)).toEqual([image.slice("/avatars/".length)]);
  await expect(settingsAvatar(page)).toHaveAttribute("src", image);
  await expect(headerAvatar(page)).toHaveAttribute("src", image);
  await expectServedAvatar(page, image);

  // Over 2 MB: refused unread (413), the message next to the field.
  const big = Buffer.concat([(await picture("png")).subarray(0, 8), randomBytes(3 * 1024 * 1024)]);
  await avatarField(page).setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: big });
  const tooBig = page.waitForResponse(isPost("/api/settings/avatar"));
  await page.getByRole("button", { name: "Upload avatar" }).click();
  expect((await tooBig).status()).toBe(413);
  await expect(page.getByTestId("error-avatar")).toHaveText("That file is over 2 MB; an avatar can be at most 2 MB.");
  expect(userRow(member.id)!.image).toBe(image);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an avatar uploads with a plain post; a text file named .png answers 422 with the message beside the field", async ({ page, context }) => {
    const [member] = createMembers("avnj") as [MemberE2E];
    await signInWithCookie(context, member.id);
    await page.goto("/settings");
    await expect(settingsAvatar(page)).toHaveAttribute("src", `/avatar/${member.username}`);

    await avatarField(page).setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: await picture("jpeg") });
    const answer = page.waitForResponse(isPost("/api/settings/avatar"));
    await page.getByRole("button", { name: "Upload avatar" }).click();
    expect((await answer).status()).toBe(303);
    await page.waitForURL("/settings?saved=avatar#avatar");
    await expect(page.getByTestId("saved-avatar")).toHaveText("Your avatar is updated.");
    const image = userRow(member.id)!.image!;
    expect(image).toMatch(UPLOADED);
    await expect(settingsAvatar(page)).toHaveAttribute("src", image);
    await expectServedAvatar(page, image);

    await avatarField(page).setInputFiles(NOT_AN_IMAGE);
    const refusedAnswer = page.waitForResponse(isPost("/api/settings/avatar"));
    await page.getByRole("button", { name: "Upload avatar" }).click();
    const refused = await refusedAnswer;
    expect(refused.status()).toBe(422);
    expect(refused.headers()["content-type"]).toContain("text/html");
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page.getByTestId("error-avatar")).toHaveText(NOT_ACCEPTED);
    await expectFieldError(avatarField(page), NOT_ACCEPTED);
    await expect(settingsAvatar(page)).toHaveAttribute("src", image);
    expect(userRow(member.id)!.image).toBe(image);
    expect(storedAvatars(member.id)).toEqual([image.slice("/avatars/".length)]);
    await expectServedAvatar(page, image);
    await shot(page, "people-settings-avatar-refused-nojs.png");
  });
});

// ── Notices ──────────────────────────────────────────────────────────────────────────────────────

test("replies to a member raise their unread count; they read the notices and the count goes", async ({ page, context, browser }) => {
  const [a, b] = createMembers("ntf", 2) as [MemberE2E, MemberE2E];
  // B's first review, first comment and first reply received earn badges, each with a notice
  // (badges.spec.ts follows those); this journey counts reply notices only, so B has switched
  // "Badges I earn" off in Settings.
  withDb((db) => db.prepare("update users set notify_badges = false where id = ?").run(b.id), { write: true });
  await signInWithCookie(context, b.id);
  const title = `The room that grants wishes ${unique("nt")}`;
  const r = await publishReview(page, title);
  const bComment = await postComment(page, r.id, `The dog is the only one who knows the way ${unique("b")}`);

  // B, on their review: nothing unread yet (their own comment tells them nothing).
  await page.goto(`/reviews/${r.slug}`);
  await expect(accountNav(page).getByTestId("notifications-link")).toBeVisible();
  await expect(accountNav(page).getByTestId("notifications-link")).toHaveAttribute("title", "Notifications");
  await expect(unreadCount(page)).toHaveCount(0);
  expect(noticesOf(b.id)).toEqual([]);

  // A comments on B's review, then replies to B's comment, through the review page.
  const aContext = await contextFor(browser, a, 1);
  const aPage = await aContext.newPage();
  await aPage.goto(`/reviews/${r.slug}`);
  const top = aPage.getByTestId("comment-form");
  const onReview = `The sound of the trolley is the whole film ${unique("a")}`;
  await top.getByLabel("Your comment").fill(onReview);
  let posted = aPage.waitForResponse(isPost("/api/comments"));
  await top.getByRole("button", { name: "Post comment" }).click();
  expect((await posted).status()).toBe(200);
  await aPage.getByTestId(`reply-${bComment}`).click();
  const reply = `And the dog chooses the writer in the end ${unique("a")}`;
  await aPage.getByTestId(`reply-form-${bComment}`).locator(`#reply-${bComment}-body`).fill(reply);
  posted = aPage.waitForResponse(isPost("/api/comments"));
  await aPage.getByTestId(`reply-form-${bComment}`).getByRole("button", { name: "Post reply" }).click();
  expect((await posted).status()).toBe(200);
  await aContext.close();

  const notices = noticesOf(b.id);
  expect(notices.map((n) => [n.kind, n.actor_id, n.post_id, n.read_at])).toEqual([
    ["review_reply", a.id, r.id, null],
    ["comment_reply", a.id, r.id, null],
  ]);
  const replyId = notices[1]!.comment_id!;
  expect(commentById(replyId)).toMatchObject({ parent_id: bComment, author_id: a.id });

  // B moves to another page (a client-side navigation): the header asks again and shows 2.
  await page.locator(".site-header").getByRole("link", { name: "Marquee" }).click();
  await expect(page).toHaveURL("/");
  await expect(unreadCount(page)).toHaveText("2 unread");
  await expect(accountNav(page).getByTestId("notifications-link")).toHaveAttribute("title", "Notifications: 2 unread");
  // And on a fresh page load.
  await page.goto(`/reviews/${r.slug}`);
  await expect(unreadCount(page)).toHaveText("2 unread");

  await accountNav(page).getByTestId("notifications-link").click();
  await expect(page).toHaveURL("/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByTestId("unread-summary")).toContainText("2 unread notices.");
  await expect(page.locator("li.notice-item").filter({ visible: true })).toHaveCount(2);
  await expect(page.locator("li.notice-item--unread").filter({ visible: true })).toHaveCount(2);
  const replyNotice = notice(page, "comment_reply");
  await expect(replyNotice.locator(".notice__what")).toHaveText(`Unread: ${a.name} replied to your comment on ${title}`);
  await expect(replyNotice.locator(".notice__excerpt")).toContainText(reply);
  const reviewNotice = notice(page, "review_reply");
  await expect(reviewNotice.locator(".notice__what")).toHaveText(`Unread: ${a.name} replied to your review ${title}`);
  await expect(reviewNotice.locator(".notice__excerpt")).toContainText(onReview);
  await shot(page, "people-notifications.png");

  // Following a notice marks it read and lands on the reply.
  await replyNotice.getByRole("button", { name: title, exact: true }).click();
  await expect(page).toHaveURL(`/comments/${replyId}`);
  await expect(commentEl(page, replyId)).toContainText(reply);
  await expect(unreadCount(page)).toHaveText("1 unread");
  expect(noticesOf(b.id).map((n) => n.read_at !== null)).toEqual([false, true]);

  // "Mark all read" clears the rest, and the bell's count goes.
  await page.goto("/notifications");
  await expect(page.getByTestId("unread-summary")).toContainText("1 unread notice.");
  await expect(replyNotice).not.toHaveClass(/notice-item--unread/);
  await expect(reviewNotice).toHaveClass(/notice-item--unread/);
  const marked = page.waitForResponse(isPost("/api/notifications/read"));
  await page.getByRole("button", { name: "Mark all read" }).click();
  expect((await marked).status()).toBe(303);
  await expect(page).toHaveURL("/notifications");
  await expect(page.getByTestId("unread-summary")).toContainText("You're all caught up.");
  await expect(page.getByRole("button", { name: "Mark all read" })).toHaveCount(0);
  await expect(page.locator("li.notice-item--unread").filter({ visible: true })).toHaveCount(0);
  await expect(accountNav(page).getByTestId("notifications-link")).toBeVisible();
  await expect(unreadCount(page)).toHaveCount(0);
  expect(noticesOf(b.id).every((n) => n.read_at !== null)).toBe(true);
  await shot(page, "people-notifications-read.png");
});

test("@username in a comment links to the member, who gets a “mentioned you” notice", async ({ page, context, browser }) => {
  const [a, b] = createMembers("men", 2) as [MemberE2E, MemberE2E];
  await signInWithCookie(context, a.id);
  const title = `Mirror, mirror ${unique("mn")}`;
  const r = await publishReview(page, title);
  const stranger = unique("nobody");

  await page.goto(`/reviews/${r.slug}`);
  const body = `@${b.username} you were right about the levitating glass, unlike @${stranger} ${unique("m")}`;
  const top = page.getByTestId("comment-form");
  await top.getByLabel("Your comment").fill(body);
  const posted = page.waitForResponse(isPost("/api/comments"));
  await top.getByRole("button", { name: "Post comment" }).click();
  expect((await posted).status()).toBe(200);
  const [mention] = noticesOf(b.id);
  expect(mention).toMatchObject({ kind: "mention", actor_id: a.id, post_id: r.id, read_at: null });
  const commentId = mention!.comment_id!;

  // Shown in place, and the same once the page renders afresh: one link, to the member who exists.
  for (const fresh of [false, true]) {
    if (fresh) await page.reload();
    const links = commentEl(page, commentId).locator(".comment__body a.mention");
    await expect(links).toHaveCount(1);
    await expect(links).toHaveText(`@${b.username}`);
    await expect(links).toHaveAttribute("href", `/u/${b.username}`);
    await expect(commentEl(page, commentId).locator(".comment__body")).toContainText(`@${stranger}`);
    // The newcomer's marker beside the commenter's name.
    await expect(commentEl(page, commentId).locator(":scope > .comment__meta .new-pill")).toHaveText("New");
  }
  await commentEl(page, commentId).locator("a.mention").click();
  await expect(page).toHaveURL(`/u/${b.username}`);
  await expect(page.getByRole("heading", { level: 1 }).filter({ visible: true })).toContainText(b.name);

  // B: one unread notice, which says who mentioned them where; "Mark read" on it.
  const bContext = await contextFor(browser, b, 2);
  const bPage = await bContext.newPage();
  await bPage.goto("/");
  await expect(unreadCount(bPage)).toHaveText("1 unread");
  await bPage.goto("/notifications");
  const item = notice(bPage, "mention");
  await expect(item.locator(".notice__what")).toHaveText(`Unread: ${a.name} mentioned you in a comment on ${title}`);
  await expect(item.locator(".notice__excerpt")).toContainText("you were right about the levitating glass");
  // Opening it is a post (a GET writes nothing): the button submits the notice's own form.
  await expect(item.getByRole("button", { name: title, exact: true })).toHaveAttribute("form", `open-${mention!.id}`);
  await expect(item.locator(`form#open-${mention!.id}`)).toHaveAttribute("action", `/api/notifications/${mention!.id}`);
  const marked = bPage.waitForResponse(isPost("/api/notifications/read"));
  await item.getByRole("button", { name: `Mark read: mentioned you in a comment on ${title}` }).click();
  expect((await marked).status()).toBe(303);
  await expect(bPage).toHaveURL("/notifications");
  await expect(bPage.getByTestId("unread-summary")).toContainText("You're all caught up.");
  await expect(item).not.toHaveClass(/notice-item--unread/);
  await expect(item.getByRole("button", { name: /^Mark read/ })).toHaveCount(0);
  await expect(unreadCount(bPage)).toHaveCount(0);
  expect(noticesOf(b.id)[0]!.read_at).not.toBeNull();
  await bContext.close();
});

// ── Password and account ─────────────────────────────────────────────────────────────────────────

test("changing the password keeps this browser signed in and signs the other one out", async ({ browser }) => {
  const [member] = createMembers("pw") as [MemberE2E];
  const OLD = "old-unusual-passphrase-41";
  const NEW = "new-unusual-passphrase-97";
  setPassword(member.id, OLD);
  const contexts: BrowserContext[] = [await contextFor(browser, member, 3), await contextFor(browser, member, 4)];
  const [here, there] = await Promise.all(contexts.map((c) => c.newPage())) as [Page, Page];
  for (const p of [here, there]) {
    await p.goto("/");
    await expectSignedInAs(p, member.name);
  }

  await here.goto("/settings");
  const form = here.getByTestId("password-form");
  const fill = async (current: string) => {
    await form.getByLabel("Current password").fill(current);
    await form.getByLabel("New password", { exact: true }).fill(NEW);
    await form.getByLabel("New password, again").fill(NEW);
  };

  // The wrong current password: refused next to its field, nothing changes anywhere.
  await fill("not-my-password-at-all");
  let answer = here.waitForResponse(isPost("/api/settings/password"));
  await form.getByRole("button", { name: "Change password" }).click();
  expect((await answer).status()).toBe(422);
  await expect(here.getByTestId("error-currentPassword")).toHaveText("That is not your current password.");
  await expectFieldError(form.getByLabel("Current password"), "That is not your current password.");
  expect(userRow(member.id)!.session_version).toBe(0);
  await there.reload();
  await expectSignedInAs(there, member.name);

  await fill(OLD);
  answer = here.waitForResponse(isPost("/api/settings/password"));
  await form.getByRole("button", { name: "Change password" }).click();
  expect((await answer).status()).toBe(200);
  await here.waitForURL("/settings?saved=password#password");
  await expect(here.getByTestId("saved-password")).toHaveText("Your password is changed. Every other session has been signed out.");
  expect(userRow(member.id)!.session_version).toBe(1);
  await expectSignedInAs(here, member.name);
  await here.goto("/notifications");
  await expect(here.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();

  // The other browser's next page load shows "Sign in"; its pages for members send it to sign in.
  await there.reload();
  await expectSignedOut(there);
  await there.goto("/settings");
  await expect(there).toHaveURL("/signin?callbackUrl=%2Fsettings");

  // The old password no longer opens the account; the new one does.
  await there.goto("/signin");
  expect((await submitSignIn(there, member.username, OLD)).status()).toBe(401);
  expect((await submitSignIn(there, member.username, NEW)).status()).toBe(200);
  await there.waitForURL("/");
  await expectSignedInAs(there, member.name);
  await Promise.all(contexts.map((c) => c.close()));
});

test("deleting an account: typed username and password, /goodbye, signed out, the comment stays by “deleted user”", async ({ page, context, browser }) => {
  const [leaver, author] = createMembers("bye", 2) as [MemberE2E, MemberE2E];
  const PASSWORD = "leaving-unusual-passphrase-63";
  setPassword(leaver.id, PASSWORD);

  const authorContext = await contextFor(browser, author, 5);
  const authorPage = await authorContext.newPage();
  const r = await publishReview(authorPage, `Solaris on a Sunday ${unique("by")}`);
  await authorContext.close();

  await signInWithCookie(context, leaver.id);
  const body = `The library scene is where the film finally breathes ${unique("lv")}`;
  const commentId = await postComment(page, r.id, body);
  await page.goto(`/reviews/${r.slug}`);
  await expect(commentEl(page, commentId).locator(":scope > .comment__meta .comment__author")).toHaveText(leaver.name);

  await page.goto("/settings");
  const form = page.getByTestId("delete-form");
  const confirmField = form.getByLabel(`Type your username, ${leaver.username}, to confirm`);

  // Someone else's username: refused next to the field, the account stays.
  await confirmField.fill(author.username);
  await form.getByLabel("Current password").fill(PASSWORD);
  let answer = page.waitForResponse(isPost("/api/settings/delete"));
  await form.getByRole("button", { name: "Delete my account" }).click();
  expect((await answer).status()).toBe(422);
  const mismatch = `Type your username, ${leaver.username}, to confirm.`;
  await expect(page.getByTestId("error-username")).toHaveText(mismatch);
  await expectFieldError(confirmField, mismatch);
  expect(userRow(leaver.id)).toBeDefined();

  await confirmField.fill(leaver.username);
  await form.getByLabel("Current password").fill(PASSWORD);
  answer = page.waitForResponse(isPost("/api/settings/delete"));
  await form.getByRole("button", { name: "Delete my account" }).click();
  expect((await answer).status()).toBe(200);
  await page.waitForURL("/goodbye");
  await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();
  await expectSignedOut(page);
  expect((await context.cookies(E2E_ORIGIN)).filter((c) => c.name === SESSION_COOKIE), "the session cookie is gone").toEqual([]);
  expect(userRow(leaver.id)).toBeUndefined();

  // The comment stays, by "deleted user", with no link to a profile that no longer exists.
  expect(commentById(commentId)).toMatchObject({ author_id: null, deleted_at: null, body_md: body });
  await page.goto(`/reviews/${r.slug}`);
  const meta = commentEl(page, commentId).locator(":scope > .comment__meta");
  await expect(meta.locator(".comment__author")).toHaveText("deleted user");
  await expect(meta.getByRole("link", { name: leaver.name })).toHaveCount(0);
  await expect(commentEl(page, commentId).locator(":scope > .comment__body")).toHaveText(body);
  await expect(page.locator(`a[href="/u/${leaver.username}"]`)).toHaveCount(0);
  expect((await page.goto(`/u/${leaver.username}`))?.status()).toBe(404);
});
