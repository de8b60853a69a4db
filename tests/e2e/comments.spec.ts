import { expect, test, type Locator, type Page, type Response } from "@playwright/test";
import {
  commentById,
  commentsWithBody,
  countComments,
  createMembers,
  DEMO_PASSWORD,
  expectFieldError,
  expectSignedInAs,
  expectSignedOut,
  fillSignUp,
  formMessage,
  reviewBySlug,
  signIn,
  signInWithCookie,
  unique,
  userByEmail,
  userByUsername,
  withDb,
  type CommentRowE2E,
  type ReviewRowE2E,
  E2E_ORIGIN,
  OIDC_ORIGIN,
} from "./helpers";

// Journeys through a review's discussion: replying with and without JavaScript, signing in from the
// comment form (password or OpenID provider), deep threads, permalinks, flood refusals, edits,
// deletions and sorting. Each journey works on its own seeded review (db/seed-comments.ts), so the
// counts it checks are not moved by another; every body is unique (the same body twice in five
// minutes is refused) and the server runs with no interval between comments (playwright.config.ts).

const CONVERSATION = "the-conversation-the-best-film-ever-made-about-my-job"; // tobias_renner
const SUNRISE = "sunrise-a-film-that-believes-people-can-change-in-a-single-d"; // ingrid_alvarado
const DEEP_THREAD = "spirited-away-gorgeous-and-twenty-minutes-too-long"; // kenji_nakamura: a 13-level thread
const SPIRITED_AWAY = "spirited-away-is-the-best-animated-film-ever-made-and-i-will"; // mara_kowalczyk
const KENJI_SUNRISE = "sunrise-is-a-perfect-short-film-trapped-inside-a-feature";
const BATHHOUSE = "the-bathhouse-as-a-machine-production-design-in-spirited-awa"; // samir_haddad
const SOLARIS_DACHA = "solaris-full-spoilers-a-space-station-furnished-like-a-dacha"; // samir_haddad
const ANATOMY_COLD = "anatomy-of-a-fall-left-me-cold-and-i-ve-thought-hard-about-w"; // mara_kowalczyk
const SOLARIS_SOUND = "solaris-is-a-film-you-hear-before-you-understand-it"; // tobias_renner
const DOUBLE_INDEMNITY = "double-indemnity-straight-down-the-line"; // kenji_nakamura

const EMPTY = "Write something before posting.";
const TOO_LONG = "A comment has at most 10,000 characters; this one has 10,001.";
const DUPLICATE = "You posted this same comment a moment ago. Change it, or wait a few minutes to post it again.";
// 10,001 characters, no trailing space (the body is trimmed before it is measured).
const LONG_BODY = "A long one. ".repeat(1_000).slice(0, 10_001);

// ── Reading the database ────────────────────────────────────────────────────────────────────────

function review(slug: string): ReviewRowE2E {
  const row = reviewBySlug(slug);
  expect(row, `seeded review ${slug}`).toBeDefined();
  return row!;
}

/** The one comment stored with this body (posted by this journey). */
function stored(body: string): CommentRowE2E {
  const rows = commentsWithBody(body);
  expect(rows, `comments stored with the body “${body.slice(0, 40)}…”`).toHaveLength(1);
  return rows[0]!;
}

/** The oldest top-level comment on a review, shown and written by someone other than `notBy`. */
function topLevelComment(postId: number, notBy: string): CommentRowE2E {
  return withDb(
    (db) =>
      db
        .prepare(
          `select c.* from comments c join users u on u.id = c.author_id
           where c.post_id = ? and c.parent_id is null and c.deleted_at is null and u.username <> ? order by c.id limit 1`,
        )
        .get(postId, notBy) as CommentRowE2E,
  );
}

/** Non-deleted comments below a comment (its path is a prefix of theirs). */
const descendantsOf = (c: CommentRowE2E) =>
  withDb(
    (db) =>
      (db.prepare("select count(*) as n from comments where post_id = ? and path > ? and path < ? and deleted_at is null").get(c.post_id, c.path, `${c.path}~`) as { n: number })
        .n,
  );

/** The ids along a comment's path (lib/comments/path.ts: fixed-width base-36 segments of 6). */
const pathIds = (path: string) => path.match(/.{6}/g)!.map((s) => parseInt(s, 36));

