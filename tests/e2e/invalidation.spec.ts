import { expect, test as base, type APIRequestContext, type APIResponse, type Locator, type Page, type Response } from "@playwright/test";
import { createMembers, E2E_ORIGIN, sessionToken, SESSION_COOKIE, signInWithCookie, unique, withDb, type MemberE2E } from "./helpers";

// Exact invalidation. Shared pages are static and served whole from the cache; each kind of write
// makes the pages that show what it changed render afresh on the very next request — for the writer
// and for an anonymous reader, with JavaScript off and on, and again after a reload — while the pages
// it does not touch go on being served from the cache, byte for byte apart from the per-response
// nonce. Every journey makes its own members, films, tags and reviews (members straight into the
// database and signed in with a minted session cookie; everything else through the site's routes),
// warms the pages it will look at, checks they show the state before the write, writes once, then
// checks. The first request after the write goes to a different reader on each page, and what
// `x-nextjs-cache` said to it is recorded on the test (annotation "x-nextjs-cache").

// ── Members, their sessions and the readers of a journey ────────────────────────────────────────

type Session = { member: MemberE2E; api: APIRequestContext };

/** Someone looking at a page: who (the writer or an anonymous reader) and with or without JavaScript. */
type Reader = { name: string; page: Page; js: boolean };

type Kit = {
  session(member: MemberE2E): Promise<Session>;
  /** Anonymous and the writer, each with JavaScript off and on: four browser contexts of their own. */
  readers(writer: Session): Promise<Reader[]>;
};

const test = base.extend<{ kit: Kit }>({
  kit: async ({ browser, playwright }, provide) => {
    const closers: (() => Promise<void>)[] = [];
    const open = async (name: string, js: boolean, as: MemberE2E | null): Promise<Reader> => {
      const context = await browser.newContext({ baseURL: E2E_ORIGIN, javaScriptEnabled: js });
      closers.push(() => context.close());
      if (as) await signInWithCookie(context, as.id);
      return { name, js, page: await context.newPage() };
    };
    await provide({
      async session(member) {
        const cookie = `${SESSION_COOKIE}=${await sessionToken(member.id)}`;
        const api = await playwright.request.newContext({ baseURL: E2E_ORIGIN, extraHTTPHeaders: { cookie } });
        closers.push(() => api.dispose());
        return { member, api };
      },
      async readers(writer) {
        const who = `the writer (@${writer.member.username})`;
        return [
          await open("anonymous reader, JavaScript off", false, null),
          await open(`${who}, JavaScript off`, false, writer.member),
          await open("anonymous reader, JavaScript on", true, null),
          await open(`${who}, JavaScript on`, true, writer.member),
        ];
      },
    });
    for (const close of closers.reverse()) await close();
  },
});

// Each journey loads a dozen pages as four readers; the machine may be busy.
test.describe.configure({ timeout: 180_000 });

// ── Writes, through the routes the forms post to ───────────────────────────────────────────────

type Answer = { redirect: string; data?: Record<string, unknown> };

/** A form post as the client island sends it (same-site Origin, JSON answer); it must succeed. */
async function send(s: Session, path: string, form: Record<string, string> = {}): Promise<Answer> {
  const res = await s.api.post(path, { headers: { origin: E2E_ORIGIN, accept: "application/json" }, form });
  expect(res.status(), `POST ${path} as @${s.member.username}`).toBe(200);
  return (await res.json()) as Answer;
}

type Film = { title: string; year: number };
type Draft = { title: string; film: Film; tags: string[]; score: number; body: string };
type Review = Draft & { id: number; slug: string; filmSlug: string };

/** Words only (no punctuation), so a title's slug is known in advance: "pub k2x1a2b". */
const stem = (prefix: string) => unique(prefix).replace(/_/g, " ");
const newFilm = (): Film => ({ title: `Reel ${stem("f")}`, year: 1962 });
const newTag = () => unique("t").replace(/_/g, "-");
const slugOf = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function reviewForm(d: Draft): Record<string, string> {
  return { title: d.title, filmTitle: d.film.title, filmYear: String(d.film.year), score: String(d.score), tags: d.tags.join(", "), intent: "publish", body: d.body };
}

async function publish(s: Session, d: Draft): Promise<Review> {
  const slug = (await send(s, "/api/reviews", reviewForm(d))).redirect.split("/")[2]!;
  const row = withDb(
    (db) =>
      db.prepare("select p.id, f.slug as filmSlug from posts p join films f on f.id = p.film_id where p.slug = ? and p.status = 'published'").get(slug) as
        | { id: number; filmSlug: string }
        | undefined,
  );
  expect(row, `the published review ${slug}`).toBeDefined();
  return { ...d, ...row!, slug };
}

const editReview = (s: Session, r: Review, d: Draft) => send(s, `/api/reviews/${r.slug}/edit`, reviewForm(d));

async function comment(s: Session, reviewId: number, body: string, parentId?: number): Promise<number> {
  const answer = await send(s, "/api/comments", { reviewId: String(reviewId), parentId: parentId ? String(parentId) : "", body });
  return (answer.data as { comment: { id: number } }).comment.id;
}

async function vote(s: Session, type: "review" | "comment", id: number, value: "up" | "none") {
  const answer = await send(s, "/api/votes", { type, id: String(id), value, back: "/" });
  expect(answer.data, `@${s.member.username} votes ${value} on ${type} ${id}`).toMatchObject({ voted: value === "up" });
}

const reviewBody = (words: string) => `A slow film about waiting, watched twice; ${words}. The last reel earns every quiet minute before it.`;

// ── What a page shows ────────────────────────────────────────────────────────────────────────────

type Where = (page: Page) => Locator;
type Text = string | RegExp;
/** A part of a page and what its visible text must (or must not) hold. */
type Check = { what: string; in: Where; has?: Text; hasNot?: Text };
type State = { status?: number; checks: Check[] };
/** A shared page, what it shows before the write, and what it must show on the next request after. */
type Target = { url: string; before?: State; after?: State };

const main: Where = (p) => p.locator("#main");
const h1: Where = (p) => p.getByRole("heading", { level: 1 });
const byTestId =
  (id: string): Where =>
  (p) =>
    p.getByTestId(id);
/** A review's card in a feed, film, tag or profile list, found by its title. */
const card =
  (title: string): Where =>
  (p) =>
    p.getByRole("article").filter({ has: p.getByRole("heading", { name: title, exact: true }) });
