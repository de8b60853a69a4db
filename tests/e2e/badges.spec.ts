import path from "node:path";
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page, type Response } from "@playwright/test";
import {
  accountNav,
  createMembers,
  E2E_ORIGIN,
  postCommentVia,
  publishReviewVia,
  NO_DRIFT,
  sessionToken,
  SESSION_COOKIE,
  shot,
  SHOTS_DIR,
  signInWithCookie,
  unique,
  voteCounterDrift,
  withDb,
  type MemberE2E,
} from "./helpers";

// Journeys through achievement badges earned by upvotes: the "10 upvotes" rung of the upvotes-received
// ladder (and the "Crowd pleaser" one-off a review's tenth upvote gives), told in a notice, shown on
// the member's board, in the catalog and the Ranking, and announced under the review by the system
// account ("Marquee badges"), one note for whatever one upvote earned (several badges listed in one
// note); these notes take no upvotes. The author's "STOP" reply to an announcement turns
// announcements off and reloads the page on the system's confirmation; anyone else's does not. Every journey makes its own members (createMembers: newcomers, minted
// session cookies) and its own reviews; each voter votes at most three times, well under the
// newcomer burst (playwright.config.ts VOTE_NEWCOMER_BURST_PER_MINUTE = 10).

// ── Words the pages use ──────────────────────────────────────────────────────────────────────────

const SYSTEM_NAME = "Marquee badges";
const SYSTEM_USERNAME = "marquee";
const STOP_DONE =
  "Done: no more badge notes under your reviews. Your badges still arrive in your notifications, and you can switch these notes back on in your settings.";
const STOP_HINT = "Reply STOP to this note and there will be no more of them under your reviews.";
const NO_UPVOTES = "Badge notes from Marquee take no upvotes.";

// ── Setting up through the app's own routes ──────────────────────────────────────────────────────

// An address of this spec's own for every member (TEST-NET-3), so no throttle counts them together.
let nextAddress = 1;
const ownAddress = () => ({ "x-forwarded-for": `203.0.113.${(nextAddress++ % 250) + 1}` });

const tokens = new Map<string, string>();
async function tokenOf(m: MemberE2E) {
  if (!tokens.has(m.id)) tokens.set(m.id, await sessionToken(m.id));
  return tokens.get(m.id)!;
}

/** A request as `m` sends it from a same-site form with JavaScript: minted session, same-site Origin, a JSON answer. */
async function asMember(m: MemberE2E) {
  return { cookie: `${SESSION_COOKIE}=${await tokenOf(m)}`, origin: E2E_ORIGIN, accept: "application/json", ...ownAddress() };
}

type Review = { id: number; slug: string; title: string };

/** Publishes a scored review as `m` (POST /api/reviews, as the editor does). */
async function publishReview(request: APIRequestContext, m: MemberE2E, title: string): Promise<Review> {
  const slug = await publishReviewVia(request, await asMember(m), title);
  const row = withDb((db) => db.prepare("select id, slug, title from posts where slug = ?").get(slug) as Review | undefined);
  expect(row, `the review ${slug}`).toBeDefined();
  return row!;
}

/** Posts a comment (or reply) as `m` (POST /api/comments); returns its id. */
const postComment = async (request: APIRequestContext, m: MemberE2E, reviewId: number, body: string, parentId?: number) =>
  postCommentVia(request, await asMember(m), reviewId, body, parentId);

/** POST /api/votes from `voter`, as the vote button sends it; the raw answer. */
async function sendUpvote(request: APIRequestContext, voter: MemberE2E, type: "review" | "comment", id: number) {
  return request.post("/api/votes", {
    headers: await asMember(voter),
    form: { type, id: String(id), value: "up", back: "/" },
  });
}

/** An upvote from `voter` through POST /api/votes, as the vote button sends it. */
async function upvote(request: APIRequestContext, voter: MemberE2E, type: "review" | "comment", id: number) {
  const res = await sendUpvote(request, voter, type, id);
  expect(res.status(), `${voter.username} upvotes ${type} ${id}`).toBe(200);
  expect(((await res.json()) as { data: { voted: boolean } }).data.voted).toBe(true);
}