/** The counters equal what they count: the review's live comments, each comment's live replies. */
function expectCountersHold(postId: number) {
  const drift = withDb((db) => ({
    review: (
      db.prepare("select comment_count - (select count(*) from comments c where c.post_id = p.id and c.deleted_at is null) as d from posts p where p.id = ?").get(postId) as {
        d: number;
      }
    ).d,
    replies: (
      db
        .prepare(
          "select count(*) as n from comments c where c.post_id = ? and c.reply_count <> (select count(*) from comments k where k.parent_id = c.id and k.deleted_at is null)",
        )
        .get(postId) as { n: number }
    ).n,
  }));
  expect(drift, "comment_count and reply_count match the rows").toEqual({ review: 0, replies: 0 });
}

// ── Reading the page ─────────────────────────────────────────────────────────────────────────────

// Next keeps pages left by a client-side navigation in the DOM, hidden (React <Activity>): only the shown copy counts.
const commentEl = (page: Page, id: number) => page.locator(`#comment-${id}`).filter({ visible: true });
/** A comment's own parts, not those of the replies nested in it. */
/** The comment a permalink page is about, with its replies. */
const focusOf = (page: Page) => page.getByTestId("comment-focus").filter({ visible: true });
const ownBody = (c: Locator) => c.locator(":scope > .comment__body");
const ownActions = (c: Locator) => c.locator(":scope > .comment__actions");
const ownMeta = (c: Locator) => c.locator(":scope > .comment__meta");
const background = (el: Locator) => el.evaluate((e) => getComputedStyle(e).backgroundColor);
const targetId = (page: Page) => page.evaluate(() => document.querySelector(":target")?.id ?? null);
const topLevelIds = (page: Page) =>
  page.locator("section#comments > .thread > ol.comment-list > li > article.comment").evaluateAll((els) => els.map((e) => Number(e.id.replace("comment-", ""))));

const isPost = (path: string) => (r: Response) => new URL(r.url()).pathname === path && r.request().method() === "POST";
const commentPost = (page: Page) => page.waitForResponse(isPost("/api/comments"));

/** Who the server thinks is signed in (works without JavaScript too). */
async function viewerName(page: Page): Promise<string | null> {
  const viewer = (await (await page.request.get("/api/viewer")).json()) as { user: { name: string } | null };
  return viewer.user?.name ?? null;
}

/** The provider's pages import a web font; there is no internet here. */
const blockFonts = (page: Page) => page.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort());

/** The OpenID provider's login and consent (tests/e2e/oidc-provider.mjs accepts any login). */
async function passProvider(page: Page, login: string) {
  await page.waitForURL(`${OIDC_ORIGIN}/interaction/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

/** The display name the provider gives a login: "critic_ab12" → "Critic Ab12". */
const providerName = (login: string) =>
  login
    .split(/[-_.\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");

// ── With JavaScript ──────────────────────────────────────────────────────────────────────────────

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

test("continue-thread pages show a deep thread's ancestors and replies, and lead back up", async ({ page }) => {
  const r = review(DEEP_THREAD);
  // The seeded 13-level chain: the deepest comment's path names every comment above it.
  const deepest = withDb((db) => db.prepare("select * from comments where post_id = ? order by depth desc, id limit 1").get(r.id) as CommentRowE2E);
  expect(deepest.depth).toBeGreaterThanOrEqual(13);
  const line = pathIds(deepest.path);
  const sixth = commentById(line[5]!)!;

  await page.goto(`/reviews/${r.slug}`);
  const sixthEl = commentEl(page, sixth.id);
  await expect(sixthEl).toBeVisible();
  // Six levels on the review page, then a link.
  await expect(commentEl(page, line[6]!)).toHaveCount(0);
  const cut = descendantsOf(sixth);
  await expect(sixthEl.locator(":scope > .comment__continue")).toContainText(`(${cut} more replies)`);
  await sixthEl.getByRole("link", { name: "Continue this thread →" }).click();
  await expect(page).toHaveURL(`/comments/${sixth.id}`);

  // The five comments it replies to, top-level first.
  const ancestors = page.getByRole("region", { name: "The comments it replies to" });
  await expect(ancestors.locator("article.comment")).toHaveCount(5);
  expect(await ancestors.locator("article.comment").evaluateAll((els) => els.map((e) => e.id))).toEqual(line.slice(0, 5).map((id) => `comment-${id}`));
  // The comment itself, highlighted, then six levels of replies (its own level included).
  const focus = focusOf(page);
  await expect(focus.locator("article.comment").first()).toHaveAttribute("id", `comment-${sixth.id}`);
  for (const id of line.slice(5, 11)) await expect(ownBody(commentEl(page, id))).toBeVisible();
  await expect(commentEl(page, line[11]!)).toHaveCount(0);
  expect(await background(ownBody(commentEl(page, sixth.id)))).not.toBe(await background(ownBody(commentEl(page, line[4]!))));
  // Side branches under it are shown too.
  const branches = withDb((db) => db.prepare("select id from comments where parent_id = ? and deleted_at is null").all(sixth.id) as { id: number }[]);
  expect(branches.length).toBeGreaterThan(1);
  for (const b of branches) await expect(focus.locator(`#comment-${b.id}`)).toBeVisible();
  await expect(page.getByRole("link", { name: "view full context" })).toHaveAttribute("href", `/reviews/${r.slug}#comment-${line[0]}`);

  // The chain goes on from the eleventh level.
  const eleventh = commentEl(page, line[10]!);
  await expect(eleventh.locator(":scope > .comment__continue")).toContainText(`(${descendantsOf(commentById(line[10]!)!)} more `);
  await eleventh.getByRole("link", { name: "Continue this thread →" }).click();
  await expect(page).toHaveURL(`/comments/${line[10]}`);
  await expect(page.getByRole("region", { name: "The comments it replies to" }).locator("article.comment")).toHaveCount(10);
  await expect(ownBody(focusOf(page).locator(`#comment-${deepest.id}`))).toBeVisible();

  // "view parent" walks one level up.
  await page.getByRole("link", { name: "view parent" }).click();
  await expect(page).toHaveURL(`/comments/${line[9]}`);
  await expect(focusOf(page).locator("article.comment").first()).toHaveAttribute("id", `comment-${line[9]}`);
  await expect(focusOf(page).locator(`#comment-${line[10]}`)).toBeVisible();
  await expect(page.getByRole("region", { name: "The comments it replies to" }).locator("article.comment")).toHaveCount(9);
});