const commentEl =
  (id: number): Where =>
  (p) =>
    p.locator(`#comment-${id}`);
const profileCounts: Where = (p) => p.getByRole("list", { name: "Counts" });
/** One comment on a member's comments tab, found by its text. */
const memberComment =
  (body: string): Where =>
  (p) =>
    p.getByRole("listitem").filter({ hasText: body });
const rankRow =
  (name: string): Where =>
  (p) =>
    p.getByTestId("rank-list").getByRole("listitem").filter({ has: p.getByRole("link", { name, exact: true }) });
const catalogCard =
  (badge: string): Where =>
  (p) =>
    p.getByRole("listitem").filter({ has: p.getByRole("link", { name: badge, exact: true }) });
const filmStats: Where = (p) => p.getByRole("region", { name: "Scores" });

/** "1 upvote", "3 comments": the number exactly, then the word in the right number. */
const n = (count: number, one: string, many: string) => new RegExp(`(?<![\\d,])${count.toLocaleString("en-US")} ${count === 1 ? one : many}(?![a-z])`);
const holders = (count: number) => (count === 0 ? "Nobody yet" : n(count, "holder", "holders"));
const heldBy = (count: number) => (count === 1 ? "1 member holds it." : new RegExp(`^${count.toLocaleString("en-US")} members hold it, first to earn it first\\.`));

const matches = (text: string, t: Text) => (typeof t === "string" ? text.includes(t) : t.test(text));
const excerpt = (text: string) => JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…` : text);

/** What is wrong with a page as a reader was just served it: its status, then each check on its visible text. */
async function problemsOn(page: Page, res: Response | null, state: State): Promise<string[]> {
  const out: string[] = [];
  const status = res?.status() ?? 0;
  if (status !== (state.status ?? 200)) out.push(`answered ${status}, not ${state.status ?? 200}`);
  for (const c of state.checks) {
    const text = (await c.in(page).allInnerTexts()).join("\n");
    if (c.has !== undefined && !matches(text, c.has)) out.push(`${c.what}: ${String(c.has)} is not in ${excerpt(text)}`);
    if (c.hasNot !== undefined && matches(text, c.hasNot)) out.push(`${c.what}: still shows ${String(c.hasNot)}`);
  }
  return out;
}

/** Before the write: each page is served from the cache and shows the state before. */
async function warm(request: APIRequestContext, readers: Reader[], targets: Target[]) {
  const plain = readers[0]!;
  for (const t of targets) {
    await request.get(t.url);
    const again = await request.get(t.url);
    expect(again.headers()["x-nextjs-cache"], `${t.url} is served from the cache before the write`).toBe("HIT");
    if (t.before) expect(await problemsOn(plain.page, await plain.page.goto(t.url), t.before), `${t.url} before the write`).toEqual([]);
  }
}

/**
 * After the write: every reader's very next request of each page shows the change, and so does a
 * reload with JavaScript on. Which reader asks first turns with each page; what the cache said to
 * that first request is recorded.
 */
async function expectFresh(readers: Reader[], targets: Target[], write: string) {
  const observed: string[] = [];
  for (const [i, t] of targets.entries()) {
    if (!t.after) continue;
    const problems: string[] = [];
    for (let k = 0; k < readers.length; k++) {
      const r = readers[(i + k) % readers.length]!;
      const res = await r.page.goto(t.url);
      if (k === 0) observed.push(`${t.url} → ${res?.headers()["x-nextjs-cache"] ?? "(no header)"} (${r.name})`);
      problems.push(...(await problemsOn(r.page, res, t.after)).map((p) => `${r.name}: ${p}`));
      if (r.js) {
        const again = await r.page.reload();
        problems.push(...(await problemsOn(r.page, again, t.after)).map((p) => `${r.name}, after a reload: ${p}`));
      }
    }
    expect.soft(problems, `${t.url} shows ${write} on the next request`).toEqual([]);
  }
  test.info().annotations.push({ type: "x-nextjs-cache", description: `first request after ${write}: ${observed.join("; ")}` });
  console.log(`x-nextjs-cache on the first request after ${write}:\n  ${observed.join("\n  ")}`);
}

// ── Pages a write must leave alone ──────────────────────────────────────────────────────────────

/** The page's HTML with this response's nonce (from its Content-Security-Policy) taken out. */
async function bodyOf(res: APIResponse): Promise<string> {
  const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
  const html = await res.text();
  return nonce ? html.split(nonce).join("NONCE") : html;
}

function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 60), i + 80))} became ${JSON.stringify(b.slice(Math.max(0, i - 60), i + 80))}`;
}

/** Each page cached (a second request answers HIT), with its HTML as it stands. */
async function snapshot(request: APIRequestContext, urls: string[]): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const url of urls) {
    await request.get(url);
    const again = await request.get(url);
    expect(again.status(), url).toBe(200);
    expect(again.headers()["x-nextjs-cache"], `${url} is served from the cache before the write`).toBe("HIT");
    pages.set(url, await bodyOf(again));
  }
  return pages;
}

/** Still served from the cache, to an anonymous reader and to the writer, and the same page as before. */
async function expectUntouched(request: APIRequestContext, writer: Session, pages: Map<string, string>, write: string) {
  for (const [url, before] of pages) {
    for (const [who, res] of [
      ["anonymous", await request.get(url)],
      [`@${writer.member.username}`, await writer.api.get(url)],
    ] as const) {
      expect.soft(res.headers()["x-nextjs-cache"], `${url} (${who}) is not rendered again after ${write}`).toBe("HIT");
      expect.soft(firstDifference(before, await bodyOf(res)), `${url} (${who}) is the page it was before ${write}`).toBeNull();
    }
  }
}

/** Seeded pages no journey here touches: a review, a film, a member's profile and board, a tag. */
function unrelatedPages(): string[] {
  return withDb((db) => {
    const one = <T>(sql: string) => db.prepare(sql).pluck().get() as T;
    const review = one<string>(
      "select p.slug from posts p join users u on u.id = p.author_id where u.username = 'kenji_nakamura' and p.status = 'published' order by p.id limit 1",
    );
    const film = one<string>("select f.slug from films f join posts p on p.film_id = f.id join users u on u.id = p.author_id where u.username = 'ingrid_alvarado' order by p.id limit 1");
    const tag = one<string>("select t.tag from post_tags t join posts p on p.id = t.post_id join users u on u.id = p.author_id where u.username = 'tobias_renner' order by t.tag limit 1");
    return [`/reviews/${review}`, `/films/${film}`, "/u/lucia_del_prado", "/u/lucia_del_prado/badges", `/tags/${encodeURIComponent(tag)}`];
  });
}

