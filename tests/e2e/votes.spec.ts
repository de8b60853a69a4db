import { expect, test, type APIRequest, type APIRequestContext, type Page, type Response } from "@playwright/test";
import { hotScore } from "../../lib/reviews/hot";
import {
  createMembers,
  DEMO_PASSWORD,
  E2E_ORIGIN,
  expectSignedInAs,
  NO_DRIFT,
  sessionToken,
  SESSION_COOKIE,
  signInWithCookie,
  submitSignIn,
  userByUsername,
  voteCounterDrift,
  withDb,
  type MemberE2E,
} from "./helpers";

// Journeys through upvotes on reviews and comments, with and without JavaScript: the count moving at
// once and the server's answer kept, taking a vote back, one's own items, signing in to vote and
// coming back, refusals (429, 410, 403) and the voters pages. Each journey votes on its own seeded
// review, as members it makes itself (straight into the database, signed in with a minted session
// cookie) unless it is about signing in; its counts are read before it starts, so no other journey
// moves them. Minted members are newcomers: at most NEWCOMER_BURST changes a minute.

const NEWCOMER_BURST = 10; // playwright.config.ts VOTE_NEWCOMER_BURST_PER_MINUTE

const TOKYO_FEMI = "tokyo-story-and-the-quiet-cruelty-of-ordinary-busyness"; // femi_oyelaran, 5 upvotes
const FEMI_RIFIFI = "rififi-full-spoilers-half-an-hour-of-silence-and-a-long-driv"; // femi_oyelaran, who commented under it
const THIRD_MAN = "the-third-man-full-spoilers-the-long-walk-down-the-avenue"; // kenji_nakamura; mara has not upvoted it
const MAN_ON_WIRE_INGRID = "man-on-wire-and-the-problem-of-loving-the-charming-man"; // ingrid_alvarado
const PALME_PREQUEL = "palme-d-or-notebook-prequel-the-third-man-grand-prix-1949"; // lucia_del_prado
const MAN_ON_WIRE = "man-on-wire-is-the-best-heist-film-that-happens-to-be-true"; // femi_oyelaran
const RIFIFI = "rififi-s-heist-is-the-loudest-silence-in-cinema"; // tobias_renner; samir has not upvoted it
const FIRST_SILENT = "my-first-silent-film-i-think-i-get-it-now"; // hollis_greer
const ANATOMY_KENJI = "anatomy-of-a-fall-a-great-110-minute-film-in-a-151-minute-co"; // kenji_nakamura, no upvotes
const TOKYO_INGRID = "tokyo-story-full-spoilers-the-watch-the-fan-and-the-empty-ro"; // ingrid_alvarado, with replies

// Every password sign-in in the suite comes from the same address ("local") and lib/auth/throttle.ts
// refuses an address's 31st attempt in 15 minutes (and slows those after the 10th): the journeys that
// sign in here say they come from an address of their own, so they neither spend nor wait on that budget.
const ownAddress = (n: number) => ({ "x-forwarded-for": `198.51.100.${n}` });

const SELF_REVIEW = "You can't upvote your own review.";
const SELF_COMMENT = "You can't upvote your own comment.";
const COMMENT_GONE = "This comment was deleted, so it takes no more votes.";
const NOT_COUNTED = "Your vote was not counted";
const TOO_MANY = new RegExp(`^New members can vote ${NEWCOMER_BURST} times a minute\\. Try again in \\d+ seconds?\\.$`);

// ── Reading the database ────────────────────────────────────────────────────────────────────────

type ReviewVotes = { id: number; slug: string; title: string; upvotes: number; hot: number; publishedAt: number; authorId: string; received: number };
type CommentVotes = { id: number; postId: number; upvotes: number; authorId: string; received: number };