/** An upvote on a note by the system account is refused (403, with the reason) and counts nothing. */
async function expectUpvoteRefused(request: APIRequestContext, voter: MemberE2E, commentId: number) {
  const before = upvotesReceived(SYSTEM_ID());
  const res = await sendUpvote(request, voter, "comment", commentId);
  expect(res.status(), `${voter.username} upvotes the system's note ${commentId}`).toBe(403);
  expect((await res.json()) as { ok: boolean; message: string }).toMatchObject({ ok: false, message: NO_UPVOTES });
  expect(commentVotesOn(commentId)).toEqual({ rows: 0, count: 0 });
  expect(upvotesReceived(SYSTEM_ID())).toBe(before);
}

/** A browser context signed in as a member, from an address of its own. */
async function contextFor(browser: Browser, m: MemberE2E) {
  const context = await browser.newContext({ extraHTTPHeaders: ownAddress() });
  await signInWithCookie(context, m.id);
  return context;
}

/**
 * A member whose review's upvotes just earned them "10 upvotes", announced under it, and nothing
 * else yet: one upvote on their own comment first, then nine on the review (so the review stands at
 * 9 and its tenth upvote, from voters[9], is still to give "Crowd pleaser").
 */
async function announcedAtNine(request: APIRequestContext, tag: string) {
  const [a] = createMembers(`${tag}a`) as [MemberE2E];
  const voters = createMembers(`${tag}v`, 10);
  const review = await publishReview(request, a, `The Zone answers back ${unique(tag)}`);
  const own = await postComment(request, a, review.id, `The author's note on the dog in the Zone ${unique(tag)}`);
  await upvote(request, voters[0]!, "comment", own);
  for (const v of voters.slice(0, 9)) await upvote(request, v, "review", review.id);
  expect(upvotesReceived(a.id)).toBe(10);
  expect(badgesOf(a.id)).toContain("upvotes-10");
  expect(badgesOf(a.id)).not.toContain("review-10-upvotes");
  const anns = announcementsOn(review.id);
  expect(anns.map((c) => [c.badge, c.parentId])).toEqual([["upvotes-10", null]]);
  return { a, voters, review, own, announcementId: anns[0]!.id };
}

// ── Reading the database ─────────────────────────────────────────────────────────────────────────

type SystemComment = { id: number; parentId: number | null; badge: string | null; body: string };

/** Every comment by the system account on a review, oldest first. */
const systemCommentsOn = (reviewId: number) =>
  withDb(
    (db) =>
      db
        .prepare(
          `select c.id, c.parent_id as "parentId", c.announces_badge as badge, c.body_md as body
           from comments c join users u on u.id = c.author_id where u.is_system = true and c.post_id = ? order by c.id`,
        )
        .all(reviewId) as SystemComment[],
  );
const announcementsOn = (reviewId: number) => systemCommentsOn(reviewId).filter((c) => c.badge !== null);

/** Every announcement under any review by this member. */
const announcementsUnderReviewsOf = (userId: string) =>
  withDb(
    (db) =>
      (
        db
          .prepare(
            `select c.announces_badge as badge from comments c join posts p on p.id = c.post_id
             where p.author_id = ? and c.announces_badge is not null order by c.id`,
          )
          .all(userId) as { badge: string }[]
      ).map((r) => r.badge),
  );

const badgesOf = (userId: string) =>
  withDb((db) => (db.prepare("select badge_slug as s from user_badges where user_id = ? order by granted_at, badge_slug").all(userId) as { s: string }[]).map((r) => r.s));

const badgeRow = (userId: string, slug: string) =>
  withDb(
    (db) =>
      db.prepare("select post_id as \"reviewId\", comment_id as \"commentId\" from user_badges where user_id = ? and badge_slug = ?").get(userId, slug) as
        | { reviewId: number | null; commentId: number | null }
        | undefined,
  );

/** The system account ("marquee"). */
const SYSTEM_ID = () =>
  withDb((db) => (db.prepare("select id from users where is_system = true and username = ?").get(SYSTEM_USERNAME) as { id: string }).id);

/** A comment's upvote rows and stored count. */
const commentVotesOn = (commentId: number) =>
  withDb((db) => ({
    rows: (db.prepare("select count(*) as n from comment_votes where comment_id = ?").get(commentId) as { n: number }).n,
    count: (db.prepare("select upvote_count as n from comments where id = ?").get(commentId) as { n: number }).n,
  }));

const upvotesReceived = (userId: string) =>
  withDb((db) => (db.prepare("select upvotes_received as n from users where id = ?").get(userId) as { n: number }).n);