// ── The Ranking ─────────────────────────────────────────────────────────────────────────────────

type RankBy = "points" | "upvotes" | "reviews";
type Period = "all" | "month";
const RANKING_PAGE_SIZE = 50; // lib/badges/ranking.ts
const COLUMN: Record<RankBy, [string, string]> = { points: ["badge_points", "points"], upvotes: ["upvotes_received", "upvotes"], reviews: ["review_count", "reviews"] };

const rankingHref = (by: RankBy, period: Period, page = 1) =>
  page > 1 ? `/ranking/${by}/${period}/${page}` : period !== "all" ? `/ranking/${by}/${period}` : by !== "points" ? `/ranking/${by}` : "/ranking";

/** Every page of a ranking as it stands now. */
function rankingPages(by: RankBy, period: Period): string[] {
  const [all, monthly] = COLUMN[by];
  const total = withDb((db) =>
    period === "all"
      ? (db.prepare(`select count(*) from users where is_system = 0 and ${all} > 0`).pluck().get() as number)
      : (db
          .prepare(`select count(*) from monthly_scores m join users u on u.id = m.user_id where m.month = ? and u.is_system = 0 and m.${monthly} > 0`)
          .pluck()
          .get(new Date().toISOString().slice(0, 7)) as number),
  );
  return Array.from({ length: Math.max(1, Math.ceil(total / RANKING_PAGE_SIZE)) }, (_, i) => rankingHref(by, period, i + 1));
}

/** Where a member stands in a ranking, as the Ranking page asks for its "your rank" line. */
async function rankOf(s: Session, by: RankBy, period: Period): Promise<{ rank: number | null; href: string }> {
  const res = await s.api.get(`/api/ranking/me?by=${by}&period=${period}`);
  expect(res.status()).toBe(200);
  const me = (await res.json()) as { rank: number | null; page: number };
  return { rank: me.rank, href: rankingHref(by, period, me.page) };
}

// ── Reviews ─────────────────────────────────────────────────────────────────────────────────────

test("publishing a review: the feeds, its film and tags, the author's profile and board and the Ranking show it at once; nothing else renders again", async ({ kit, request }) => {
  const [author] = createMembers("pub") as [MemberE2E];
  const a = await kit.session(author);
  const film = newFilm();
  const tag = newTag();
  const newTagOnly = newTag();
  // An earlier review of the same film under the same tag, so their pages exist (and hold the author's first badges).
  const earlier = await publish(a, { title: `Opening night ${stem("pub")}`, film, tags: [tag], score: 7, body: reviewBody("the first visit") });
  const draft: Draft = { title: `Second look ${stem("pub")}`, film, tags: [tag, newTagOnly], score: 9, body: reviewBody("a second visit, kinder") };
  const slug = slugOf(draft.title);
  const readers = await kit.readers(a);

  const ranked = await rankOf(a, "reviews", "month");
  expect(ranked.rank, "the author is in this month's reviews ranking").not.toBeNull();
  const ranking = rankingPages("reviews", "month");
  const listed = (title: string): State => ({ checks: [{ what: "its card", in: card(title), has: `${film.title} (${film.year})` }] });
  const unlisted: State = { checks: [{ what: "the page", in: main, hasNot: draft.title }] };
  const targets: Target[] = [
    // A slug nobody has yet answers a cached 404 until a review takes it.
    { url: `/reviews/${slug}`, before: { status: 404, checks: [] }, after: { checks: [{ what: "title", in: h1, has: draft.title }, { what: "body", in: main, has: "a second visit, kinder" }] } },
    { url: "/feed/new", before: unlisted, after: listed(draft.title) },
    { url: "/", before: unlisted, after: listed(draft.title) },
    {
      url: `/films/${earlier.filmSlug}`,
      before: { checks: [...unlisted.checks, { what: "review count", in: filmStats, has: n(1, "review", "reviews") }] },
      after: { checks: [{ what: "its card", in: card(draft.title), has: draft.title }, { what: "review count", in: filmStats, has: n(2, "review", "reviews") }] },
    },
    { url: `/tags/${tag}`, before: unlisted, after: { checks: [{ what: "its card", in: card(draft.title), has: draft.title }, { what: "the earlier card", in: card(earlier.title), has: earlier.title }] } },
    // A tag no review had yet: a cached 404 until now.
    { url: `/tags/${newTagOnly}`, before: { status: 404, checks: [] }, after: { checks: [{ what: "its card", in: card(draft.title), has: draft.title }] } },
    {
      url: `/u/${author.username}`,
      before: { checks: [...unlisted.checks, { what: "counts", in: profileCounts, has: n(1, "review", "reviews") }] },
      after: { checks: [{ what: "its card", in: card(draft.title), has: draft.title }, { what: "counts", in: profileCounts, has: n(2, "review", "reviews") }] },
    },
    { url: `/u/${author.username}/badges`, before: { checks: [{ what: "reviews ladder", in: byTestId("progress-reviews"), has: "1 / 5" }] }, after: { checks: [{ what: "reviews ladder", in: byTestId("progress-reviews"), has: "2 / 5" }] } },
    ...ranking.map((url) => (url === ranked.href ? { url, before: { checks: [{ what: "the author's row", in: rankRow(author.name), has: n(1, "review", "reviews") }] } } : { url })),
  ];
  await warm(request, readers, targets);
  // No badge is earned (the first review already earned those), so the catalog stays as it is.
  const untouched = await snapshot(request, [...unrelatedPages(), "/badges"]);

  const published = await publish(a, draft);
  expect(published.slug, "the slug the page was warmed at").toBe(slug);
  const after = await rankOf(a, "reviews", "month");
  await expectFresh(
    readers,
    [...targets.filter((t) => !t.url.startsWith("/ranking")), { url: after.href, after: { checks: [{ what: "the author's row", in: rankRow(author.name), has: n(2, "review", "reviews") }] } }],
    "publishing a review",
  );
  await expectUntouched(request, a, untouched, "publishing a review");
});

