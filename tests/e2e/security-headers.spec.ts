import { expect, test, type APIResponse } from "@playwright/test";
import { E2E_ORIGIN, createMembers, publishReviewVia, sessionCookie, withDb } from "./helpers";

// Every response carries the security headers; every page a fresh CSP nonce that each of its
// scripts carries; pages for a signed-in member are never stored; the browser runs the pages
// without a single policy violation.

type Picked = { review: string; film: string; tag: string; user: string; badge: string; comment: number };

const pick = (): Picked =>
  withDb((db) => {
    const one = <T>(sql: string) => db.prepare(sql).pluck().get() as T;
    return {
      review: one<string>("select slug from posts where status = 'published' order by comment_count desc limit 1"),
      film: one<string>("select slug from films order by review_count desc limit 1"),
      tag: one<string>("select tag from post_tags limit 1"),
      user: one<string>("select username from users where is_system = false order by badge_points desc limit 1"),
      badge: one<string>("select slug from badges order by holder_count desc limit 1"),
      comment: one<number>("select id from comments where deleted_at is null limit 1"),
    };
  });

function pages(p: Picked): string[] {
  return [
    "/",
    "/feed/new",
    `/reviews/${p.review}`,
    `/reviews/${p.review}/comments/newest`,
    `/reviews/${p.review}/revisions`,
    `/comments/${p.comment}`,
    `/films/${p.film}`,
    `/tags/${encodeURIComponent(p.tag)}`,
    `/u/${p.user}`,
    `/u/${p.user}/badges`,
    "/badges",
    `/badges/${p.badge}`,
    "/ranking",
    "/signin",
    "/signup",
    "/nope-no-such-page",
  ];
}

function expectCommonHeaders(res: APIResponse, url: string) {
  const h = res.headers();
  expect(h["x-content-type-options"], url).toBe("nosniff");
  expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(h["cross-origin-opener-policy"], url).toBe("same-origin");
  expect(h["permissions-policy"], url).toContain("camera=()");
  expect(h["x-powered-by"], url).toBeUndefined();
  const csp = h["content-security-policy"];
  expect(csp, url).toBeTruthy();
  expect(csp, url).toContain("frame-ancestors 'none'");
  expect(csp, url).toContain("object-src 'none'");
  expect(csp, url).toContain("base-uri 'none'");
}

/** The page's nonce, after checking that every script tag in the page carries exactly it. */
async function expectNoncedPage(res: APIResponse, url: string): Promise<string> {
  expectCommonHeaders(res, url);
  const csp = res.headers()["content-security-policy"];
  const nonce = /'nonce-([\w-]{22})'/.exec(csp ?? "")?.[1];
  expect(nonce, `${url}: ${csp}`).toBeTruthy();
  expect(csp, url).toContain("'strict-dynamic'");
  expect(csp, url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const html = await res.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, url).toBeGreaterThan(0);
  for (const tag of scripts) {
    // JSON-LD is data, not script: it needs no nonce.
    if (tag.includes('type="application/ld+json"')) continue;
    expect(tag, url).toContain(`nonce="${nonce}"`);
  }
  const nonces = new Set([...html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]));
  expect([...nonces], url).toEqual([nonce]);
  expect(res.headers()["etag"], url).toBeUndefined();
  return nonce!;
}

test("every page, anonymous: headers, one fresh nonce on every script, never kept by a shared cache", async ({ request }) => {
  const p = pick();
  for (const url of pages(p)) {
    const first = await request.get(url, { maxRedirects: 0 });
    expect([200, 404], url).toContain(first.status());
    const a = await expectNoncedPage(first, url);
    const b = await expectNoncedPage(await request.get(url, { maxRedirects: 0 }), url);
    expect(b, `${url}: a new nonce for each response`).not.toBe(a);
    const cache = first.headers()["cache-control"];
    expect(cache, url).toContain("private");
    expect(cache, url).not.toMatch(/s-maxage|public/);
  }

  // A deleted review's page: 410 Gone, with the same headers.
  const [author] = createMembers("hdrdel", 1);
  const headers = { cookie: await sessionCookie(author!.id), origin: E2E_ORIGIN, accept: "application/json" };
  const slug = await publishReviewVia(request, headers, "A review that will be deleted");
  expect((await request.post(`/api/reviews/${slug}/delete`, { headers, form: {} })).status()).toBe(200);
  const gone = await request.get(`/reviews/${slug}`);
  expect(gone.status()).toBe(410);
  await expectNoncedPage(gone, "deleted review");
});