test("“view full context” on a permalink page shows the thread's first comment highlighted on the review page", async ({ page }) => {
  const r = review(DEEP_THREAD);
  const deepest = withDb((db) => db.prepare("select * from comments where post_id = ? order by depth desc, id limit 1").get(r.id) as CommentRowE2E);
  const line = pathIds(deepest.path);
  await page.goto(`/comments/${line[3]}`);
  const link = page.getByRole("link", { name: "view full context" });
  await expect(link).toHaveAttribute("href", `/reviews/${r.slug}#comment-${line[0]}`);
  await link.click();
  await expect(page).toHaveURL(`/reviews/${r.slug}#comment-${line[0]}`);
  const root = commentEl(page, line[0]!);
  await expect(root).toBeInViewport();
  // As on arrival from outside (see "a permalink anchor highlights its comment"): the :target, highlighted.
  await expect.poll(() => targetId(page)).toBe(`comment-${line[0]}`);
  await expect.poll(() => background(ownBody(root))).not.toBe(await background(ownBody(commentEl(page, line[1]!))));
});

test("a permalink anchor highlights its comment", async ({ page }) => {
  const r = review(SPIRITED_AWAY);
  const [target, other] = withDb(
    (db) => db.prepare("select * from comments where post_id = ? and deleted_at is null and depth = 2 order by id limit 2").all(r.id) as CommentRowE2E[],
  );
  expect(other, "two seeded replies").toBeDefined();
  await page.goto(`/reviews/${r.slug}#comment-${target!.id}`);
  const targetEl = commentEl(page, target!.id);
  await expect.poll(() => targetId(page)).toBe(`comment-${target!.id}`);
  await expect(targetEl).toBeInViewport();
  const highlighted = await background(ownBody(targetEl));
  expect(highlighted).not.toBe("rgba(0, 0, 0, 0)");
  expect(await background(ownBody(commentEl(page, other!.id)))).not.toBe(highlighted);
  // Only the target's own body, not the replies nested in it.
  const child = withDb((db) => db.prepare("select id from comments where parent_id = ? and deleted_at is null limit 1").get(target!.id) as { id: number } | undefined);
  if (child) expect(await background(ownBody(commentEl(page, child.id)))).not.toBe(highlighted);

  // Its date is the permalink.
  await ownMeta(targetEl).getByRole("link", { name: /\d{4}/ }).click();
  await expect(page).toHaveURL(`/comments/${target!.id}`);
  await expect(focusOf(page).locator("article.comment").first()).toHaveAttribute("id", `comment-${target!.id}`);
});

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