test("editing a review's title, body and score: its page, every list showing it and its commenters' profiles show the edit; nothing else renders again", async ({ kit, request }) => {
  const [author, commenter] = createMembers("edr", 2) as [MemberE2E, MemberE2E];
  const [a, b] = [await kit.session(author), await kit.session(commenter)];
  const film = newFilm();
  const tag = newTag();
  const original: Draft = { title: `Before the cut ${stem("edr")}`, film, tags: [tag], score: 8, body: reviewBody("the theatrical version") };
  const review = await publish(a, original);
  const remark = `The lighthouse scene carries it ${stem("edr")}`;
  const commentId = await comment(b, review.id, remark);
  // A first edit earns "Second thoughts", so the edit under test earns nothing.
  await editReview(a, review, { ...original, body: `${original.body} Seen again in a bigger room.` });
  const edited: Draft = { ...original, title: `After the cut ${stem("edr")}`, score: 3, body: reviewBody("the longer cut, which drags") };
  const readers = await kit.readers(a);

  const oldTitle = original.title;
  const newTitle = edited.title;
  const inList = (title: string, gone?: string): State => ({ checks: [{ what: "its card", in: card(title), has: title }, ...(gone ? [{ what: "the page", in: main, hasNot: gone }] : [])] });
  const targets: Target[] = [
    {
      url: `/reviews/${review.slug}`,
      before: {
        checks: [
          { what: "title", in: h1, has: oldTitle },
          { what: "score", in: (p) => p.getByRole("img", { name: /^Score: / }), has: "8/10" },
          { what: "body", in: main, has: "the theatrical version" },
          { what: "comments heading", in: byTestId("comments-heading"), has: oldTitle },
        ],
      },
      after: {
        checks: [
          { what: "title", in: h1, has: newTitle, hasNot: oldTitle },
          { what: "score", in: (p) => p.getByRole("img", { name: /^Score: / }), has: "3/10" },
          { what: "body", in: main, has: "the longer cut, which drags", hasNot: "the theatrical version" },
          { what: "comments heading", in: byTestId("comments-heading"), has: newTitle },
        ],
      },
    },
    { url: `/comments/${commentId}`, before: { checks: [{ what: "title", in: h1, has: oldTitle }] }, after: { checks: [{ what: "title", in: h1, has: newTitle, hasNot: oldTitle }] } },
    { url: "/feed/new", before: inList(oldTitle), after: inList(newTitle, oldTitle) },
    { url: `/films/${review.filmSlug}`, before: inList(oldTitle), after: inList(newTitle, oldTitle) },
    { url: `/tags/${tag}`, before: inList(oldTitle), after: inList(newTitle, oldTitle) },
    { url: `/u/${author.username}`, before: inList(oldTitle), after: inList(newTitle, oldTitle) },
    // The commenter's comments say which review each is on; their board, which review earned a badge.
    {
      url: `/u/${commenter.username}/comments`,
      before: { checks: [{ what: "their comment", in: memberComment(remark), has: `On ${oldTitle}` }] },
      after: { checks: [{ what: "their comment", in: memberComment(remark), has: `On ${newTitle}` }, { what: "the page", in: main, hasNot: oldTitle }] },
    },
    {
      url: `/u/${commenter.username}/badges`,
      before: { checks: [{ what: "what earned “First comment”", in: main, has: `a comment on “${oldTitle}”` }] },
      after: { checks: [{ what: "what earned “First comment”", in: main, has: `a comment on “${newTitle}”`, hasNot: oldTitle }] },
    },
  ];
  await warm(request, readers, targets);
  const untouched = await snapshot(request, [...unrelatedPages(), "/badges", "/ranking"]);

  await editReview(a, review, edited);
  await expectFresh(readers, targets, "editing a review");
  await expectUntouched(request, a, untouched, "editing a review");
});

test("deleting a review: its page answers 410, and it leaves the feeds, its film and tag, its author's profile, its commenters' profiles and the Ranking; nothing else renders again", async ({ kit, request }) => {
  const [author, commenter] = createMembers("delr", 2) as [MemberE2E, MemberE2E];
  const [a, b] = [await kit.session(author), await kit.session(commenter)];
  const film = newFilm();
  const tag = newTag();
  const doomed = await publish(a, { title: `Soon gone ${stem("delr")}`, film, tags: [tag], score: 6, body: reviewBody("a review about to go") });
  const kept = await publish(a, { title: `Still here ${stem("delr")}`, film, tags: [tag], score: 7, body: reviewBody("a review that stays") });
  const remark = `The harbour shot is the whole film ${stem("delr")}`;
  const commentId = await comment(b, doomed.id, remark);
  const readers = await kit.readers(a);

  const ranked = await rankOf(a, "reviews", "month");
  const ranking = rankingPages("reviews", "month");
  const both: State = { checks: [{ what: "the deleted one's card", in: card(doomed.title), has: doomed.title }, { what: "the kept one's card", in: card(kept.title), has: kept.title }] };
  const onlyKept: State = { checks: [{ what: "the kept one's card", in: card(kept.title), has: kept.title }, { what: "the page", in: main, hasNot: doomed.title }] };
  const targets: Target[] = [
    { url: `/reviews/${doomed.slug}`, before: { checks: [{ what: "title", in: h1, has: doomed.title }] }, after: { status: 410, checks: [{ what: "the page", in: main, has: "This review was deleted", hasNot: doomed.title }] } },
    { url: `/comments/${commentId}`, before: { checks: [{ what: "title", in: h1, has: doomed.title }] }, after: { status: 410, checks: [{ what: "the page", in: main, has: "This review was deleted", hasNot: remark }] } },
    { url: "/feed/new", before: both, after: onlyKept },
    {
      url: `/films/${doomed.filmSlug}`,
      before: { checks: [...both.checks, { what: "review count", in: filmStats, has: n(2, "review", "reviews") }] },
      after: { checks: [...onlyKept.checks, { what: "review count", in: filmStats, has: n(1, "review", "reviews") }] },
    },
    { url: `/tags/${tag}`, before: both, after: onlyKept },
    {
      url: `/u/${author.username}`,
      before: { checks: [...both.checks, { what: "counts", in: profileCounts, has: n(2, "review", "reviews") }] },
      after: { checks: [...onlyKept.checks, { what: "counts", in: profileCounts, has: n(1, "review", "reviews") }] },
    },
    {
      url: `/u/${commenter.username}`,
      before: { checks: [{ what: "counts", in: profileCounts, has: n(1, "comment", "comments") }] },
      after: { checks: [{ what: "counts", in: profileCounts, has: n(0, "comment", "comments") }] },
    },
    {
      url: `/u/${commenter.username}/comments`,
      before: { checks: [{ what: "their comment", in: memberComment(remark), has: `On ${doomed.title}` }] },
      after: { checks: [{ what: "the page", in: main, hasNot: remark }] },
    },
    ...ranking.map((url) => (url === ranked.href ? { url, before: { checks: [{ what: "the author's row", in: rankRow(author.name), has: n(2, "review", "reviews") }] } } : { url })),
  ];
  await warm(request, readers, targets);
  const untouched = await snapshot(request, [...unrelatedPages(), "/badges"]);

  await send(a, `/api/reviews/${doomed.slug}/delete`);
  const after = await rankOf(a, "reviews", "month");
  await expectFresh(
    readers,
    [...targets.filter((t) => !t.url.startsWith("/ranking")), { url: after.href, after: { checks: [{ what: "the author's row", in: rankRow(author.name), has: n(1, "review", "reviews") }] } }],
    "deleting a review",
  );
  await expectUntouched(request, a, untouched, "deleting a review");
});