const announcementsOnFor = (userId: string) =>
  withDb((db) => (db.prepare("select badge_announcements as on_ from users where id = ?").get(userId) as { on_: number }).on_ === 1);

type NoticeRow = { id: number; kind: string; target: string | null; amount: number | null; read: number };
const noticesOf = (userId: string) =>
  withDb(
    (db) =>
      db
        .prepare("select id, kind, target, amount, read_at is not null as read from notifications where recipient_id = ? order by id")
        .all(userId) as NoticeRow[],
  );

// ── Reading the page ─────────────────────────────────────────────────────────────────────────────

const isPost = (pathname: string) => (r: Response) => new URL(r.url()).pathname === pathname && r.request().method() === "POST";
const commentEl = (page: Page, id: number) => page.locator(`#comment-${id}`).filter({ visible: true });
const commentBody = (page: Page, id: number) => commentEl(page, id).locator(":scope > .comment__body");
const commentAuthor = (page: Page, id: number) => commentEl(page, id).locator(":scope > .comment__meta .comment__author");
const unreadCount = (page: Page) => accountNav(page).getByTestId("unread-count");
const badgeNotice = (page: Page, name: string) =>
  page.locator('li.notice-item[data-kind="badge"]').filter({ visible: true }).filter({ has: page.getByRole("button", { name, exact: true }) });

/**
 * Replies to a comment through its "Reply" control on the review page, with JavaScript; returns
 * the reply's id. `reloads`: whether the answer makes the page load again on the reply (the
 * author's STOP, which the system has answered under it) or the reply is shown in place.
 */
async function replyThroughUi(page: Page, parentId: number, body: string, { reloads }: { reloads: boolean }): Promise<number> {
  await commentEl(page, parentId).getByTestId(`reply-${parentId}`).click();
  const form = page.getByTestId(`reply-form-${parentId}`);
  await expect(form.getByLabel(`Reply to ${SYSTEM_NAME}`)).toBeVisible();
  await form.locator(`#reply-${parentId}-body`).fill(body);
  // The answer is read as it passes (a page that loads again leaves no response body to read
  // afterwards); the route hands it on to the page unchanged.
  let answer: { status: number; json: { data: { comment: { id: number }; reload?: boolean } } } | null = null;
  await page.route("/api/comments", async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    const res = await route.fetch();
    answer = { status: res.status(), json: await res.json() };
    await route.fulfill({ response: res });
  });
  // A mark on this document: gone once the page has loaded again, kept while it has not.
  await page.evaluate(() => ((window as unknown as { __beforeReply?: boolean }).__beforeReply = true));
  const loaded = reloads ? page.waitForEvent("load") : null;
  const posted = page.waitForResponse(isPost("/api/comments"));
  await form.getByRole("button", { name: "Post reply" }).click();
  await posted;
  await page.unroute("/api/comments");
  expect(answer, "the answer to the reply").not.toBeNull();
  const { status, json } = answer!;
  expect(status, "posting the reply").toBe(200);
  const id = json.data.comment.id;
  expect(json.data.reload ?? false, "the answer asks the page to load again").toBe(reloads);
  if (reloads) {
    // Loaded again by the app itself (no page.reload here), at the reply.
    await loaded;
    await expect(page).toHaveURL(new RegExp(`/reviews/[^/#?]+#comment-${id}$`));
  }
  await expect(commentBody(page, id)).toHaveText(body);
  expect(await page.evaluate(() => (window as unknown as { __beforeReply?: boolean }).__beforeReply === true), "the same document").toBe(!reloads);
  return id;
}

/** A comment shows no upvote control at all (neither the button nor the count that links to the voters). */
async function expectNoVoteControl(page: Page, id: number) {
  await expect(commentEl(page, id)).toHaveCount(1);
  await expect(page.locator(`.vote[data-vote="c${id}"]`)).toHaveCount(0);
  await expect(page.getByTestId(`upvote-c${id}`)).toHaveCount(0);
  await expect(page.getByTestId(`count-c${id}`)).toHaveCount(0);
  // The note still takes replies (that is how STOP is sent).
  await expect(commentEl(page, id).getByTestId(`reply-${id}`)).toBeVisible();
}

