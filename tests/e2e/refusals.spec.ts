import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_ORIGIN, sessionCookie, SESSION_COOKIE, createMembers, postCommentVia, publishReviewVia, withDb, type MemberE2E } from "./helpers";
import { commentDeletedAt } from "./helpers/rows";

// A refused plain form post is answered with its page rendered again (lib/forms/route.ts). That
// page must apply its own authorization: a stranger gets back only what they sent, another member
// a 403, and neither anything of the owner's. Also the statuses of pages that refuse or are gone.

const marker = (what: string) => `${what}-${randomBytes(6).toString("hex")}`;

type Owner = {
  member: MemberE2E;
  cookie: string;
  draft: { id: number; slug: string };
  review: { id: number; slug: string };
  comment: number;
  notice: number;
  markers: string[];
};

/** A member with a draft, a published review with their comment, a notice, an email and a bio, each holding a unique marker. */
async function makeOwner(request: APIRequestContext): Promise<Owner> {
  const [member] = createMembers("own") as [MemberE2E];
  const m = { title: marker("DraftTitle"), body: marker("DraftBody"), comment: marker("CommentBody"), email: `${marker("mail")}@example.test`, bio: marker("BioText") };
  withDb((db) => db.prepare("update users set email = ?, bio = ? where id = ?").run(m.email, m.bio, member.id), { write: true });
  const cookie = await sessionCookie(member.id);
  const headers = { cookie, origin: E2E_ORIGIN, accept: "application/json" };
  const saved = await request.post("/api/reviews", {
    headers,
    form: { title: m.title, filmTitle: "Stalker", filmYear: "1979", score: "", intent: "draft", body: `A draft nobody else may read. ${m.body}` },
  });
  expect(saved.status(), "saving the draft").toBe(200);
  const draftSlug = ((await saved.json()) as { redirect: string }).redirect.split("/")[2]!.split("?")[0]!;
  const slug = await publishReviewVia(request, headers, `A published review ${randomBytes(3).toString("hex")}`);
  const review = withDb((db) => db.prepare("select id, slug from posts where slug = ?").get(slug) as { id: number; slug: string });
  const draft = withDb((db) => db.prepare("select id, slug, status from posts where slug = ?").get(draftSlug) as { id: number; slug: string; status: string });
  expect(draft.status).toBe("draft");
  const comment = await postCommentVia(request, headers, review.id, `My own words, to edit later. ${m.comment}`);
  // A notice of theirs: a reply from someone else.
  const [replier] = createMembers("rep") as [MemberE2E];
  await postCommentVia(request, { cookie: await sessionCookie(replier.id), origin: E2E_ORIGIN, accept: "application/json" }, review.id, "A reply.", comment);
  const notice = withDb((db) => db.prepare("select id from notifications where recipient_id = ? order by id desc").pluck().get(member.id) as number);
  expect(notice).toBeGreaterThan(0);
  return { member, cookie, draft, review, comment, notice, markers: Object.values(m) };
}

/** Everything of the owner's that could be shown: their rows, as the database holds them now. */
const ownerRows = (o: Owner) =>
  withDb((db) =>
    JSON.stringify([
      db.prepare("select * from posts where author_id = ? order by id").all(o.member.id),
      db.prepare("select * from comments where author_id = ? order by id").all(o.member.id),
      db.prepare("select * from users where id = ?").all(o.member.id),
      db.prepare("select * from notifications where recipient_id = ? order by id").all(o.member.id),
    ]),
  );