// ── Comments ────────────────────────────────────────────────────────────────────────────────────

test("posting a reply: the review, its thread, every card counting its comments and the participants' profiles show it; nothing else renders again", async ({ kit, request }) => {
  const [author, first, replier] = createMembers("rep", 3) as [MemberE2E, MemberE2E, MemberE2E];
  const [a, b, c] = [await kit.session(author), await kit.session(first), await kit.session(replier)];
  const tag = newTag();
  const review = await publish(a, { title: `Night train ${stem("rep")}`, film: newFilm(), tags: [tag], score: 8, body: reviewBody("a night train") });
  const parent = await comment(b, review.id, `The sleeper car is a stage set ${stem("rep")}`);
  await comment(a, review.id, `It was built in a hangar ${stem("rep")}`, parent);
  // The replier's first comment (and badge) comes before: the reply under test earns nothing.
  await comment(c, review.id, `The dining car scene is the best part ${stem("rep")}`);
  const reply = `The set creaks on purpose, listen for it ${stem("rep")}`;
  const readers = await kit.readers(c);

  const counted = (count: number): State => ({ checks: [{ what: "its card", in: card(review.title), has: n(count, "comment", "comments") }] });
  const targets: Target[] = [
    {
      url: `/reviews/${review.slug}`,
      before: { checks: [{ what: "comments heading", in: byTestId("comments-heading"), has: n(3, "comment", "comments") }, { what: "the thread", in: main, hasNot: reply }] },
      after: { checks: [{ what: "comments heading", in: byTestId("comments-heading"), has: n(4, "comment", "comments") }, { what: "the reply", in: commentEl(parent), has: reply }] },
    },
    { url: `/comments/${parent}`, before: { checks: [{ what: "the thread", in: main, hasNot: reply }] }, after: { checks: [{ what: "the reply", in: commentEl(parent), has: reply }] } },
    { url: "/feed/new", before: counted(3), after: counted(4) },
    { url: `/films/${review.filmSlug}`, before: counted(3), after: counted(4) },
    { url: `/tags/${tag}`, before: counted(3), after: counted(4) },
    // The participants: the review's author, the replier, and the author of the comment replied to.
    { url: `/u/${author.username}`, before: counted(3), after: counted(4) },
    { url: `/u/${replier.username}`, before: { checks: [{ what: "counts", in: profileCounts, has: n(1, "comment", "comments") }] }, after: { checks: [{ what: "counts", in: profileCounts, has: n(2, "comment", "comments") }] } },
    { url: `/u/${replier.username}/comments`, before: { checks: [{ what: "the page", in: main, hasNot: reply }] }, after: { checks: [{ what: "the reply", in: memberComment(reply), has: `On ${review.title}` }] } },
    {
      url: `/u/${first.username}/comments`,
      before: { checks: [{ what: "the comment replied to", in: memberComment("The sleeper car is a stage set"), has: n(1, "reply", "replies") }] },
      after: { checks: [{ what: "the comment replied to", in: memberComment("The sleeper car is a stage set"), has: n(2, "reply", "replies") }] },
    },
    {
      url: `/u/${first.username}/badges`,
      before: { checks: [{ what: "replies ladder", in: byTestId("progress-replies"), has: "1 / 10" }] },
      after: { checks: [{ what: "replies ladder", in: byTestId("progress-replies"), has: "2 / 10" }] },
    },
  ];
  await warm(request, readers, targets);
  const untouched = await snapshot(request, [...unrelatedPages(), "/badges", "/ranking"]);

  const id = await comment(c, review.id, reply, parent);
  expect(id).toBeGreaterThan(parent);
  await expectFresh(readers, targets, "posting a reply");
  await expectUntouched(request, c, untouched, "posting a reply");
});

test("editing a comment: its thread, its permalink and its author's comments show the new text; the review's lists and everything else stay cached", async ({ kit, request }) => {
  const [author, commenter] = createMembers("edc", 2) as [MemberE2E, MemberE2E];
  const [a, b] = [await kit.session(author), await kit.session(commenter)];
  const tag = newTag();
  const review = await publish(a, { title: `Harbour lights ${stem("edc")}`, film: newFilm(), tags: [tag], score: 7, body: reviewBody("a harbour at night") });
  const id = await comment(b, review.id, `The fog machine works overtime ${stem("edc")}`);
  // A first edit earns "Second thoughts", so the edit under test earns nothing.
  const before = `The fog is the best actor in it ${stem("edc")}`;
  await send(b, `/api/comments/${id}/edit`, { body: before });
  const after = `On a second look the fog is a stand-in for grief ${stem("edc")}`;
  const readers = await kit.readers(b);

  const targets: Target[] = [
    { url: `/reviews/${review.slug}`, before: { checks: [{ what: "the comment", in: commentEl(id), has: before }] }, after: { checks: [{ what: "the comment", in: commentEl(id), has: after, hasNot: before }] } },
    { url: `/comments/${id}`, before: { checks: [{ what: "the comment", in: commentEl(id), has: before }] }, after: { checks: [{ what: "the comment", in: commentEl(id), has: after, hasNot: before }] } },
    { url: `/u/${commenter.username}/comments`, before: { checks: [{ what: "the comment", in: main, has: before }] }, after: { checks: [{ what: "the comment", in: main, has: after, hasNot: before }] } },
  ];
  await warm(request, readers, targets);
  // Cards show a comment count, never a comment's text.
  const untouched = await snapshot(request, [...unrelatedPages(), "/feed/new", `/films/${review.filmSlug}`, `/tags/${tag}`, `/u/${author.username}`, "/badges", "/ranking"]);

  await send(b, `/api/comments/${id}/edit`, { body: after });
  await expectFresh(readers, targets, "editing a comment");
  await expectUntouched(request, b, untouched, "editing a comment");
});

