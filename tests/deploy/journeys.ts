import type { Browser, BrowserContext, Page, Response } from "@playwright/test";
import { expect, type Instance, type Site } from "./site";

// What the deployment journeys share: seeded rows read from PostgreSQL, browsers pinned to one
// server, and the parts of a review page they look at.

export type ReviewRow = { id: number; slug: string; upvotes: number; comments: number };

/**
 * A published review that none of `members` (usernames) wrote or upvoted, the `nth` such by id:
 * each journey takes its own, so that an upvote by any of them counts.
 */
export async function reviewOpenTo(site: Site, members: string[], nth: number): Promise<ReviewRow> {
  const { rows } = await site.db.query<ReviewRow>(
    `select p.id, p.slug, p.upvote_count as upvotes, p.comment_count as comments
     from posts p join users u on u.id = p.author_id
     where p.status = 'published' and u.username <> all($1::text[])
       and not exists (select 1 from post_votes v join users m on m.id = v.user_id where v.post_id = p.id and m.username = any($1::text[]))
     order by p.id offset $2 limit 1`,
    [members, nth],
  );
  expect(rows, "a published review").toHaveLength(1);
  return rows[0]!;
}

export async function memberId(site: Site, username: string): Promise<string> {
  const { rows } = await site.db.query<{ id: string }>("select id from users where username = $1", [username]);
  expect(rows, `seeded member ${username}`).toHaveLength(1);
  return rows[0]!.id;
}

/** Every comment stored with this body (a journey's bodies are unique). */
export async function commentsWithBody(site: Site, body: string) {
  const { rows } = await site.db.query<{ id: number; post_id: number; author_id: string; deleted_at: Date | null }>(
    "select id, post_id, author_id, deleted_at from comments where body_md = $1 order by id",
    [body],
  );
  return rows;
}

export async function hasReviewVote(site: Site, userId: string, reviewId: number): Promise<boolean> {
  const { rows } = await site.db.query("select 1 from post_votes where user_id = $1 and post_id = $2", [userId, reviewId]);
  return rows.length === 1;
}

export const upvotes = (n: number) => (n === 1 ? "1 upvote" : `${n} upvotes`);
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * A browser context on the public origin (AUTH_URL) whose every request goes to one server: the
 * browser sends them through the nginx in front of that server only, as its HTTP proxy.
 */
export function pinnedTo(browser: Browser, site: Site, instance: Instance, opts: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({ baseURL: site.origin, proxy: { server: `http://127.0.0.1:${site.only[instance.name].port}` }, ...opts });
}

/** A reader on one server directly, without JavaScript: the page is exactly what that server sent. */
export function readerOn(browser: Browser, instance: Instance): Promise<BrowserContext> {
  return browser.newContext({ baseURL: instance.origin, javaScriptEnabled: false });
}

export const isPost = (path: string) => (r: Response) => new URL(r.url()).pathname === path && r.request().method() === "POST";

/** Waits for the answer to a POST to `path` while `act` sends it. */
export async function posting(page: Page, path: string, act: () => Promise<void>): Promise<Response> {
  const answer = page.waitForResponse(isPost(path));
  await act();
  return answer;
}

/** The review page's own parts. */
export const reviewPage = (page: Page, review: ReviewRow) => ({
  count: page.getByTestId(`count-r${review.id}`),
  comment: (id: number) => page.locator(`#comment-${id}`).filter({ visible: true }),
  heading: page.getByTestId("comments-heading"),
});