test("a refused plain post shows nothing of anyone else's, on every page it can re-render, to a stranger and to another member", async ({ request }) => {
  const owner = await makeOwner(request);
  const [other] = createMembers("oth") as [MemberE2E];
  const otherCookie = await sessionCookie(other.id);
  const sent = marker("SentByRequester");
  const before = ownerRows(owner);

  // Every handleForm route whose refusal re-renders a page (grep handleForm app), with a post that is refused.
  const posts: { url: string; form: Record<string, string>; anonymous: number; member?: number }[] = [
    { url: `/api/reviews/${owner.draft.slug}/edit`, form: { title: sent, body: sent, filmTitle: "Stalker", filmYear: "1979" }, anonymous: 401, member: 403 },
    { url: `/api/reviews/${owner.draft.slug}/delete`, form: { dummy: sent }, anonymous: 401, member: 403 },
    { url: `/api/comments/${owner.comment}/edit`, form: { body: sent }, anonymous: 401, member: 403 },
    { url: `/api/comments/${owner.comment}/delete`, form: { dummy: sent }, anonymous: 401, member: 403 },
    { url: "/api/comments", form: { reviewId: String(owner.draft.id), body: sent }, anonymous: 401, member: 404 },
    { url: "/api/comments", form: { reviewId: String(owner.review.id), body: sent }, anonymous: 401 },
    { url: "/api/reviews", form: { title: sent, body: "" }, anonymous: 401, member: 422 },
    { url: "/api/votes", form: { item: `r${owner.draft.id}`, value: "up", back: "/" }, anonymous: 303, member: 404 },
    { url: `/api/notifications/${owner.notice}`, form: { dummy: sent }, anonymous: 303, member: 404 },
    { url: "/api/notifications/read", form: { id: String(owner.notice) }, anonymous: 303, member: 404 },
    { url: "/api/settings/profile", form: { form: "profile", name: "", bio: sent }, anonymous: 401, member: 422 },
    { url: "/api/settings/email", form: { form: "email", email: sent }, anonymous: 401, member: 422 },
    { url: "/api/settings/password", form: { form: "password", newPassword: "x", confirmPassword: "y" }, anonymous: 401, member: 422 },
    { url: "/api/settings/notifications", form: { form: "notifications" }, anonymous: 401 },
    { url: "/api/settings/avatar", form: { form: "avatar", dummy: sent }, anonymous: 401, member: 422 },
    { url: "/api/settings/delete", form: { form: "delete", username: owner.member.username }, anonymous: 401, member: 422 },
    { url: "/api/signin", form: { identifier: owner.member.username, password: "not-their-password" }, anonymous: 401 },
    { url: "/api/signup", form: { username: owner.member.username, email: sent, password: "long-enough-password" }, anonymous: 422 },
  ];
  for (const p of posts) {
    for (const [who, cookie, status] of [
      ["anonymous", undefined, p.anonymous],
      ["another member", otherCookie, p.member],
    ] as const) {
      if (status === undefined) continue;
      const headers: Record<string, string> = { origin: E2E_ORIGIN, accept: "text/html" };
      if (cookie) headers.cookie = cookie;
      const res = await request.post(p.url, { headers, form: p.form, maxRedirects: 0 });
      const text = await res.text();
      const label = `${p.url} as ${who}`;
      expect.soft(res.status(), label).toBe(status);
      for (const m of owner.markers) expect.soft(text, `${label}: nothing of the owner's`).not.toContain(m);
      if (status === 303) expect.soft(res.headers()["location"], label).toMatch(/^\/signin\?/);
    }
  }
  // A stranger's own text comes back, next to a way to sign in.
  const kept = await request.post(`/api/reviews/${owner.draft.slug}/edit`, { headers: { origin: E2E_ORIGIN, accept: "text/html" }, form: { title: sent, body: `Mine ${sent}` }, maxRedirects: 0 });
  expect(kept.status()).toBe(401);
  const html = await kept.text();
  expect(html).toContain(`Mine ${sent}`);
  expect(html).toContain("your text is kept");
  // Every refusal left the owner's rows as they were.
  expect(ownerRows(owner)).toBe(before);
});

