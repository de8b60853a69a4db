import { expect, type Locator, type Page, type Response } from "@playwright/test";
import { commentsWithBody, OIDC_ORIGIN, reviewBySlug, type CommentRowE2E, type ReviewRowE2E } from "../helpers";
import { row } from "./rows";

// What the discussion journeys share: the refusal messages, the rows they read (a seeded review, the
// comment a journey posted, the counters beside them) and the parts of a thread they look at.

export const EMPTY = "Write something before posting.";
export const TOO_LONG = "A comment has at most 10,000 characters; this one has 10,001.";
export const DUPLICATE = "You posted this same comment a moment ago. Change it, or wait a few minutes to post it again.";
// 10,001 characters, no trailing space (the body is trimmed before it is measured).
export const LONG_BODY = "A long one. ".repeat(1_000).slice(0, 10_001);

// ── Reading the database ────────────────────────────────────────────────────────────────────────

export function review(slug: string): ReviewRowE2E {
  const found = reviewBySlug(slug);
  expect(found, `seeded review ${slug}`).toBeDefined();
  return found!;
}

/** The one comment stored with this body (posted by this journey). */
export function stored(body: string): CommentRowE2E {
  const rows = commentsWithBody(body);
  expect(rows, `comments stored with the body “${body.slice(0, 40)}…”`).toHaveLength(1);
  return rows[0]!;
}

/** The oldest top-level comment on a review, shown and written by someone other than `notBy`. */
export function topLevelComment(reviewId: number, notBy: string): CommentRowE2E {
  return row<CommentRowE2E>(
    `select c.* from comments c join users u on u.id = c.author_id
     where c.post_id = ? and c.parent_id is null and c.deleted_at is null and u.username <> ? order by c.id limit 1`,
    reviewId,
    notBy,
  ) as CommentRowE2E;
}

/** The deepest comment on a review (the first of them): its path names every comment above it. */
export const deepestComment = (reviewId: number) => row<CommentRowE2E>("select * from comments where post_id = ? order by depth desc, id limit 1", reviewId) as CommentRowE2E;

/** Non-deleted comments below a comment (its path is a prefix of theirs). */
export const descendantsOf = (c: CommentRowE2E) =>
  row<{ n: number }>("select count(*) as n from comments where post_id = ? and path > ? and path < ? and deleted_at is null", c.post_id, c.path, `${c.path}~`)!.n;

/** The ids along a comment's path (lib/comments/path.ts: fixed-width base-36 segments of 6). */
export const pathIds = (path: string) => path.match(/.{6}/g)!.map((s) => parseInt(s, 36));

/** The counters equal what they count: the review's live comments, each comment's live replies. */
export function expectCountersHold(reviewId: number) {
  const drift = {
    review: row<{ d: number }>("select comment_count - (select count(*) from comments c where c.post_id = p.id and c.deleted_at is null) as d from posts p where p.id = ?", reviewId)!.d,
    replies: row<{ n: number }>(
      "select count(*) as n from comments c where c.post_id = ? and c.reply_count <> (select count(*) from comments k where k.parent_id = c.id and k.deleted_at is null)",
      reviewId,
    )!.n,
  };
  expect(drift, "comment_count and reply_count match the rows").toEqual({ review: 0, replies: 0 });
}

// ── Reading the page ─────────────────────────────────────────────────────────────────────────────

// Next keeps pages left by a client-side navigation in the DOM, hidden (React <Activity>): only the shown copy counts.
export const commentEl = (page: Page, id: number) => page.locator(`#comment-${id}`).filter({ visible: true });
/** The comment a permalink page is about, with its replies. */
export const focusOf = (page: Page) => page.getByTestId("comment-focus").filter({ visible: true });
/** A comment's own parts, not those of the replies nested in it. */
export const ownBody = (c: Locator) => c.locator(":scope > .comment__body");
export const ownActions = (c: Locator) => c.locator(":scope > .comment__actions");
export const ownMeta = (c: Locator) => c.locator(":scope > .comment__meta");
export const background = (el: Locator) => el.evaluate((e) => getComputedStyle(e).backgroundColor);
export const targetId = (page: Page) => page.evaluate(() => document.querySelector(":target")?.id ?? null);
export const topLevelIds = (page: Page) =>
  page.locator("section#comments > .thread > ol.comment-list > li > article.comment").evaluateAll((els) => els.map((e) => Number(e.id.replace("comment-", ""))));

export const isPost = (path: string) => (r: Response) => new URL(r.url()).pathname === path && r.request().method() === "POST";
export const commentPost = (page: Page) => page.waitForResponse(isPost("/api/comments"));

/** Who the server thinks is signed in (works without JavaScript too). */
export async function viewerName(page: Page): Promise<string | null> {
  const viewer = (await (await page.request.get("/api/viewer")).json()) as { user: { name: string } | null };
  return viewer.user?.name ?? null;
}

/** The provider's pages import a web font; there is no internet here. */
export const blockFonts = (page: Page) => page.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort());

/** The OpenID provider's login and consent (tests/e2e/oidc-provider.mjs accepts any login). */
export async function passProvider(page: Page, login: string) {
  await page.waitForURL(`${OIDC_ORIGIN}/interaction/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

/** The display name the provider gives a login: "critic_ab12" → "Critic Ab12". */
export const providerName = (login: string) =>
  login
    .split(/[-_.\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");