test("deleting a comment: the review, the cards counting its comments and the participants' profiles drop it; nothing else renders again", async ({ kit, request }) => {
  const [author, first, replier] = createMembers("delc", 3) as [MemberE2E, MemberE2E, MemberE2E];
  const [a, d, b] = [await kit.session(author), await kit.session(first), await kit.session(replier)];
  const tag = newTag();
  const review = await publish(a, { title: `Salt flats ${stem("delc")}`, film: newFilm(), tags: [tag], score: 6, body: reviewBody("salt flats at noon") });
  const parentText = `The horizon line never moves ${stem("delc")}`;
  const parent = await comment(d, review.id, parentText);
  const doomed = `It moves once, in the last shot ${stem("delc")}`;
  const id = await comment(b, review.id, doomed, parent);
  const readers = await kit.readers(b);

  const counted = (count: number): State => ({ checks: [{ what: "its card", in: card(review.title), has: n(count, "comment", "comments") }] });
  const targets: Target[] = [
    {
      url: `/reviews/${review.slug}`,
      before: { checks: [{ what: "comments heading", in: byTestId("comments-heading"), has: n(2, "comment", "comments") }, { what: "the reply", in: commentEl(id), has: doomed }] },
      after: { checks: [{ what: "comments heading", in: byTestId("comments-heading"), has: `One response to “${review.title}”` }, { what: "the thread", in: main, hasNot: doomed }] },
    },
    { url: `/comments/${parent}`, before: { checks: [{ what: "the reply", in: commentEl(id), has: doomed }] }, after: { checks: [{ what: "the thread", in: main, has: parentText, hasNot: doomed }] } },
    { url: "/feed/new", before: counted(2), after: counted(1) },
    { url: `/films/${review.filmSlug}`, before: counted(2), after: counted(1) },
    { url: `/tags/${tag}`, before: counted(2), after: counted(1) },
    { url: `/u/${author.username}`, before: counted(2), after: counted(1) },
    { url: `/u/${replier.username}`, before: { checks: [{ what: "counts", in: profileCounts, has: n(1, "comment", "comments") }] }, after: { checks: [{ what: "counts", in: profileCounts, has: n(0, "comment", "comments") }] } },
    { url: `/u/${replier.username}/comments`, before: { checks: [{ what: "the reply", in: main, has: doomed }] }, after: { checks: [{ what: "the page", in: main, hasNot: doomed }] } },
    {
      url: `/u/${first.username}/comments`,
      before: { checks: [{ what: "the comment replied to", in: memberComment(parentText), has: n(1, "reply", "replies") }] },
      after: { checks: [{ what: "the comment replied to", in: memberComment(parentText), has: n(0, "reply", "replies") }] },
    },
  ];
  await warm(request, readers, targets);
  const untouched = await snapshot(request, [...unrelatedPages(), "/badges", "/ranking"]);

  await send(b, `/api/comments/${id}/delete`);
  await expectFresh(readers, targets, "deleting a comment");
  await expectUntouched(request, b, untouched, "deleting a comment");
});

// ── Votes ───────────────────────────────────────────────────────────────────────────────────────

/** A review by a new member, and the pages an upvote on it changes, showing `count` upvotes. */
function reviewVoteTargets(review: Review, tag: string, author: MemberE2E, voter: MemberE2E, count: number): Target[] {
  const state = (k: number): State => ({ checks: [{ what: "its card", in: card(review.title), has: n(k, "upvote", "upvotes") }] });
  const other = count === 1 ? 0 : 1;
  return [
    { url: `/reviews/${review.slug}`, before: { checks: [{ what: "the count", in: byTestId(`count-r${review.id}`), has: n(other, "upvote", "upvotes") }] }, after: { checks: [{ what: "the count", in: byTestId(`count-r${review.id}`), has: n(count, "upvote", "upvotes") }] } },
    {
      url: `/reviews/${review.slug}/upvotes`,
      before: { checks: [{ what: "total", in: byTestId("voters-total"), has: other ? "1 upvote." : "No upvotes yet." }, { what: "the voters", in: main, ...(other ? { has: voter.name } : { hasNot: voter.name }) }] },
      after: { checks: [{ what: "total", in: byTestId("voters-total"), has: count ? "1 upvote." : "No upvotes yet." }, { what: "the voters", in: main, ...(count ? { has: voter.name } : { hasNot: voter.name }) }] },
    },
    { url: "/feed/new", before: state(other), after: state(count) },
    { url: "/", before: state(other), after: state(count) },
    { url: `/films/${review.filmSlug}`, before: state(other), after: state(count) },
    { url: `/tags/${tag}`, before: state(other), after: state(count) },
    {
      url: `/u/${author.username}`,
      before: { checks: [...state(other).checks, { what: "counts", in: profileCounts, has: n(other, "upvote received", "upvotes received") }] },
      after: { checks: [...state(count).checks, { what: "counts", in: profileCounts, has: n(count, "upvote received", "upvotes received") }] },
    },
    {
      url: `/u/${author.username}/badges`,
      before: { checks: [{ what: "upvotes ladder", in: byTestId("progress-upvotes"), has: `${other} / 10` }] },
      after: { checks: [{ what: "upvotes ladder", in: byTestId("progress-upvotes"), has: `${count} / 10` }] },
    },
  ];
}