type BadgeWords = { name: string; tier: string; reached: string; next?: string };
const LINKS_AND_STOP = `Your badges are on your board; see where you stand in the Ranking. ${STOP_HINT}`;

/** What every announcement shows: by "Marquee badges", its links, and no upvote control. */
async function expectAnnouncementFrame(page: Page, id: number, who: MemberE2E) {
  await expect(commentAuthor(page, id)).toHaveText(SYSTEM_NAME);
  await expect(commentAuthor(page, id)).toHaveAttribute("href", `/u/${SYSTEM_USERNAME}`);
  const body = commentBody(page, id);
  await expect(body.getByRole("link", { name: `@${who.username}` })).toHaveAttribute("href", `/u/${who.username}`);
  await expect(body.getByRole("link", { name: "your board" })).toHaveAttribute("href", `/u/${who.username}/badges`);
  await expect(body.getByRole("link", { name: "Ranking" })).toHaveAttribute("href", "/ranking");
  await expectNoVoteControl(page, id);
}

/** The announcement of one badge as the review page shows it: the badge in the first line, its sentences, the links. */
async function expectAnnouncement(page: Page, id: number, who: MemberE2E, badge: BadgeWords) {
  await expectAnnouncementFrame(page, id, who);
  const body = commentBody(page, id);
  // The Markdown renderer sets typographic quotes: "review’s".
  await expect(body.locator("p")).toHaveText([
    `Congratulations @${who.username}! Your review’s upvotes earned you a new badge: ${badge.name} (${badge.tier}).`,
    badge.next ? `${badge.reached} ${badge.next}` : badge.reached,
    LINKS_AND_STOP,
  ]);
  await expect(body.locator("p").first().locator("strong")).toHaveText(badge.name);
  await expect(body.locator("li")).toHaveCount(0);
}

/** One announcement of several badges earned by one upvote: how many, then one list item per badge, then the links. */
async function expectMergedAnnouncement(page: Page, id: number, who: MemberE2E, badges: BadgeWords[]) {
  await expectAnnouncementFrame(page, id, who);
  const body = commentBody(page, id);
  await expect(body.locator("p")).toHaveText([
    `Congratulations @${who.username}! Your review’s upvotes earned you ${badges.length} new badges:`,
    LINKS_AND_STOP,
  ]);
  await expect(body.locator("ul > li")).toHaveText(badges.map((b) => `${b.name} (${b.tier}): ${b.next ? `${b.reached} ${b.next}` : b.reached}`));
  await expect(body.locator("ul > li > strong")).toHaveText(badges.map((b) => b.name));
}

/** The stored Markdown of an announcement of several badges (lib/badges/announce.ts). */
const mergedMarkdown = (who: MemberE2E, badges: BadgeWords[]) =>
  [
    `Congratulations @${who.username}! Your review's upvotes earned you ${badges.length} new badges:`,
    "",
    ...badges.map((b) => `- **${b.name}** (${b.tier}): ${b.next ? `${b.reached} ${b.next}` : b.reached}`),
    "",
    `Your badges are on [your board](/u/${who.username}/badges); see where you stand in the [Ranking](/ranking).`,
    STOP_HINT,
  ].join("\n");

/** A badge notice on /notifications: the line under it points to the board and the Ranking; no excerpt of what earned it. */
async function expectBadgeNoticeShape(item: Locator, who: MemberE2E) {
  await expect(item.locator(".notice__excerpt")).toHaveCount(0);
  const more = item.locator(".notice__more");
  await expect(more).toHaveText("All your badges are on your board; see where you stand in the Ranking.");
  await expect(more.getByRole("link", { name: "your board" })).toHaveAttribute("href", `/u/${who.username}/badges`);
  await expect(more.getByRole("link", { name: "Ranking" })).toHaveAttribute("href", "/ranking");
}

const TEN_UPVOTES = { name: "10 upvotes", tier: "bronze", reached: "You received more than 10 upvotes.", next: "Your next target is to reach 50 upvotes." };
const CROWD_PLEASER = { name: "Crowd pleaser", tier: "silver", reached: "One of your reviews received 10 upvotes." };

// ── The first badge ──────────────────────────────────────────────────────────────────────────────

