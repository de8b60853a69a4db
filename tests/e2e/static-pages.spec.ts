import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { E2E_ORIGIN, SESSION_COOKIE, createMembers, postCommentVia, sessionCookie, sessionToken, withDb, type MemberE2E } from "./helpers";
import { voteRows } from "./helpers/rows";

// Shared pages are rendered once and then served whole from the cache: no request-time read
// anywhere in their route tree. A page that starts reading the request (cookies, headers, the
// session) stops being served from the cache, or comes back with a postponed part; this fails then.

function sharedPages(): string[] {
  return withDb((db) => {
    const one = <T>(sql: string) => db.prepare(sql).pluck().get() as T;
    const review = one<string>("select slug from posts where status = 'published' order by comment_count desc limit 1");
    const user = one<string>("select username from users where is_system = false order by badge_points desc limit 1");
    return [
      "/",
      "/feed/new",
      "/feed/top-week",
      `/reviews/${review}`,
      `/reviews/${review}/comments/newest`,
      `/reviews/${review}/revisions`,
      `/reviews/${review}/upvotes`,
      `/comments/${one<number>("select id from comments where deleted_at is null order by id limit 1")}`,
      `/films/${one<string>("select slug from films order by review_count desc limit 1")}`,
      `/tags/${encodeURIComponent(one<string>("select tag from post_tags order by tag limit 1"))}`,
      `/u/${user}`,
      `/u/${user}/badges`,
      "/badges",
      `/badges/${one<string>("select slug from badges order by holder_count desc limit 1")}`,
      "/ranking",
      "/ranking/upvotes/month",
    ];
  });
}

test("every shared page is served whole from the cache, for a signed-out and a signed-in reader alike", async ({ request }) => {
  for (const url of sharedPages()) {
    const first = await request.get(url);
    expect(first.status(), url).toBe(200);
    const variants: Record<string, string>[] = [{}, { cookie: "authjs.session-token=not-a-real-session" }];
    for (const headers of variants) {
      const again = await request.get(url, { headers });
      expect(again.status(), url).toBe(200);
      expect(again.headers()["x-nextjs-cache"], `${url}: served from the cache`).toBe("HIT");
      expect(again.headers()["x-nextjs-postponed"], `${url}: nothing left to render per request`).toBeUndefined();
    }
  }
});

/** The page as sent, without the per-response nonce (server/security-headers.ts puts a fresh one in each, wherever it appears). */
async function withoutNonce(res: APIResponse): Promise<string> {
  const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce, "the response's nonce").toBeTruthy();
  return (await res.text()).replaceAll(nonce!, "NONCE");
}

async function asMember(request: APIRequestContext, m: MemberE2E) {
  const cookie = await sessionCookie(m.id);
  return { cookie, headers: { cookie, origin: E2E_ORIGIN, accept: "application/json" } };
}

type ViewerAnswer = { user: { username: string; name: string; unread: number } | null; votes: string[] };

/** In a browser signed in as `m`: which of the page's vote controls show "Upvoted", which are their own, and on which comments they get Edit. */
async function seenBy(browser: Browser, m: MemberE2E, url: string) {
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionToken(m.id), url: E2E_ORIGIN, httpOnly: true, sameSite: "Lax" }]);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId("viewer-name")).toContainText(m.name);
  const keys = (selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => (e.closest("[data-vote]") as HTMLElement).dataset.vote).sort());
  const seen = {
    upvoted: await keys('.vote[data-vote] button[aria-pressed="true"]'),
    own: await keys(".vote[data-vote] .vote__self"),
    editable: await page.locator("article.comment:has(> .comment__actions > .own-links)").evaluateAll((els) => els.map((e) => e.id).sort()),
  };
  await context.close();
  return seen;
}