test("editing or deleting what is not yours answers 403, and what does not exist 404", async ({ request }) => {
  const owner = await makeOwner(request);
  const [other] = createMembers("oth") as [MemberE2E];
  const headers = { cookie: await sessionCookie(other.id) };
  const cases: [string, number][] = [
    [`/reviews/${owner.draft.slug}/edit`, 403],
    [`/reviews/${owner.review.slug}/edit`, 403],
    [`/comments/${owner.comment}/edit`, 403],
    [`/comments/${owner.comment}/delete`, 403],
    [`/reviews/no-such-review-${randomBytes(3).toString("hex")}/edit`, 404],
    ["/comments/999999999/edit", 404],
    ["/comments/999999999/delete", 404],
  ];
  for (const [url, status] of cases) {
    const res = await request.get(url, { headers, maxRedirects: 0 });
    const text = await res.text();
    expect.soft(res.status(), url).toBe(status);
    // A page a reader without JavaScript can read, not an empty shell.
    expect.soft(text, url).toMatch(status === 403 ? /This is not your (review|comment)/ : /This page is not showing/);
    for (const m of owner.markers) expect.soft(text, `${url}: nothing of the owner's`).not.toContain(m);
  }
  // The owner still opens their own.
  const own = await request.get(`/reviews/${owner.draft.slug}/edit`, { headers: { cookie: owner.cookie } });
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain(owner.markers[0]);
});

test("a deleted comment's permalink answers 410, one that never was 404, and a live one stays served from the cache", async ({ request }) => {
  const owner = await makeOwner(request);
  const headers = { cookie: owner.cookie, origin: E2E_ORIGIN, accept: "application/json" };
  const lone = await postCommentVia(request, headers, owner.review.id, `A comment to take back ${randomBytes(3).toString("hex")}`);
  expect((await request.get(`/comments/${lone}`)).status()).toBe(200);
  const again = await request.get(`/comments/${lone}`);
  expect(again.status()).toBe(200);
  expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
  expect((await request.post(`/api/comments/${lone}/delete`, { headers })).status()).toBe(200);
  expect(commentDeletedAt(lone)).not.toBeNull();
  for (let i = 0; i < 2; i++) {
    const gone = await request.get(`/comments/${lone}`);
    expect(gone.status()).toBe(410);
    expect(await gone.text()).toContain("This comment was deleted");
  }
  // Deleted but with a reply below it: the permalink still shows the thread.
  expect((await request.post(`/api/comments/${owner.comment}/delete`, { headers })).status()).toBe(200);
  expect((await request.get(`/comments/${owner.comment}`)).status()).toBe(200);
  expect((await request.get("/comments/999999999")).status()).toBe(404);
});