test("ten members upvote a review: a notice, the board, the announcement under the review, the catalog and the Ranking", async ({
  page,
  context,
  browser,
  request,
}) => {
  const [a] = createMembers("bdga") as [MemberE2E];
  const voters = createMembers("bdgv", 10);
  const title = `Waiting in the Zone ${unique("bd")}`;
  const r = await publishReview(request, a, title);
  expect(badgesOf(a.id).sort()).toEqual(["first-scored-review", "reviews-1"]);

  // Nine upvotes through the route: no upvotes badge, no announcement yet.
  for (const v of voters.slice(0, 9)) await upvote(request, v, "review", r.id);
  expect(upvotesReceived(a.id)).toBe(9);
  expect(badgesOf(a.id)).not.toContain("upvotes-10");
  expect(systemCommentsOn(r.id)).toEqual([]);

  // The tenth with the button on the review page.
  const tenth = await contextFor(browser, voters[9]!);
  const tenthPage = await tenth.newPage();
  await tenthPage.goto(`/reviews/${r.slug}`);
  await expect(tenthPage.getByTestId(`count-r${r.id}`)).toHaveText("9 upvotes");
  const answer = tenthPage.waitForResponse(isPost("/api/votes"));
  await tenthPage.locator("#vote").getByRole("button", { name: "Upvote this review" }).click();
  expect((await answer).status()).toBe(200);
  await expect(tenthPage.getByTestId(`count-r${r.id}`)).toHaveText("10 upvotes");
  await tenth.close();

  // "10 upvotes" (the ladder) and "Crowd pleaser" (the review's tenth upvote), both earned by the
  // review's tenth upvote: ONE announcement lists both, and records the first of them.
  expect(upvotesReceived(a.id)).toBe(10);
  expect(badgesOf(a.id)).toEqual(expect.arrayContaining(["upvotes-10", "review-10-upvotes"]));
  expect(badgeRow(a.id, "upvotes-10")).toEqual({ reviewId: r.id, commentId: null });
  expect(badgeRow(a.id, "review-10-upvotes")).toEqual({ reviewId: r.id, commentId: null });
  const anns = announcementsOn(r.id);
  expect(anns.map((c) => [c.badge, c.parentId])).toEqual([["upvotes-10", null]]);
  expect(systemCommentsOn(r.id)).toHaveLength(1);
  expect(anns[0]!.body).toBe(mergedMarkdown(a, [TEN_UPVOTES, CROWD_PLEASER]));
  const announcement = anns[0]!.id;
  // The note takes no upvotes: refused through the route, whoever sends it.
  await expectUpvoteRefused(request, voters[0]!, announcement);
  await expectUpvoteRefused(request, a, announcement);
  const notices = noticesOf(a.id);
  expect(notices.filter((n) => n.kind === "badge").map((n) => n.target).sort()).toEqual(
    ["first-scored-review", "review-10-upvotes", "reviews-1", "upvotes-10"].sort(),
  );
  expect(notices.filter((n) => n.kind === "milestone").map((n) => n.amount)).toEqual([1, 10]);
  expect(notices.every((n) => !n.read)).toBe(true);

  // A: the header shows the unread notices.
  await context.setExtraHTTPHeaders(ownAddress());
  await signInWithCookie(context, a.id);
  await page.goto("/");
  await expect(unreadCount(page)).toHaveText(`${notices.length} unread`);

  // /notifications: the badge notice, with links to the board and the Ranking.
  await accountNav(page).getByTestId("notifications-link").click();
  await expect(page).toHaveURL("/notifications");
  const item = badgeNotice(page, "10 upvotes");
  await expect(item).toHaveCount(1);
  await expect(item).toHaveClass(/notice-item--unread/);
  await expect(item.locator(".notice__what")).toHaveText(
    "Unread: New badge: 10 upvotes. You received more than 10 upvotes. Your next target is to reach 50 upvotes.",
  );
  const noticeId = notices.find((n) => n.target === "upvotes-10")!.id;
  await expect(item.getByRole("button", { name: "10 upvotes", exact: true })).toHaveAttribute("form", `open-${noticeId}`);
  await expect(item.locator(`form#open-${noticeId}`)).toHaveAttribute("action", `/api/notifications/${noticeId}`);
  await expect(item.getByRole("link", { name: "your board" })).toHaveAttribute("href", `/u/${a.username}/badges`);
  await expect(item.getByRole("link", { name: "Ranking" })).toHaveAttribute("href", "/ranking");
  await expect(badgeNotice(page, "Crowd pleaser").locator(".notice__what")).toHaveText(
    "Unread: New badge: Crowd pleaser. One of your reviews received 10 upvotes.",
  );
  // Every badge notice: the line to the board and the Ranking, and no excerpt.
  const badgeItems = page.locator('li.notice-item[data-kind="badge"]').filter({ visible: true });
  await expect(badgeItems).toHaveCount(4);
  for (const b of await badgeItems.all()) await expectBadgeNoticeShape(b, a);
  await shot(page, "badges-notifications.png");

  // Following the notice: read, and on the board.
  await item.getByRole("button", { name: "10 upvotes", exact: true }).click();
  await expect(page).toHaveURL(`/u/${a.username}/badges`);
  expect(noticesOf(a.id).find((n) => n.id === noticeId)!.read).toBe(1);
  await expect(unreadCount(page)).toHaveText(`${notices.length - 1} unread`);

  // The board: the badge earned by the review, and the upvotes ladder at 10 / 50.
  const board = page.locator("section.board").filter({ visible: true });
  await expect(board.getByTestId("board-summary")).toContainText("4 badges, 6 points.");
  const earned = board.locator(".earned-list > li").filter({ has: page.getByRole("link", { name: "10 upvotes", exact: true }) });
  await expect(earned).toHaveCount(1);
  await expect(earned.getByRole("link", { name: "10 upvotes", exact: true })).toHaveAttribute("href", "/badges/upvotes-10");
  await expect(earned.locator(".tier")).toHaveText("bronze");
  await expect(earned).toContainText(`earned by “${title}”`);
  await expect(earned.getByRole("link", { name: `“${title}”` })).toHaveAttribute("href", `/reviews/${r.slug}`);
  await expect(board.getByTestId("progress-upvotes")).toHaveText("10 / 50");
  const bar = board.getByRole("progressbar", { name: "Upvotes received: progress to the next badge" });
  await expect(bar).toHaveAttribute("aria-valuenow", "20");
  await expect(bar).toHaveAttribute("aria-valuetext", "10 of 50");
  const ladder = board.locator('section.ladder[data-ladder="upvotes"]');
  await expect(ladder).toContainText("10 upvotes received; next badge at 50.");
  await expect(ladder.locator(".ladder__rungs > li.rung--earned")).toHaveText(["10 upvotes"]);
  expect(await bar.locator(".progress__bar").evaluate((el) => (el as HTMLElement).style.width)).toBe("20%");
  await shot(page, "badges-board.png");

  // The review: the one announcement by "Marquee badges", listing both badges, with its links and no upvote control.
  await page.goto(`/reviews/${r.slug}`);
  await expect(page.locator(`article.comment[data-author="${SYSTEM_USERNAME}"]`).filter({ visible: true })).toHaveCount(1);
  await expectMergedAnnouncement(page, announcement, a, [TEN_UPVOTES, CROWD_PLEASER]);
  await commentEl(page, announcement).scrollIntoViewIfNeeded();
  await commentEl(page, announcement).screenshot({ path: path.join(SHOTS_DIR, "badges-announcement.png") });
  await shot(page, "badges-review-with-announcements.png");

  // The badge's page lists A among its holders.
  const holders = withDb(
    (db) =>
      (
        db
          .prepare("select u.username from user_badges b join users u on u.id = b.user_id where b.badge_slug = 'upvotes-10' order by b.granted_at, u.id")
          .all() as { username: string }[]
      ).map((h) => h.username),
  );
  const at = holders.indexOf(a.username);
  expect(at).toBeGreaterThanOrEqual(0);
  const holdersPage = Math.floor(at / 50) + 1;
  await page.goto(holdersPage === 1 ? "/badges/upvotes-10" : `/badges/upvotes-10/${holdersPage}`);
  const section = page.locator("section.voters").filter({ visible: true });
  await expect(section.getByRole("heading", { level: 1 })).toHaveText("10 upvotes");
  await expect(section.getByTestId("voters-total")).toContainText(
    holders.length === 1 ? "1 member holds it." : `${holders.length} members hold it, first to earn it first.`,
  );
  const mine = section.locator(".voters__item").filter({ hasText: `@${a.username}` });
  await expect(mine).toHaveCount(1);
  await expect(mine.getByRole("link", { name: a.name })).toHaveAttribute("href", `/u/${a.username}`);
  // And the catalog counts the holders.
  await page.goto("/badges");
  const card = page.locator(".badge-card").filter({ visible: true }).filter({ has: page.getByRole("link", { name: "10 upvotes", exact: true }) });
  await expect(card).toContainText(`${holders.length} ${holders.length === 1 ? "holder" : "holders"}`);

  // The Ranking: A is on it, and signed in as A the page says where.
  const me = (await (await page.request.get("/api/ranking/me?by=points&period=all")).json()) as { signedIn: boolean; rank: number; value: number; page: number };
  expect(me).toMatchObject({ signedIn: true, value: 6 });
  await page.goto(me.page === 1 ? "/ranking" : `/ranking/points/all/${me.page}`);
  await expect(page.getByTestId("own-rank")).toHaveText(new RegExp(`^You are #${me.rank} with 6 points\\.`));
  const row = page.getByTestId("rank-list").filter({ visible: true }).locator(`li[data-user="${a.username}"]`);
  await expect(row.locator(".rank-list__rank")).toHaveText(`#${me.rank}`);
  await expect(row.getByRole("link", { name: a.name })).toHaveAttribute("href", `/u/${a.username}`);
  await expect(row.locator(".rank-list__value")).toHaveText("6 points");
  // The system account is never ranked.
  await expect(page.getByTestId("rank-list").filter({ visible: true }).locator(`li[data-user="${SYSTEM_USERNAME}"]`)).toHaveCount(0);
  await shot(page, "badges-ranking.png");
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});