test("edit after the grace window marks “(edited)” with a history; deleting a comment with a reply leaves “[deleted]”", async ({ page }) => {
  const r = review(ANATOMY_COLD);
  await signIn(page, "hollis_greer", DEMO_PASSWORD, "Hollis Greer");
  await page.goto(`/reviews/${r.slug}`);
  const form = page.getByTestId("comment-form");
  const tag = unique("ed");
  const first = `The courtroom scenes play like a lecture about the dog ${tag}`;
  await form.getByLabel("Your comment").fill(first);
  let answer = commentPost(page);
  await form.getByRole("button", { name: "Post comment" }).click();
  expect((await answer).status()).toBe(200);
  const a = stored(first);
  const aEl = commentEl(page, a.id);
  await expect(ownBody(aEl)).toHaveText(first);

  // A reply to it, so that deleting it later keeps something below.
  await page.getByTestId(`reply-${a.id}`).click();
  const reply = `Though the dog gets the best performance in it ${tag}`;
  await page.getByTestId(`reply-form-${a.id}`).locator(`#reply-${a.id}-body`).fill(reply);
  answer = commentPost(page);
  await page.getByTestId(`reply-form-${a.id}`).getByRole("button", { name: "Post reply" }).click();
  expect((await answer).status()).toBe(200);
  const b = stored(reply);
  await expect(ownBody(aEl.locator(`#comment-${b.id}`))).toHaveText(reply);
  expect(review(ANATOMY_COLD).comment_count).toBe(r.comment_count + 2);

  // Past EDIT_GRACE_SECONDS (2 s in playwright.config.ts), an edit is a new revision.
  await page.waitForTimeout(2_500);
  await ownActions(aEl).getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(`/comments/${a.id}/edit`);
  const edit = page.getByTestId("comment-edit-form");
  await expect(edit.getByLabel("Your comment")).toHaveValue(first);
  const second = `The courtroom scenes play like a seminar about the dog ${tag}`;
  await edit.getByLabel("Your comment").fill(second);
  await edit.getByLabel("Reason for the edit (optional)").fill("Lecture was unfair");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(`/reviews/${r.slug}#comment-${a.id}`);
  await expect(ownBody(aEl)).toHaveText(second);
  const edited = ownMeta(aEl).getByRole("link", { name: "(edited)" });
  await expect(edited).toBeVisible();
  await expect(ownMeta(aEl.locator(`#comment-${b.id}`)).getByRole("link", { name: "(edited)" })).toHaveCount(0);
  const aRow = commentById(a.id)!;
  expect(aRow.revision_count).toBe(2);
  expect(aRow.edited_at).not.toBeNull();
  expect(aRow.body_md).toBe(second);
  const revisions = withDb((db) => db.prepare("select number, reason, body_md from comment_revisions where comment_id = ? order by number").all(a.id));
  expect(revisions).toEqual([
    { number: 1, reason: null, body_md: first },
    { number: 2, reason: "Lecture was unfair", body_md: second },
  ]);

  await edited.click();
  await expect(page).toHaveURL(`/comments/${a.id}/revisions`);
  await expect(page.getByRole("heading", { level: 1, name: "Comment history" })).toBeVisible();
  await expect(page.getByText("2 revisions, newest first.")).toBeVisible();
  await expect(page.getByText("Reason: Lecture was unfair")).toBeVisible();
  await expect(page.locator("#revision-2 ins").filter({ hasText: "seminar" })).toBeVisible();
  await expect(page.locator("#revision-2 del").filter({ hasText: "lecture" })).toBeVisible();

  // Delete the comment that has a reply: "[deleted]" stays above the reply.
  await page.goto(`/reviews/${r.slug}`);
  await ownActions(aEl).getByRole("link", { name: "Delete" }).click();
  await expect(page).toHaveURL(`/comments/${a.id}/delete`);
  await expect(page.getByText("It has a reply, which stays")).toBeVisible();
  await page.getByTestId("confirm-delete").click();
  await expect(page).toHaveURL(`/reviews/${r.slug}#comments`);
  await expect(ownBody(aEl)).toHaveText("[deleted]");
  await expect(ownMeta(aEl)).toContainText("[deleted]");
  await expect(aEl).not.toContainText(second);
  await expect(ownActions(aEl)).toHaveCount(0);
  await expect(ownBody(aEl.locator(`#comment-${b.id}`))).toHaveText(reply);
  await expect(page.getByTestId("comments-heading")).toHaveText(`${r.comment_count + 1} comments`);
  expect(commentById(a.id)!.deleted_at).not.toBeNull();
  expect(commentById(b.id)).toMatchObject({ deleted_at: null, parent_id: a.id, body_md: reply });
  expect(review(ANATOMY_COLD).comment_count).toBe(r.comment_count + 1);
  expectCountersHold(r.id);

  // Then the reply: with nothing left below it, the "[deleted]" comment goes too.
  await ownActions(commentEl(page, b.id)).getByRole("link", { name: "Delete" }).click();
  await expect(page.getByText("It will disappear from the discussion.")).toBeVisible();
  await page.getByTestId("confirm-delete").click();
  await page.waitForURL((u) => u.pathname !== `/comments/${b.id}/delete`);
  await page.goto(`/reviews/${r.slug}`);
  await expect(page.getByTestId("comments-heading")).toHaveText(`${r.comment_count} comments`);
  await expect(commentEl(page, a.id)).toHaveCount(0);
  await expect(commentEl(page, b.id)).toHaveCount(0);
  expect(commentById(b.id)!.deleted_at).not.toBeNull();
  expect(review(ANATOMY_COLD).comment_count).toBe(r.comment_count);
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

  test("a reply deeper than the review page shows lands on its parent's permalink page", async ({ page }) => {
    const r = review(DEEP_THREAD);
    // A leaf deep in the seeded thread (below the six levels the review page shows).
    const leaf = withDb(
      (db) => db.prepare("select * from comments where post_id = ? and depth >= 7 and reply_count = 0 and deleted_at is null order by depth, id limit 1").get(r.id) as CommentRowE2E,
    );
    await page.goto("/signin");
    await page.getByLabel("Username or email").fill("femi_oyelaran");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("/");

    await page.goto(`/comments/${leaf.id}/reply`);
    const body = `The cottage of Zeniba is the only room in the film with no one working in it ${unique("dp")}`;
    await page.getByLabel(/^Reply to /).fill(body);
    const answer = commentPost(page);
    await page.getByRole("button", { name: "Post reply" }).click();
    expect((await answer).status()).toBe(303);
    const row = stored(body);
    expect(row).toMatchObject({ parent_id: leaf.id, depth: leaf.depth + 1 });
    await expect(page).toHaveURL(`/comments/${leaf.id}#comment-${row.id}`);
    await expect(ownBody(focusOf(page).locator(`#comment-${row.id}`))).toHaveText(body);
    expectCountersHold(r.id);
  });

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

  test("sort links work as plain links: newest puts the newest top-level comment first", async ({ page }) => {
    const r = review(SOLARIS_SOUND);
    await page.goto(`/reviews/${r.slug}`);
    const top = page.getByTestId("comment-form");
    const body = `The hum of the station is scored like a heartbeat ${unique("so")}`;
    await top.getByLabel("Your comment").fill(body);
    await top.getByTestId("comment-signin").getByLabel("Username or email").fill("ingrid_alvarado");
    await top.getByTestId("comment-signin").getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    const answer = commentPost(page);
    await top.getByRole("button", { name: "Post comment" }).click();
    expect((await answer).status()).toBe(303);
    const newest = stored(body);
    await expect(page).toHaveURL(`/reviews/${r.slug}#comment-${newest.id}`);

    const tops = withDb(
      (db) =>
        db.prepare("select id, upvote_count from comments where post_id = ? and parent_id is null and deleted_at is null").all(r.id) as {
          id: number;
          upvote_count: number;
        }[],
    );
    expect(tops.length).toBeGreaterThan(2);
    const byId = tops.map((t) => t.id).sort((x, y) => x - y);
    const best = [...tops].sort((x, y) => y.upvote_count - x.upvote_count || x.id - y.id).map((t) => t.id);
    const sortNav = page.getByRole("navigation", { name: "Sort comments" });

    await sortNav.getByRole("link", { name: "Newest" }).click();
    await expect(page).toHaveURL(`/reviews/${r.slug}/comments/newest#comments`);
    await expect(sortNav.locator('[aria-current="true"]')).toHaveText("Newest");
    expect(await topLevelIds(page)).toEqual([...byId].reverse());
    expect((await topLevelIds(page))[0]).toBe(newest.id);

    await sortNav.getByRole("link", { name: "Oldest" }).click();
    await expect(page).toHaveURL(`/reviews/${r.slug}/comments/oldest#comments`);
    await expect(sortNav.locator('[aria-current="true"]')).toHaveText("Oldest");
    expect(await topLevelIds(page)).toEqual(byId);

    await sortNav.getByRole("link", { name: "Best" }).click();
    await expect(page).toHaveURL(`/reviews/${r.slug}#comments`);
    await expect(sortNav.locator('[aria-current="true"]')).toHaveText("Best");
    expect(await topLevelIds(page)).toEqual(best);
  });
});