function reviewVotes(slug: string): ReviewVotes {
  const row = withDb(
    (db) =>
      db
        .prepare(
          `select p.id, p.slug, p.title, p.upvote_count as upvotes, p.hot_score as hot, p.published_at as publishedAt,
                  p.author_id as authorId, u.upvotes_received as received
           from posts p join users u on u.id = p.author_id where p.slug = ?`,
        )
        .get(slug) as ReviewVotes | undefined,
  );
  expect(row, `seeded review ${slug}`).toBeDefined();
  return row!;
}

function commentVotes(id: number): CommentVotes {
  const row = withDb(
    (db) =>
      db
        .prepare(
          `select c.id, c.post_id as postId, c.upvote_count as upvotes, c.author_id as authorId, u.upvotes_received as received
           from comments c join users u on u.id = c.author_id where c.id = ?`,
        )
        .get(id) as CommentVotes | undefined,
  );
  expect(row, `comment ${id}`).toBeDefined();
  return row!;
}

/** The oldest live top-level comment on a review that `viewer` neither wrote nor has upvoted. */
function commentOn(postId: number, viewer: { id: string }): CommentVotes {
  const row = withDb(
    (db) =>
      db
        .prepare(
          `select c.id from comments c
           where c.post_id = ? and c.parent_id is null and c.deleted_at is null and c.author_id is not null and c.author_id <> ?
             and not exists (select 1 from comment_votes v where v.comment_id = c.id and v.user_id = ?)
           order by c.id limit 1`,
        )
        .get(postId, viewer.id, viewer.id) as { id: number } | undefined,
  );
  expect(row, `a comment on review ${postId} open to ${viewer.id}'s vote`).toBeDefined();
  return commentVotes(row!.id);
}

/** A live comment on a review written by `by` (a username). */
function commentBy(postId: number, by: string): CommentVotes {
  const row = withDb(
    (db) =>
      db
        .prepare("select c.id from comments c join users u on u.id = c.author_id where c.post_id = ? and c.deleted_at is null and u.username = ? order by c.id limit 1")
        .get(postId, by) as { id: number } | undefined,
  );
  expect(row, `a comment by ${by} on review ${postId}`).toBeDefined();
  return commentVotes(row!.id);
}

const hasReviewVote = (userId: string, postId: number) =>
  withDb((db) => !!db.prepare("select 1 from post_votes where user_id = ? and post_id = ?").get(userId, postId));

const commentVoteRow = (userId: string, commentId: number) =>
  withDb((db) => db.prepare("select post_id as postId from comment_votes where user_id = ? and comment_id = ?").get(userId, commentId) as { postId: number } | undefined);

// ── Reading the page ─────────────────────────────────────────────────────────────────────────────

const upvotes = (n: number) => (n === 1 ? "1 upvote" : `${n} upvotes`);

/** An item's vote control by its key ("r12", "c34"): the two buttons, the note on one's own item, the count, the error. */
function control(page: Page, key: string) {
  const root = page.locator(`.vote[data-vote="${key}"]`);
  return {
    root,
    up: page.getByTestId(`upvote-${key}`),
    undo: page.getByTestId(`undo-${key}`),
    self: root.locator(".vote__self"),
    count: page.getByTestId(`count-${key}`),
    error: page.getByTestId(`vote-error-${key}`),
  };
}

/** Shows "Upvote" (not yet voted) or "Upvoted" (voted, pressed), never both, and this count. */
async function expectVoteShown(page: Page, key: string, voted: boolean, count: number) {
  const c = control(page, key);
  await expect(c.count).toHaveText(upvotes(count));
  if (voted) {
    await expect(c.undo).toBeVisible();
    await expect(c.undo).toHaveAttribute("aria-pressed", "true");
    await expect(c.up).toBeHidden();
  } else {
    await expect(c.up).toBeVisible();
    await expect(c.undo).toBeHidden();
  }
  await expect(c.self).toBeHidden();
}

/** Without JavaScript: the control every reader gets ("Upvote", never the viewer's own state) and this count. */
async function expectPlainVote(page: Page, key: string, count: number) {
  const c = control(page, key);
  await expect(c.count).toHaveText(upvotes(count));
  await expect(c.up).toBeVisible();
  await expect(c.undo).toHaveCount(0);
}