// ── STOP ─────────────────────────────────────────────────────────────────────────────────────────

test("the author replies STOP: a confirmation, then later badges come as notices only, never under the reviews", async ({ page, context, request }) => {
  test.slow();
  const { a, voters, review, own, announcementId } = await announcedAtNine(request, "stp");
  expect(announcementsOnFor(a.id)).toBe(true);

  await context.setExtraHTTPHeaders(ownAddress());
  await signInWithCookie(context, a.id);
  await page.goto(`/reviews/${review.slug}`);
  await expectAnnouncement(page, announcementId, a, TEN_UPVOTES);

  // STOP, through the reply form under the announcement: the page loads again by itself, at the STOP.
  const stop = await replyThroughUi(page, announcementId, "STOP", { reloads: true });
  expect(announcementsOnFor(a.id)).toBe(false);
  const system = systemCommentsOn(review.id);
  expect(system.map((c) => [c.parentId, c.badge])).toEqual([
    [null, "upvotes-10"],
    [stop, null],
  ]);
  expect(system[1]!.body).toBe(STOP_DONE);
  const confirmation = system[1]!.id;

  // The confirmation is there right away, under the STOP, with no reload by the test.
  await expect(commentAuthor(page, confirmation)).toHaveText(SYSTEM_NAME);
  await expect(commentBody(page, confirmation)).toHaveText(STOP_DONE);
  await expect(commentEl(page, stop).locator(`#comment-${confirmation}`)).toHaveCount(1);
  // Notes by the system account take no upvotes: neither the announcement nor the confirmation.
  await expectNoVoteControl(page, announcementId);
  await expectNoVoteControl(page, confirmation);
  await expectUpvoteRefused(request, voters[9]!, confirmation);
  await expectUpvoteRefused(request, voters[9]!, announcementId);
  await commentEl(page, announcementId).screenshot({ path: path.join(SHOTS_DIR, "badges-stop-confirmation.png") });
  // Settings, where the confirmation says they can be switched back on, shows them off.
  await page.goto("/settings");
  await expect(page.getByLabel("Badge notes under my reviews")).not.toBeChecked();
  await expect(page.getByLabel("Badges I earn")).toBeChecked();

  // The review's tenth upvote earns "Crowd pleaser": a notice, no announcement.
  await upvote(request, voters[9]!, "review", review.id);
  expect(badgesOf(a.id)).toContain("review-10-upvotes");
  expect(noticesOf(a.id).some((n) => n.kind === "badge" && n.target === "review-10-upvotes")).toBe(true);

  // Another review climbs the total from 11 to 50 (its 39th upvote): "50 upvotes", a notice, no announcement.
  const second = await publishReview(request, a, `The room that grants wishes ${unique("stp")}`);
  for (const v of voters) await upvote(request, v, "review", second.id);
  const crowd = createMembers("stpc", 29);
  for (const v of crowd) await upvote(request, v, "review", second.id);
  expect(upvotesReceived(a.id)).toBe(50);
  expect(badgesOf(a.id)).toContain("upvotes-50");
  expect(badgeRow(a.id, "upvotes-50")).toEqual({ reviewId: second.id, commentId: null });
  expect(systemCommentsOn(second.id)).toEqual([]);
  expect(announcementsUnderReviewsOf(a.id)).toEqual(["upvotes-10"]);
  expect(systemCommentsOn(review.id).map((c) => c.id)).toEqual([announcementId, confirmation]);

  // On the pages: nothing new under either review; both notices arrived.
  await page.goto(`/reviews/${second.slug}`);
  await expect(page.getByTestId(`count-r${second.id}`)).toHaveText("39 upvotes");
  await expect(page.locator(`article.comment[data-author="${SYSTEM_USERNAME}"]`).filter({ visible: true })).toHaveCount(0);
  await page.goto(`/reviews/${review.slug}`);
  await expect(page.locator(`article.comment[data-author="${SYSTEM_USERNAME}"]`).filter({ visible: true })).toHaveCount(2);
  await page.goto("/notifications");
  await expect(badgeNotice(page, "50 upvotes").locator(".notice__what")).toHaveText(
    "Unread: New badge: 50 upvotes. You received more than 50 upvotes. Your next target is to reach 100 upvotes.",
  );
  await expect(badgeNotice(page, "Crowd pleaser").locator(".notice__what")).toHaveText(
    "Unread: New badge: Crowd pleaser. One of your reviews received 10 upvotes.",
  );
  // "First comment" was earned by a comment, yet its notice quotes none of it.
  expect(badgeRow(a.id, "comments-1")).toEqual({ reviewId: review.id, commentId: own });
  const firstComment = badgeNotice(page, "First comment");
  await expect(firstComment.locator(".notice__what")).toHaveText(
    "Unread: New badge: First comment. You wrote your first comment. Your next target is to write 10 comments.",
  );
  await expectBadgeNoticeShape(firstComment, a);
  await expect(firstComment).not.toContainText("The author's note on the dog in the Zone");
  for (const name of ["50 upvotes", "Crowd pleaser", "10 upvotes"]) await expectBadgeNoticeShape(badgeNotice(page, name), a);
  await page.goto(`/u/${a.username}/badges`);
  await expect(page.getByTestId("progress-upvotes").filter({ visible: true })).toHaveText("50 / 100");
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});