test("upvoting a review: the review, its film, the feeds, the author's profile and board and the Ranking count it; the voter's profile and the rest stay cached", async ({ kit, request }) => {
  const [author, voter] = createMembers("upr", 2) as [MemberE2E, MemberE2E];
  const [a, v] = [await kit.session(author), await kit.session(voter)];
  const tag = newTag();
  const review = await publish(a, { title: `Paper moon ${stem("upr")}`, film: newFilm(), tags: [tag], score: 8, body: reviewBody("a paper moon") });
  const readers = await kit.readers(v);

  expect((await rankOf(a, "upvotes", "all")).rank, "no upvotes received yet").toBeNull();
  const targets = reviewVoteTargets(review, tag, author, voter, 1);
  const ranking = rankingPages("upvotes", "all").map((url): Target => ({ url, before: { checks: [{ what: "the page", in: main, hasNot: author.name }] } }));
  await warm(request, readers, [...targets, ...ranking]);
  const untouched = await snapshot(request, [...unrelatedPages(), `/u/${voter.username}`, "/badges"]);

  await vote(v, "review", review.id, "up");
  const ranked = await rankOf(a, "upvotes", "all");
  expect(ranked.rank).not.toBeNull();
  await expectFresh(readers, [...targets, { url: ranked.href, after: { checks: [{ what: "the author's row", in: rankRow(author.name), has: n(1, "upvote", "upvotes") }] } }], "an upvote on a review");
  await expectUntouched(request, v, untouched, "an upvote on a review");
});

test("taking back an upvote on a review: every page that counted it counts it no more; the voter's profile and the rest stay cached", async ({ kit, request }) => {
  const [author, voter] = createMembers("und", 2) as [MemberE2E, MemberE2E];
  const [a, v] = [await kit.session(author), await kit.session(voter)];
  const tag = newTag();
  const review = await publish(a, { title: `Glass harp ${stem("und")}`, film: newFilm(), tags: [tag], score: 5, body: reviewBody("a glass harp") });
  await vote(v, "review", review.id, "up");
  const readers = await kit.readers(v);

  const ranked = await rankOf(a, "upvotes", "all");
  expect(ranked.rank, "the author is in the upvotes ranking").not.toBeNull();
  const targets = reviewVoteTargets(review, tag, author, voter, 0);
  targets.push({
    url: ranked.href,
    before: { checks: [{ what: "the author's row", in: rankRow(author.name), has: n(1, "upvote", "upvotes") }] },
    after: { checks: [{ what: "the page", in: main, hasNot: author.name }] },
  });
  await warm(request, readers, targets);
  const untouched = await snapshot(request, [...unrelatedPages(), `/u/${voter.username}`, "/badges"]);

  await vote(v, "review", review.id, "none");
  expect((await rankOf(a, "upvotes", "all")).rank, "no upvotes left").toBeNull();
  await expectFresh(readers, targets, "taking back an upvote");
  await expectUntouched(request, v, untouched, "taking back an upvote");
});

test("upvoting a comment: its thread, its permalink, its author's profile, comments and board and the Ranking count it; the review's lists stay cached", async ({ kit, request }) => {
  const [author, commenter, voter] = createMembers("upc", 3) as [MemberE2E, MemberE2E, MemberE2E];
  const [a, b, v] = [await kit.session(author), await kit.session(commenter), await kit.session(voter)];
  const tag = newTag();
  const review = await publish(a, { title: `Wind farm ${stem("upc")}`, film: newFilm(), tags: [tag], score: 7, body: reviewBody("a wind farm") });
  const text = `The turbines keep time better than the score ${stem("upc")}`;
  const id = await comment(b, review.id, text);
  const readers = await kit.readers(v);

  const count = (k: number): State => ({ checks: [{ what: "the count", in: byTestId(`count-c${id}`), has: n(k, "upvote", "upvotes") }] });
  const targets: Target[] = [
    { url: `/reviews/${review.slug}`, before: count(0), after: count(1) },
    { url: `/comments/${id}`, before: count(0), after: count(1) },
    { url: `/comments/${id}/upvotes`, before: { checks: [{ what: "total", in: byTestId("voters-total"), has: "No upvotes yet." }] }, after: { checks: [{ what: "total", in: byTestId("voters-total"), has: "1 upvote." }, { what: "the voters", in: main, has: voter.name }] } },
    {
      url: `/u/${commenter.username}`,
      before: { checks: [{ what: "counts", in: profileCounts, has: n(0, "upvote received", "upvotes received") }] },
      after: { checks: [{ what: "counts", in: profileCounts, has: n(1, "upvote received", "upvotes received") }] },
    },
    { url: `/u/${commenter.username}/comments`, before: { checks: [{ what: "the comment", in: memberComment(text), has: n(0, "upvote", "upvotes") }] }, after: { checks: [{ what: "the comment", in: memberComment(text), has: n(1, "upvote", "upvotes") }] } },
    { url: `/u/${commenter.username}/badges`, before: { checks: [{ what: "upvotes ladder", in: byTestId("progress-upvotes"), has: "0 / 10" }] }, after: { checks: [{ what: "upvotes ladder", in: byTestId("progress-upvotes"), has: "1 / 10" }] } },
  ];
  const ranking = rankingPages("upvotes", "all").map((url): Target => ({ url, before: { checks: [{ what: "the page", in: main, hasNot: commenter.name }] } }));
  await warm(request, readers, [...targets, ...ranking]);
  // A card counts the review's upvotes and comments, not a comment's upvotes.
  const untouched = await snapshot(request, [...unrelatedPages(), "/feed/new", `/films/${review.filmSlug}`, `/tags/${tag}`, `/u/${author.username}`, `/u/${voter.username}`, "/badges"]);

  await vote(v, "comment", id, "up");
  const ranked = await rankOf(b, "upvotes", "all");
  expect(ranked.rank).not.toBeNull();
  await expectFresh(readers, [...targets, { url: ranked.href, after: { checks: [{ what: "the commenter's row", in: rankRow(commenter.name), has: n(1, "upvote", "upvotes") }] } }], "an upvote on a comment");
  await expectUntouched(request, v, untouched, "an upvote on a comment");
});

// ── Badges ──────────────────────────────────────────────────────────────────────────────────────