const isVotePost = (r: Response) => new URL(r.url()).pathname === "/api/votes" && r.request().method() === "POST";
const votePost = (page: Page) => page.waitForResponse(isVotePost);
const targetId = (page: Page) => page.evaluate(() => document.querySelector(":target")?.id ?? null);

/** Holds the next /api/votes request until `release()`, to see what the page shows before the server answers. */
async function holdNextVote(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(
    "**/api/votes",
    async (route) => {
      await held;
      await route.continue();
    },
    { times: 1 },
  );
  return release;
}

/** A vote sent straight to the server, as a hand-made form would (same-site Origin), answered in JSON. */
function forgeVote(page: Page, fields: { type: "review" | "comment"; id: number; value: "up" | "none"; back?: string }) {
  return page.request.post("/api/votes", {
    headers: { origin: E2E_ORIGIN, accept: "application/json" },
    form: { type: fields.type, id: String(fields.id), value: fields.value, back: fields.back ?? "/" },
  });
}

/** A member's own API client (minted session, same-site Origin, JSON answers), for what they do "in another tab". */
async function apiAs(request: APIRequest, member: MemberE2E) {
  return request.newContext({
    baseURL: E2E_ORIGIN,
    extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${await sessionToken(member.id)}`, origin: E2E_ORIGIN, accept: "application/json" },
  });
}

/** Posts a top-level comment through the API and returns its id. */
async function postComment(api: APIRequestContext, reviewId: number, body: string): Promise<number> {
  const posted = await api.post("/api/comments", { form: { reviewId: String(reviewId), body } });
  expect(posted.status(), "comment posted").toBe(200);
  return ((await posted.json()) as { data: { comment: { id: number } } }).data.comment.id;
}

async function deleteComment(api: APIRequestContext, id: number) {
  expect((await api.post(`/api/comments/${id}/delete`)).status(), "comment deleted").toBe(200);
  expect(withDb((db) => db.prepare("select deleted_at as d from comments where id = ?").get(id) as { d: number | null }).d).not.toBeNull();
}

/** The vote page a refused plain post renders: its status code, heading, the reason and a way back. */
async function expectVotePage(page: Page, status: number, message: string | RegExp, back: string) {
  await expect(page.getByRole("heading", { level: 1, name: NOT_COUNTED })).toBeVisible();
  await expect(page.locator(".state-page__code")).toHaveText(String(status));
  await expect(page.locator(".state-page p.muted")).toHaveText(message);
  await expect(page.getByRole("link", { name: "Go back" })).toHaveAttribute("href", back);
}

// ── With JavaScript ──────────────────────────────────────────────────────────────────────────────

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
  expect(commentVoteRow(voter.id, c.id)).toEqual({ postId: r.id });
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

type Gate = { held: Promise<void>; open: () => void };
const closedGate = (): Gate => {
  let open!: () => void;
  const held = new Promise<void>((r) => (open = r));
  return { held, open };
};
const OPEN: Gate = { held: Promise.resolve(), open: () => undefined };

/**
 * Holds /api/viewer and /api/votes requests at gates the test opens. One route for the whole test:
 * adding or removing a route while a request waits at another lets that request go.
 */
async function gates(page: Page) {
  const at = { viewer: OPEN, votes: OPEN };
  await page.route(/\/api\/(?:viewer|votes)(?:\?|$)/, async (route) => {
    const gate = new URL(route.request().url()).pathname === "/api/viewer" ? at.viewer : at.votes;
    await gate.held;
    await route.continue();
  });
  return at;
}
const isViewerAnswer = (r: Response) => new URL(r.url()).pathname === "/api/viewer";

test("a vote cast before the viewer's answer arrives stays shown when that answer comes, pending or already answered", async ({ page, context }) => {
  const [voter] = createMembers("race") as [MemberE2E];
  await signInWithCookie(context, voter.id);
  const r = reviewVotes(TOKYO_FEMI);
  const key = `r${r.id}`;
  const at = await gates(page);

  // The viewer's answer (asked at load, before the vote) lands while the vote is on its way.
  at.viewer = closedGate();
  at.votes = closedGate();
  await page.goto(`/reviews/${r.slug}`);
  await expect(page.locator('input[name="js"]').first()).toHaveValue("1");
  let answer = votePost(page);
  await control(page, key).up.click();
  await expectVoteShown(page, key, true, r.upvotes + 1);
  let viewerAnswer = page.waitForResponse(isViewerAnswer);
  at.viewer.open();
  expect((await viewerAnswer).status()).toBe(200);
  await expect(page.locator("html.signed-in")).toHaveCount(1);
  await expectVoteShown(page, key, true, r.upvotes + 1);
  expect(hasReviewVote(voter.id, r.id), "the vote is still held").toBe(false);
  at.votes.open();
  expect(await (await answer).json()).toMatchObject({ ok: true, data: { voted: true, count: r.upvotes + 1 } });
  await expectVoteShown(page, key, true, r.upvotes + 1);
  expect(hasReviewVote(voter.id, r.id)).toBe(true);

  // The viewer's answer (asked at load) lands after the server has answered a vote on a comment.
  const c = commentOn(r.id, voter);
  const cKey = `c${c.id}`;
  at.viewer = closedGate();
  at.votes = OPEN;
  await page.reload();
  await expect(page.locator('input[name="js"]').first()).toHaveValue("1");
  answer = votePost(page);
  await control(page, cKey).up.click();
  expect(await (await answer).json()).toMatchObject({ ok: true, data: { type: "comment", id: c.id, voted: true, count: c.upvotes + 1 } });
  await expectVoteShown(page, cKey, true, c.upvotes + 1);
  viewerAnswer = page.waitForResponse(isViewerAnswer);
  at.viewer.open();
  expect((await viewerAnswer).status()).toBe(200);
  // The review's vote, which the answer holds, shows once the answer is applied.
  await expectVoteShown(page, key, true, r.upvotes + 1);
  await expectVoteShown(page, cKey, true, c.upvotes + 1);
  expect(commentVoteRow(voter.id, c.id)).toEqual({ postId: r.id });
  expect(commentVotes(c.id).upvotes).toBe(c.upvotes + 1);
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});

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

test("a newcomer past the burst limit: the count goes up, then rolls back with the 429's message", async ({ page, context }) => {
  const [voter] = createMembers("burst") as [MemberE2E];
  await signInWithCookie(context, voter.id);
  const r = reviewVotes(MAN_ON_WIRE_INGRID);
  const key = `r${r.id}`;
  await page.goto(`/reviews/${r.slug}`);
  await expectVoteShown(page, key, false, r.upvotes);

  // A full minute's worth of changes from another tab (up, back, up, …), ending with no vote.
  for (let i = 0; i < NEWCOMER_BURST; i++) {
    const res = await forgeVote(page, { type: "review", id: r.id, value: i % 2 === 0 ? "up" : "none" });
    expect(res.status(), `change ${i + 1}`).toBe(200);
  }
  expect(hasReviewVote(voter.id, r.id)).toBe(false);

  const release = await holdNextVote(page);
  const answer = votePost(page);
  await page.locator("#vote").getByRole("button", { name: "Upvote this review" }).click();
  await expect(control(page, key).count).toHaveText(upvotes(r.upvotes + 1));
  release();
  const res = await answer;
  expect(res.status()).toBe(429);
  expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
  const error = control(page, key).error;
  await expect(error).toHaveText(TOO_MANY);
  await expect(error).toHaveAttribute("role", "alert");
  await expectVoteShown(page, key, false, r.upvotes);
  expect(hasReviewVote(voter.id, r.id)).toBe(false);
  expect(reviewVotes(MAN_ON_WIRE_INGRID)).toMatchObject({ upvotes: r.upvotes, received: r.received });
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});

test("a comment deleted after the page was loaded: the vote rolls back with the 410's message", async ({ page, context, playwright }) => {
  const [author, voter] = createMembers("gone", 2) as [MemberE2E, MemberE2E];
  const r = reviewVotes(PALME_PREQUEL);
  const authorApi = await apiAs(playwright.request, author);
  try {
    const commentId = await postComment(authorApi, r.id, `The Grand Prix list of 1949 reads like a who's who of the postwar ${author.username}`);
    const key = `c${commentId}`;
    await signInWithCookie(context, voter.id);
    await page.goto(`/reviews/${r.slug}`);
    await expectVoteShown(page, key, false, 0);

    // The author deletes it in the meantime.
    await deleteComment(authorApi, commentId);
    const answer = votePost(page);
    await control(page, key).up.click();
    expect((await answer).status()).toBe(410);
    await expect(control(page, key).error).toHaveText(COMMENT_GONE);
    await expect(control(page, key).error).toHaveAttribute("role", "alert");
    await expectVoteShown(page, key, false, 0);
    expect(commentVoteRow(voter.id, commentId)).toBeUndefined();
    expect(commentVotes(commentId)).toMatchObject({ upvotes: 0, received: 0 });
    expect(voteCounterDrift()).toEqual(NO_DRIFT);
  } finally {
    await authorApi.dispose();
  }
});