test("signed-in pages are sent with Cache-Control: no-store, per-user pages and shared ones", async ({ request }) => {
  const [m] = createMembers("hdr", 1);
  const headers = { cookie: await sessionCookie(m!.id) };
  const p = pick();
  for (const url of ["/settings", "/notifications", "/drafts", "/reviews/new", "/", `/reviews/${p.review}`, "/api/viewer"]) {
    const res = await request.get(url, { headers, maxRedirects: 0 });
    expect(res.status(), url).toBe(200);
    expectCommonHeaders(res, url);
    expect(res.headers()["cache-control"], url).toContain("no-store");
    if (res.headers()["content-type"]?.startsWith("text/html")) await expectNoncedPage(res, url);
  }
});

test("resources, refusals and errors carry the headers too", async ({ request }) => {
  const p = pick();
  const html = await (await request.get("/")).text();
  const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk).toBeTruthy();
  const cases: Array<[string, number, () => Promise<APIResponse>]> = [
    ["health", 200, () => request.get("/api/health")],
    ["viewer, anonymous", 200, () => request.get("/api/viewer")],
    ["viewer, for a review", 200, () => request.get(`/api/viewer?review=1`)],
    ["generated avatar", 200, () => request.get(`/avatar/${p.user}`)],
    ["script chunk", 200, () => request.get(chunk!)],
    ["RSC payload", 200, () => request.get(`/reviews/${p.review}`, { headers: { rsc: "1" } })],
    ["malformed address", 400, () => request.get("/films/%E0%A4%A")],
    ["x-middleware-subrequest", 400, () => request.get("/settings", { headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } })],
    ["cross-site post", 403, () => request.post("/api/votes", { headers: { origin: "https://evil.example", accept: "application/json" }, form: { kind: "review", id: "1" } })],
    ["anonymous post", 401, () => request.post("/api/votes", { headers: { origin: E2E_ORIGIN, accept: "application/json" }, form: { kind: "review", id: "1" } })],
  ];
  for (const [name, status, send] of cases) {
    const res = await send();
    expect(res.status(), name).toBe(status);
    expectCommonHeaders(res, name);
  }
  // Next.js reads the render's nonce from the request: one a client sends is never used.
  const forged = await request.get("/", { headers: { "content-security-policy": "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA'" } });
  const nonce = await expectNoncedPage(forged, "forged nonce");
  expect(nonce).not.toBe("AAAAAAAAAAAAAAAAAAAAAA");
  expect(await (await request.get("/")).text()).not.toContain("AAAAAAAAAAAAAAAAAAAAAA");
});

test("in Chromium the pages run under the policy without a violation, and navigate on the client", async ({ page }) => {
  const p = pick();
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
  });
  for (const url of ["/", `/reviews/${p.review}`, `/u/${p.user}/badges`, "/ranking", "/signin", "/nope-no-such-page"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  // Client islands ran: the header's sign-in link is there and a client navigation happens.
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Ranking" }).click();
  await expect(page).toHaveURL(/\/ranking$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ranking");
  expect(violations).toEqual([]);
});

test("a script slipped into a page without the nonce does not run; the page's own scripts do", async ({ page }) => {
  const p = pick();
  const url = `/reviews/${p.review}`;
  // The real response, with its real headers, plus markup no render produced.
  await page.route(`**${url}`, async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace(
      "</body>",
      '<script>window.__slipped = 1</script><script src="/_next/static/../api/health"></script><img src="x" onerror="window.__handler = 1"></body>',
    );
    await route.fulfill({ response: res, body });
  });
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { __slipped?: number }).__slipped)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __handler?: number }).__handler)).toBeUndefined();
  expect(violations.length).toBeGreaterThanOrEqual(2);
  // The page's own scripts ran: the client router is there to navigate.
  await page.getByRole("contentinfo").getByRole("link", { name: "Badges" }).click();
  await expect(page).toHaveURL(/\/badges$/);
});