test("a badge earned by a first comment: the member's board and profile, the badge catalog, the badge's page and the Ranking show it; other members stay cached", async ({ kit, request }) => {
  const [author, regular, newcomer] = createMembers("bdg", 3) as [MemberE2E, MemberE2E, MemberE2E];
  const [a, b, m] = [await kit.session(author), await kit.session(regular), await kit.session(newcomer)];
  const review = await publish(a, { title: `Long shadows ${stem("bdg")}`, film: newFilm(), tags: [newTag()], score: 8, body: reviewBody("long shadows") });
  // The review's author hears from someone first, so the comment under test earns only the newcomer's badge.
  await comment(b, review.id, `The noon shadows are painted on ${stem("bdg")}`);
  const text = `My first comment here: the shadows lie about the time ${stem("bdg")}`;
  const readers = await kit.readers(m);

  const held = withDb((db) => db.prepare("select holder_count from badges where slug = 'comments-1'").pluck().get() as number);
  expect((await rankOf(m, "points", "all")).rank, "no points yet").toBeNull();
  const targets: Target[] = [
    {
      url: `/u/${newcomer.username}/badges`,
      before: { checks: [{ what: "summary", in: byTestId("board-summary"), has: `${newcomer.name} has no badges yet.` }] },
      after: { checks: [{ what: "summary", in: byTestId("board-summary"), has: "1 badge, 1 point." }, { what: "earned", in: main, has: `a comment on “${review.title}”` }] },
    },
    {
      url: `/u/${newcomer.username}`,
      before: { checks: [{ what: "counts", in: profileCounts, has: n(0, "badge point", "badge points") }] },
      after: { checks: [{ what: "counts", in: profileCounts, has: n(1, "badge point", "badge points") }] },
    },
    { url: "/badges", before: { checks: [{ what: "“First comment”", in: catalogCard("First comment"), has: holders(held) }] }, after: { checks: [{ what: "“First comment”", in: catalogCard("First comment"), has: holders(held + 1) }] } },
    { url: "/badges/comments-1", before: { checks: [{ what: "holders", in: byTestId("voters-total"), has: heldBy(held) }] }, after: { checks: [{ what: "holders", in: byTestId("voters-total"), has: heldBy(held + 1) }] } },
    { url: `/reviews/${review.slug}`, before: { checks: [{ what: "the thread", in: main, hasNot: text }] }, after: { checks: [{ what: "the thread", in: main, has: text }] } },
  ];
  const ranking = rankingPages("points", "all").map((url): Target => ({ url, before: { checks: [{ what: "the page", in: main, hasNot: newcomer.name }] } }));
  await warm(request, readers, [...targets, ...ranking]);
  const untouched = await snapshot(request, [...unrelatedPages(), `/u/${regular.username}`, `/u/${regular.username}/badges`]);

  await comment(m, review.id, text);
  const ranked = await rankOf(m, "points", "all");
  expect(ranked.rank).not.toBeNull();
  await expectFresh(readers, [...targets, { url: ranked.href, after: { checks: [{ what: "the member's row", in: rankRow(newcomer.name), has: n(1, "point", "points") }] } }], "a badge grant");
  await expectUntouched(request, m, untouched, "a badge grant");
});

// ── Profiles ────────────────────────────────────────────────────────────────────────────────────

test("a new display name shows at once on every page that names the member: their reviews and cards, threads they commented in, profile, board, the Ranking and badge pages", async ({ kit, request }) => {
  const [member, other] = createMembers("ren", 2) as [MemberE2E, MemberE2E];
  const [p, q] = [await kit.session(member), await kit.session(other)];
  const tag = newTag();
  const own = await publish(p, { title: `Quiet coast ${stem("ren")}`, film: newFilm(), tags: [tag], score: 8, body: reviewBody("a quiet coast") });
  const otherTag = newTag();
  const theirs = await publish(q, { title: `Loud city ${stem("ren")}`, film: newFilm(), tags: [otherTag], score: 6, body: reviewBody("a loud city") });
  const remark = `The traffic is mixed like an orchestra ${stem("ren")}`;
  const remarkId = await comment(p, theirs.id, remark);
  const oldName = member.name;
  const newName = `Renamed ${stem("ren")}`;
  const readers = await kit.readers(p);

  const ranked = await rankOf(p, "points", "all");
  expect(ranked.rank, "the member's first badges put them in the Ranking").not.toBeNull();
  // Holders of "First review" are listed first to earn it first, fifty a page.
  const position = withDb(
    (db) =>
      db
        .prepare("select count(*) from user_badges where badge_slug = 'reviews-1' and granted_at <= (select granted_at from user_badges where badge_slug = 'reviews-1' and user_id = ?)")
        .pluck()
        .get(member.id) as number,
  );
  const holderPage = Math.ceil(position / 50);
  const points = withDb((db) => db.prepare("select badge_points from users where id = ?").pluck().get(member.id) as number);
  /** Shows the old name there before, and after it the new name there and the old one nowhere on the page. */
  const naming = (url: string, where: Where, what: string): Target => ({
    url,
    before: { checks: [{ what, in: where, has: oldName }] },
    after: { checks: [{ what, in: where, has: newName }, { what: "the page", in: main, hasNot: oldName }] },
  });
  const targets: Target[] = [
    naming(`/reviews/${own.slug}`, main, "the byline"),
    naming(`/reviews/${theirs.slug}`, commentEl(remarkId), "their comment"),
    naming(`/comments/${remarkId}`, commentEl(remarkId), "their comment"),
    naming("/feed/new", card(own.title), "their card"),
    naming("/", card(own.title), "their card"),
    naming(`/films/${own.filmSlug}`, card(own.title), "their card"),
    naming(`/tags/${tag}`, card(own.title), "their card"),
    naming(`/u/${member.username}`, h1, "the name"),
    naming(`/u/${member.username}/comments`, h1, "the name"),
    naming(`/u/${member.username}/badges`, h1, "the name"),
    naming(holderPage > 1 ? `/badges/reviews-1/${holderPage}` : "/badges/reviews-1", main, "the holders"),
    // The Ranking's row is found by the name it shows.
    {
      url: ranked.href,
      before: { checks: [{ what: "their row", in: rankRow(oldName), has: n(points, "point", "points") }] },
      after: { checks: [{ what: "their row", in: rankRow(newName), has: n(points, "point", "points") }, { what: "the page", in: main, hasNot: oldName }] },
    },
  ];
  await warm(request, readers, targets);
  // Pages about the other member, their film and tag show the member's comment nowhere.
  const untouched = await snapshot(request, [...unrelatedPages(), `/u/${other.username}`, `/films/${theirs.filmSlug}`, `/tags/${otherTag}`, "/badges"]);

  await send(p, "/api/settings/profile", { name: newName, bio: "" });
  await expectFresh(readers, targets, "a display name change");
  await expectUntouched(request, p, untouched, "a display name change");
});