test("opening a notice is a post: a GET of its address writes nothing, the post marks it read and lands on it, with and without JavaScript", async ({ request, browser }) => {
  const readAt = (id: number) => withDb((db) => db.prepare("select read_at from notifications where id = ?").pluck().get(id));
  for (const js of [false, true]) {
    const owner = await makeOwner(request);
    const get = await request.get(`/api/notifications/${owner.notice}`, { headers: { cookie: owner.cookie }, maxRedirects: 0 });
    expect(get.status()).toBe(303);
    // The reply, on its permalink.
    const target = get.headers()["location"] ?? "";
    expect(target).toMatch(/^\/comments\/\d+$/);
    expect(readAt(owner.notice), "a GET marks nothing read").toBeNull();

    const context = await browser.newContext({ javaScriptEnabled: js });
    await context.addCookies([{ name: SESSION_COOKIE, value: owner.cookie.split("=")[1]!, url: E2E_ORIGIN, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    await page.goto("/notifications");
    const item = page.locator(`#n-${owner.notice}`);
    await expect(item).toHaveClass(/notice-item--unread/);
    const posted = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/notifications/${owner.notice}` && r.request().method() === "POST");
    await item.locator(".notice__link").click();
    expect((await posted).status(), `js: ${js}`).toBe(303);
    await page.waitForURL((u) => u.pathname === target);
    expect(readAt(owner.notice), `js: ${js}: read`).not.toBeNull();
    await context.close();
  }
});

test("made-up shared addresses answer 404 without adding to the page cache, and a stray escape answers 400", async ({ request }) => {
  const cacheDir = path.resolve(__dirname, "..", "..", ".next");
  const countFiles = (dir: string): number =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0) : 0;
  const real = withDb((db) => {
    const one = <T>(sql: string) => db.prepare(sql).pluck().get() as T;
    return {
      user: one<string>("select username from users where is_system = false and suspended_at is null order by id limit 1"),
      review: one<string>("select slug from posts where status = 'published' and upvote_count < 50 order by id limit 1"),
      comment: one<number>("select c.id from comments c join posts p on p.id = c.post_id where p.status = 'published' and c.deleted_at is null and c.upvote_count < 50 order by c.id limit 1"),
      badge: one<string>("select slug from badges where holder_count < 50 order by slug limit 1"),
    };
  });
  // One made-up address of every shape of shared page, the i-th of each different.
  const shapes: ((r: string, i: number) => string)[] = [
    (r) => `/films/no-film-${r}`,
    (r) => `/u/nobody_${r}`,
    (r) => `/tags/no-tag-${r}`,
    (_, i) => `/comments/${900000000 + i}`,
    (_, i) => `/comments/${2_147_483_648 + i}/revisions`,
    (r) => `/reviews/no-review-${r}`,
    (r) => `/u/${real.user}/nothing-${r}`,
    (_, i) => `/reviews/${real.review}/revisions/${i + 1}...${i + 900}`,
    (_, i) => `/reviews/${real.review}/upvotes/${i + 2}`,
    (r) => `/reviews/${real.review}/comments/${r}`,
    (_, i) => `/comments/${real.comment}/upvotes/${i + 2}`,
    (_, i) => `/comments/${900000000 + i}/revisions`,
    (r) => `/u/${real.user}/reviews/${Buffer.from(`[1,${parseInt(r, 16)}]`).toString("base64url")}`,
    (_, i) => `/u/${real.user}/comments/${900000000 + i}`,
    (_, i) => `/u/${real.user}/comments/${2_147_483_648 + i}`,
    (r) => `/feed/new/${Buffer.from(`[1,${parseInt(r, 16)}]`).toString("base64url")}`,
    (r) => `/feed/${r}`,
    (r) => `/badges/no-badge-${r}`,
    (_, i) => `/badges/${real.badge}/${i + 2}`,
    (_, i) => `/ranking/points/all/${i + 1000}`,
    (r) => `/ranking/${r}`,
    // Addresses no route has at all.
    (r) => `/no-section-${r}`,
    (r) => `/goodbye/${r}`,
  ];
  const N = 8;
  const addresses = Array.from({ length: N }, (_, i) => shapes.map((shape) => shape(randomBytes(5).toString("hex"), i))).flat();
  // Warm the not-found page once, then count.
  expect((await request.get(addresses[0]!)).status()).toBe(404);
  const before = countFiles(cacheDir);
  for (const url of addresses) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect.soft(res.status(), url).toBe(404);
  }
  // A made-up query on a real page is the same page.
  for (let i = 0; i < N; i++) {
    const url = `/reviews/${real.review}?made-up=${randomBytes(5).toString("hex")}`;
    expect.soft((await request.get(url)).status(), url).toBe(200);
  }
  // Another spelling of a member's name leads to the one page its links use.
  const other = real.user.toUpperCase() === real.user ? real.user.toLowerCase() : real.user.toUpperCase();
  if (other !== real.user) {
    const res = await request.get(`/u/${encodeURIComponent(other)}`, { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(new URL(res.headers()["location"]!, E2E_ORIGIN).href).toBe(`${E2E_ORIGIN}/u/${encodeURIComponent(real.user)}`);
  }
  const grown = countFiles(cacheDir) - before;
  expect(grown, `files written under .next for ${addresses.length} made-up addresses`).toBeLessThan(shapes.length);
  for (const url of ["/films/%25", "/u/%25", "/tags/%25", "/comments/%25", "/reviews/%25", "/reviews/%25/edit", "/comments/%25/edit", `/u/${real.user}/%25`, "/feed/%25", "/badges/%25", "/ranking/%25"]) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect.soft(res.status(), url).toBe(400);
  }
});