test("who upvoted a review: fifty a page, newest first, with pages after the first", async ({ page, request }) => {
  const r = reviewVotes(ANATOMY_KENJI);
  const crowd = createMembers("crowd", 51);
  // One at a time, so "newest first" has an order to check.
  for (const m of crowd) {
    const res = await request.post("/api/votes", {
      headers: { cookie: `${SESSION_COOKIE}=${await sessionToken(m.id)}`, origin: E2E_ORIGIN, accept: "application/json" },
      form: { type: "review", id: String(r.id), value: "up", back: "/" },
    });
    expect(res.status(), m.username).toBe(200);
  }
  const total = r.upvotes + 51;
  expect(reviewVotes(ANATOMY_KENJI)).toMatchObject({ upvotes: total, received: r.received + 51 });
  // The order the page promises: newest vote first (ties by user id, as lib/votes/queries.ts does).
  const order = withDb(
    (db) =>
      db
        .prepare("select u.username from post_votes v join users u on u.id = v.user_id where v.post_id = ? order by v.created_at desc, u.id desc")
        .all(r.id) as { username: string }[],
  ).map((v) => `@${v.username}`);
  expect(order).toHaveLength(total);
  expect(order[0]).toBe(`@${crowd.at(-1)!.username}`);

  await page.goto(`/reviews/${r.slug}`);
  await expect(control(page, `r${r.id}`).count).toHaveText(upvotes(total));
  await control(page, `r${r.id}`).count.click();
  await expect(page).toHaveURL(`/reviews/${r.slug}/upvotes`);
  let voters = page.locator("section.voters").filter({ visible: true });
  await expect(voters.getByRole("heading", { level: 1 })).toHaveText(r.title);
  await expect(voters.getByTestId("voters-total")).toHaveText(`${total} upvotes, newest first. Page 1 of 2.`);
  await expect(voters.locator(".voters__item")).toHaveCount(50);
  expect(await voters.locator(".voters__item .muted:not(time)").allTextContents()).toEqual(order.slice(0, 50));
  const pager = () => page.getByRole("navigation", { name: "Pages of upvotes" }).filter({ visible: true });
  await expect(pager().getByRole("link")).toHaveText(["Older →"]);

  await pager().getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(`/reviews/${r.slug}/upvotes/2`);
  voters = page.locator("section.voters").filter({ visible: true });
  await expect(voters.getByTestId("voters-total")).toHaveText(`${total} upvotes, newest first. Page 2 of 2.`);
  await expect(voters.locator("ol.voters__list")).toHaveAttribute("start", "51");
  await expect(voters.locator(".voters__item")).toHaveCount(total - 50);
  expect(await voters.locator(".voters__item .muted:not(time)").allTextContents()).toEqual(order.slice(50));
  await expect(pager().getByRole("link")).toHaveText(["← Newer"]);
  await pager().getByRole("link", { name: "← Newer" }).click();
  await expect(page).toHaveURL(`/reviews/${r.slug}/upvotes`);

  // No page past the last, and page 1 lives only at the bare address.
  expect((await page.goto(`/reviews/${r.slug}/upvotes/3`))!.status()).toBe(404);
  expect((await page.goto(`/reviews/${r.slug}/upvotes/1`))!.status()).toBe(404);
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
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
    expect(commentVoteRow(voter.id, c.id)).toEqual({ postId: r.id });
    expect(commentVotes(c.id)).toMatchObject({ upvotes: c.upvotes + 1, received: c.received + 1 });
    expect(voteCounterDrift()).toEqual(NO_DRIFT);
  });

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

  test("a comment's control comes back to the page it was used on: another sort order, a comment's own page", async ({ page, context }) => {
    const [voter] = createMembers("back") as [MemberE2E];
    await signInWithCookie(context, voter.id);
    const r = reviewVotes(TOKYO_INGRID);
    const c = commentOn(r.id, voter);
    const reply = withDb(
      (db) =>
        db.prepare("select id, parent_id as parentId from comments where post_id = ? and parent_id is not null and deleted_at is null and author_id is not null order by id limit 1").get(r.id) as {
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

  test("a plain vote on a comment deleted after the page was loaded: the vote page at 410", async ({ page, context, playwright }) => {
    const [author, voter] = createMembers("gonenj", 2) as [MemberE2E, MemberE2E];
    const r = reviewVotes(PALME_PREQUEL);
    const authorApi = await apiAs(playwright.request, author);
    try {
      const commentId = await postComment(authorApi, r.id, `Cannes in 1949 gave the Grand Prix to a film about a sewer chase ${author.username}`);
      await signInWithCookie(context, voter.id);
      await page.goto(`/reviews/${r.slug}`);
      await expectPlainVote(page, `c${commentId}`, 0);
      await deleteComment(authorApi, commentId);

      const answer = votePost(page);
      await control(page, `c${commentId}`).up.click();
      const res = await answer;
      expect(res.status()).toBe(410);
      expect(res.headers()["content-type"]).toContain("text/html");
      await expectVotePage(page, 410, COMMENT_GONE, `/reviews/${r.slug}#comment-${commentId}`);
      expect(commentVoteRow(voter.id, commentId)).toBeUndefined();
      expect(commentVotes(commentId)).toMatchObject({ upvotes: 0, received: 0 });
      expect(voteCounterDrift()).toEqual(NO_DRIFT);
    } finally {
      await authorApi.dispose();
    }
  });

  test("a plain vote past the newcomer burst: the vote page at 429 with the wait", async ({ page, context }) => {
    const [voter] = createMembers("burstnj") as [MemberE2E];
    await signInWithCookie(context, voter.id);
    const r = reviewVotes(MAN_ON_WIRE_INGRID);
    await page.goto(`/reviews/${r.slug}`);
    for (let i = 0; i < NEWCOMER_BURST; i++) {
      expect((await forgeVote(page, { type: "review", id: r.id, value: i % 2 === 0 ? "up" : "none" })).status(), `change ${i + 1}`).toBe(200);
    }
    const answer = votePost(page);
    await page.locator("#vote").getByRole("button", { name: "Upvote this review" }).click();
    const res = await answer;
    expect(res.status()).toBe(429);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    await expectVotePage(page, 429, TOO_MANY, `/reviews/${r.slug}#vote`);
    expect(hasReviewVote(voter.id, r.id)).toBe(false);
    expect(reviewVotes(MAN_ON_WIRE_INGRID)).toMatchObject({ upvotes: r.upvotes, received: r.received });
    expect(voteCounterDrift()).toEqual(NO_DRIFT);
  });
});
