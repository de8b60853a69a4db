import { expect, type APIRequest, type APIRequestContext, type Page, type Response } from "@playwright/test";
import { E2E_ORIGIN, postCommentVia, sessionCookie, type MemberE2E } from "../helpers";
import { commentDeletedAt, row, voteRows } from "./rows";

// What the vote journeys share: the refusal messages, the counts of a review or a comment and of its
// author (read before a journey starts, so no other journey moves them), an item's vote control on
// the page, and votes and comments sent straight to the server.

export const NEWCOMER_BURST = 10; // playwright.config.ts VOTE_NEWCOMER_BURST_PER_MINUTE

export const SELF_REVIEW = "You can't upvote your own review.";
export const SELF_COMMENT = "You can't upvote your own comment.";
export const COMMENT_GONE = "This comment was deleted, so it takes no more votes.";
export const NOT_COUNTED = "Your vote was not counted";
export const TOO_MANY = new RegExp(`^New members can vote ${NEWCOMER_BURST} times a minute\\. Try again in \\d+ seconds?\\.$`);

// ── Reading the database ────────────────────────────────────────────────────────────────────────

export type ReviewVotes = { id: number; slug: string; title: string; upvotes: number; hot: number; publishedAt: number; authorId: string; received: number };
export type CommentVotes = { id: number; reviewId: number; upvotes: number; authorId: string; received: number };

export function reviewVotes(slug: string): ReviewVotes {
  const found = row<ReviewVotes>(
    `select p.id, p.slug, p.title, p.upvote_count as upvotes, p.hot_score as hot, p.published_at as "publishedAt",
            p.author_id as "authorId", u.upvotes_received as received
     from posts p join users u on u.id = p.author_id where p.slug = ?`,
    slug,
  );
  expect(found, `seeded review ${slug}`).toBeDefined();
  return found!;
}

export function commentVotes(id: number): CommentVotes {
  const found = row<CommentVotes>(
    `select c.id, c.post_id as "reviewId", c.upvote_count as upvotes, c.author_id as "authorId", u.upvotes_received as received
     from comments c join users u on u.id = c.author_id where c.id = ?`,
    id,
  );
  expect(found, `comment ${id}`).toBeDefined();
  return found!;
}

/** The oldest live top-level comment on a review that `viewer` neither wrote nor has upvoted. */
export function commentOn(reviewId: number, viewer: { id: string }): CommentVotes {
  const found = row<{ id: number }>(
    `select c.id from comments c
     where c.post_id = ? and c.parent_id is null and c.deleted_at is null and c.author_id is not null and c.author_id <> ?
       and not exists (select 1 from comment_votes v where v.comment_id = c.id and v.user_id = ?)
     order by c.id limit 1`,
    reviewId,
    viewer.id,
    viewer.id,
  );
  expect(found, `a comment on review ${reviewId} open to ${viewer.id}'s vote`).toBeDefined();
  return commentVotes(found!.id);
}

/** A live comment on a review written by `by` (a username). */
export function commentBy(reviewId: number, by: string): CommentVotes {
  const found = row<{ id: number }>(
    "select c.id from comments c join users u on u.id = c.author_id where c.post_id = ? and c.deleted_at is null and u.username = ? order by c.id limit 1",
    reviewId,
    by,
  );
  expect(found, `a comment by ${by} on review ${reviewId}`).toBeDefined();
  return commentVotes(found!.id);
}

export const hasReviewVote = (userId: string, reviewId: number) => voteRows("review", reviewId, userId) > 0;

// ── Reading the page ─────────────────────────────────────────────────────────────────────────────

export const upvotes = (n: number) => (n === 1 ? "1 upvote" : `${n} upvotes`);

/** An item's vote control by its key ("r12", "c34"): the two buttons, the note on one's own item, the count, the error. */
export function control(page: Page, key: string) {
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
export async function expectVoteShown(page: Page, key: string, voted: boolean, count: number) {
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
export async function expectPlainVote(page: Page, key: string, count: number) {
  const c = control(page, key);
  await expect(c.count).toHaveText(upvotes(count));
  await expect(c.up).toBeVisible();
  await expect(c.undo).toHaveCount(0);
}

export const isVotePost = (r: Response) => new URL(r.url()).pathname === "/api/votes" && r.request().method() === "POST";
export const votePost = (page: Page) => page.waitForResponse(isVotePost);
export const targetId = (page: Page) => page.evaluate(() => document.querySelector(":target")?.id ?? null);

/** Holds the next /api/votes request until `release()`, to see what the page shows before the server answers. */
export async function holdNextVote(page: Page) {
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
export function forgeVote(page: Page, fields: { type: "review" | "comment"; id: number; value: "up" | "none"; back?: string }) {
  return page.request.post("/api/votes", {
    headers: { origin: E2E_ORIGIN, accept: "application/json" },
    form: { type: fields.type, id: String(fields.id), value: fields.value, back: fields.back ?? "/" },
  });
}

/** A member's own API client (minted session, same-site Origin, JSON answers), for what they do "in another tab". */
export async function apiAs(request: APIRequest, member: MemberE2E) {
  return request.newContext({
    baseURL: E2E_ORIGIN,
    extraHTTPHeaders: { cookie: await sessionCookie(member.id), origin: E2E_ORIGIN, accept: "application/json" },
  });
}

/** Posts a top-level comment through the API and returns its id. */
export const postComment = (api: APIRequestContext, reviewId: number, body: string): Promise<number> => postCommentVia(api, {}, reviewId, body);

export async function deleteComment(api: APIRequestContext, id: number) {
  expect((await api.post(`/api/comments/${id}/delete`)).status(), "comment deleted").toBe(200);
  expect(commentDeletedAt(id)).not.toBeNull();
}

/** The vote page a refused plain post renders: its status code, heading, the reason and a way back. */
export async function expectVotePage(page: Page, status: number, message: string | RegExp, back: string) {
  await expect(page.getByRole("heading", { level: 1, name: NOT_COUNTED })).toBeVisible();
  await expect(page.locator(".state-page__code")).toHaveText(String(status));
  await expect(page.locator(".state-page p.muted")).toHaveText(message);
  await expect(page.getByRole("link", { name: "Go back" })).toHaveAttribute("href", back);
}