test("someone else's STOP under an announcement is an ordinary reply: the author's announcements go on", async ({ page, context, request }) => {
  const { a, voters, review, own, announcementId } = await announcedAtNine(request, "bst");
  const [b] = createMembers("bstb") as [MemberE2E];

  await context.setExtraHTTPHeaders(ownAddress());
  await signInWithCookie(context, b.id);
  await page.goto(`/reviews/${review.slug}`);
  // To B, A's comment has its upvote button; the system's note has none.
  await expect(page.getByTestId(`upvote-c${own}`).filter({ visible: true })).toHaveCount(1);
  await expectNoVoteControl(page, announcementId);
  await expectUpvoteRefused(request, b, announcementId);

  // B's STOP is shown in place; the page does not load again.
  const stop = await replyThroughUi(page, announcementId, "STOP", { reloads: false });
  expect(announcementsOnFor(a.id)).toBe(true);
  expect(systemCommentsOn(review.id).map((c) => c.id)).toEqual([announcementId]);
  await expect(page.getByText(STOP_DONE)).toHaveCount(0);

  // Loaded again: B's STOP stands alone, with no confirmation under it.
  await page.reload();
  await expect(commentBody(page, stop)).toHaveText("STOP");
  await expect(commentEl(page, stop).locator("article.comment")).toHaveCount(0);
  await expect(page.getByText(STOP_DONE)).toHaveCount(0);

  // The review's tenth upvote: "Crowd pleaser", announced under the review as before.
  await upvote(request, voters[9]!, "review", review.id);
  const anns = announcementsOn(review.id);
  expect(anns.map((c) => [c.badge, c.parentId])).toEqual([
    ["upvotes-10", null],
    ["review-10-upvotes", null],
  ]);
  await page.reload();
  await expectAnnouncement(page, anns[1]!.id, a, CROWD_PLEASER);
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});