test("two members read the same cached review: the same bytes for both, and each sees only their own upvotes and comments", async ({ request, browser }) => {
  const [ana, ben] = createMembers("two", 2) as [MemberE2E, MemberE2E];
  const a = await asMember(request, ana);
  const b = await asMember(request, ben);
  const review = withDb((db) => db.prepare("select id, slug from posts where status = 'published' and comment_count > 0 order by id limit 1").get() as { id: number; slug: string });
  const url = `/reviews/${review.slug}`;
  const aComment = await postCommentVia(request, a.headers, review.id, `Ana reads the last reel differently ${Date.now()}`);
  const bComment = await postCommentVia(request, b.headers, review.id, `Ben thinks the score does the work ${Date.now()}`);
  // Ana upvotes the review and Ben's comment; Ben upvotes nothing.
  for (const item of [`r${review.id}`, `c${bComment}`]) {
    const res = await request.post("/api/votes", { headers: a.headers, form: { item, value: "up" } });
    expect(res.status(), item).toBe(200);
  }
  expect(voteRows("comment", bComment, ana.id)).toBe(1);

  // The cached page is the same for Ana, Ben and a signed-out reader, and names neither as its viewer.
  const anonymous = await request.get(url);
  const pages = [await withoutNonce(anonymous)];
  for (const who of [a, b]) {
    const res = await request.get(url, { headers: { cookie: who.cookie } });
    expect(res.headers()["x-nextjs-cache"]).toBe("HIT");
    pages.push(await withoutNonce(res));
  }
  expect(pages[1]).toBe(pages[0]);
  expect(pages[2]).toBe(pages[0]);
  expect(pages[0]).not.toContain("aria-pressed");
  expect(pages[0]).not.toContain("own-links");

  // What is each one's own comes from /api/viewer, never stored, and only for the one asking.
  const viewer = async (who: { cookie: string } | null) => {
    const res = await request.get(`/api/viewer?review=${review.id}`, { headers: who ? { cookie: who.cookie } : {} });
    if (who) expect(res.headers()["cache-control"]).toContain("no-store");
    return (await res.json()) as ViewerAnswer;
  };
  const forAna = await viewer(a);
  expect(forAna.user?.username).toBe(ana.username);
  expect([...forAna.votes].sort()).toEqual([`c${bComment}`, `r${review.id}`].sort());
  const forBen = await viewer(b);
  expect(forBen.user?.username).toBe(ben.username);
  expect(forBen.votes).toEqual([]);
  expect(await viewer(null)).toEqual({ user: null, votes: [] });

  // In the browser, each sees their own state, and nothing of the other's.
  const anaSees = await seenBy(browser, ana, url);
  expect(anaSees.upvoted).toEqual([`c${bComment}`, `r${review.id}`].sort());
  expect(anaSees.own).toEqual([`c${aComment}`]);
  expect(anaSees.editable).toEqual([`comment-${aComment}`]);
  const benSees = await seenBy(browser, ben, url);
  expect(benSees.upvoted).toEqual([]);
  expect(benSees.own).toEqual([`c${bComment}`]);
  expect(benSees.editable).toEqual([`comment-${bComment}`]);
});

// Lists of reviews are sent as HTML assembled on the server, once. Moving to a list from a link
// (no page load) must show the same cards as loading its address; links inside move the same way.
test("moving within the site through the links in review cards shows each list as its address does, in one document", async ({ page, request }) => {
  const cardsOf = async (url: string) => {
    const html = await (await request.get(url)).text();
    return [...html.matchAll(/<h3 class="review-card__title"><a href="([^"]+)"/g)].map((m) => m[1]);
  };
  const shown = () => page.locator(".review-card__title a").filter({ visible: true }).evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const expectList = async (pattern: RegExp) => {
    await page.waitForURL(pattern);
    const want = await cardsOf(new URL(page.url()).pathname);
    expect(want.length, page.url()).toBeGreaterThan(0);
    await expect.poll(shown, { message: page.url() }).toEqual(want);
    // The same document all along: nothing reloaded the page.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  };
  const click = (selector: string) => page.locator(selector).filter({ visible: true }).first().click();

  await page.goto("/feed/new");
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole("link", { name: "Older reviews →" }).click();
  await expectList(/\/feed\/new\/[^/]+$/);
  await click(".review-card .film-link");
  await expectList(/\/films\//);
  await click(".review-card .tag-list a");
  await expectList(/\/tags\//);
  await click(".review-card__title a");
  await page.waitForURL(/\/reviews\//);
  // The byline and the tags under a review's title are server HTML too.
  const author = page.locator(".review__header .byline__author").filter({ visible: true });
  const name = await author.textContent();
  await author.click();
  await expectList(/\/u\//);
  await expect(page.getByRole("heading", { level: 1 }).filter({ visible: true })).toContainText(name!);
  await page.goBack();
  await page.waitForURL(/\/reviews\//);
  await click(".review__facts .tag-list a");
  await expectList(/\/tags\//);
});
