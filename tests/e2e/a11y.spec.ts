import AxeBuilder from "@axe-core/playwright";
import { HtmlValidate, type Message } from "html-validate";
import type { Result as AxeViolation } from "axe-core";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { accountNav, createMembers, E2E_ORIGIN, publishReviewVia, SESSION_COOKIE, sessionCookie, sessionToken, shot, withDb } from "./helpers";

// Every page template, signed out and (where the page differs or is per-member) signed in, checked
// two ways: axe-core in the browser once the client islands have loaded (no serious or critical
// violation of WCAG 2.1 A/AA, light and dark), and the raw HTML the server sends through
// html-validate (no error). Addresses come from the seeded demo content, read from the e2e database.

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// The "standard" preset is the HTML specification's content model and attribute rules; the a11y
// preset adds the checks that are about meaning (duplicate landmarks, labels, empty headings).
const validator = new HtmlValidate({
  extends: ["html-validate:standard", "html-validate:a11y"],
  rules: {
    // WAI-ARIA lets any element with a role that takes a name carry aria-label (a list of tags named
    // "Tags"); the a11y preset's stricter setting is advice, so keep the standard preset's setting,
    // which still refuses aria-label where ARIA forbids it (a bare span or div).
    "aria-label-misuse": ["error", { allowAnyNamable: true }],
    // A badge ladder's progress is a styled bar with role="progressbar" and its full ARIA values: a
    // valid pattern the a11y preset would rather see as <progress>; every other role is still checked.
    "prefer-native-element": ["error", { exclude: ["progressbar"] }],
  },
});

// ── The member whose per-user pages are checked, and the addresses to check ─────────────────────

/** A seeded demo member (lib/seed/): an ordinary member with a draft, reviews, comments, badges and notices. */
const MEMBER = "femi_oyelaran";

type Addresses = {
  member: { id: string; username: string };
  discussed: string;
  spoiler: string;
  revised: { slug: string; count: number };
  deleted: string;
  deepComment: number;
  deletedComment: number;
  revisedComment: number;
  votedComment: number;
  film: string;
  tag: string;
  badge: string;
  olderFeed: string;
  own: { review: string; draft: string; comment: number; othersReview: string };
};

let addresses: Addresses | undefined;

const one = <T,>(sql: string, ...args: unknown[]) =>
  withDb((db) => {
    const row = db.prepare(sql).get(...args) as T | undefined;
    expect(row, sql).toBeDefined();
    return row!;
  });

/** Reads the addresses from the database once; the deleted review is made here (the seed has none). */
async function resolve(request: APIRequestContext): Promise<Addresses> {
  if (addresses) return addresses;
  const member = one<{ id: string; username: string }>("select id, username from users where username = ?", MEMBER);
  const published = "p.status = 'published'";
  const slug = (where: string, order = "p.id", ...args: unknown[]) =>
    one<{ slug: string }>(`select p.slug from posts p where ${published} and ${where} order by ${order} limit 1`, ...args).slug;
  const revised = one<{ slug: string; count: number }>(
    `select p.slug, p.revision_count as count from posts p where ${published} and p.revision_count > 1 order by p.revision_count desc, p.id limit 1`,
  );
  const comment = (where: string, order = "c.id", ...args: unknown[]) =>
    one<{ id: number }>(
      `select c.id from comments c join posts p on p.id = c.post_id where ${published} and ${where} order by ${order} limit 1`,
      ...args,
    ).id;

  // A review of this spec's own, deleted through the app, for the 410 page.
  const [author] = createMembers("a11y");
  const headers = {
    cookie: await sessionCookie(author!.id),
    origin: E2E_ORIGIN,
    accept: "application/json",
    "x-forwarded-for": "192.0.2.41",
  };
  const deleted = await publishReviewVia(request, headers, `Deleted for the record ${Date.now().toString(36)}`);
  const gone = await request.post(`/api/reviews/${deleted}/delete`, { headers });
  expect(gone.status(), "deleting the review").toBe(200);

  const olderFeed = await request.get("/feed/new");
  const older = /href="(\/feed\/new\/[\w-]+)"/.exec(await olderFeed.text());
  expect(older, "the New feed links to older reviews").not.toBeNull();

  addresses = {
    member,
    discussed: slug("1 = 1", "p.comment_count desc, p.id"),
    spoiler: slug("p.has_spoilers = true"),
    revised,
    deleted,
    deepComment: comment("c.deleted_at is null", "c.depth desc, c.id"),
    deletedComment: comment("c.deleted_at is not null and c.reply_count = 0"),
    revisedComment: comment("c.deleted_at is null and c.revision_count > 1"),
    votedComment: comment("c.deleted_at is null and c.upvote_count > 0", "c.upvote_count desc, c.id"),
    film: one<{ slug: string }>(
      `select f.slug from films f where (select count(*) from posts p where p.film_id = f.id and ${published} and p.score is not null) >= 3 order by f.id limit 1`,
    ).slug,
    tag: one<{ tag: string }>(`select t.tag from post_tags t join posts p on p.id = t.post_id where ${published} group by t.tag order by count(*) desc, t.tag limit 1`).tag,
    badge: one<{ slug: string }>("select badge_slug as slug from user_badges group by badge_slug order by count(*) desc, badge_slug limit 1").slug,
    olderFeed: older![1]!,
    own: {
      review: slug("p.author_id = ?", "p.id", member.id),
      draft: one<{ slug: string }>("select slug from posts where author_id = ? and status = 'draft' order by id limit 1", member.id).slug,
      comment: comment("c.deleted_at is null and c.author_id = ?", "c.id", member.id),
      othersReview: slug("p.author_id <> ?", "p.id", member.id),
    },
  };
  return addresses;
}

// ── The checks ──────────────────────────────────────────────────────────────────────────────────

const formatViolations = (violations: AxeViolation[]) =>
  violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => {
          const why = (n.failureSummary ?? "").split("\n").slice(1, 3).map((l) => l.trim()).join(" ");
          return `    - ${n.target.join(" ")}${why ? `\n      ${why}` : ""}`;
        })
        .join("\n");
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : "";
      return `  ${v.id} [${v.impact}] ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n");

async function checkAxe(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect.soft(bad.length, `axe on ${label}:\n${formatViolations(bad)}`).toBe(0);
}

/** Both color schemes, or only the light one. */
async function checkAxeSchemes(page: Page, label: string, dark: boolean) {
  await page.emulateMedia({ colorScheme: "light" });
  await checkAxe(page, `${label} (light)`);
  if (!dark) return;
  await page.emulateMedia({ colorScheme: "dark" });
  // Let the new colors reach the computed styles before axe reads them.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await checkAxe(page, `${label} (dark)`);
  await page.emulateMedia({ colorScheme: "light" });
}

const formatMessages = (html: string, messages: Message[]) => {
  const lines = html.split("\n");
  return messages
    .map((m) => {
      const line = lines[m.line - 1] ?? "";
      const start = Math.max(0, m.column - 60);
      const excerpt = line.slice(start, m.column + 100);
      return `  ${m.line}:${m.column} ${m.ruleId}: ${m.message}\n    ${m.selector ?? ""}\n    …${excerpt}…`;
    })
    .join("\n");
};

async function validateHtml(html: string, label: string) {
  const report = await validator.validateString(html);
  const errors = report.results
    .flatMap((r) => r.messages)
    .filter((m) => m.severity === 2);
  expect.soft(errors.length, `html-validate on ${label}:\n${formatMessages(html, errors)}`).toBe(0);
}

async function checkHtml(request: APIRequestContext, url: string, status: number, label: string) {
  const res = await request.get(url, { maxRedirects: 0 });
  expect.soft(res.status(), `${label}: status of the raw page`).toBe(status);
  await validateHtml(await res.text(), label);
}

// ── Opening a page as a reader ───────────────────────────────────────────────────────────────────

type Viewer = "signed out" | "signed in";

async function signedInContext(browser: Browser, member: { id: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.42" } });
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionToken(member.id), url: E2E_ORIGIN, httpOnly: true, sameSite: "Lax" }]);
  return context;
}

/** Opens `url` and waits until the page has settled: loaded, quiet, and the header's account corner filled in. */
async function open(page: Page, url: string, status: number, viewer: Viewer) {
  const res = await page.goto(url);
  expect(res?.status(), `status of ${url}`).toBe(status);
  await page.waitForLoadState("networkidle");
  const nav = accountNav(page);
  if (viewer === "signed in") await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
  else await expect(nav.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
}

type Case = {
  name: string;
  url: (a: Addresses) => string;
  status?: number;
  /** Who reads it: per-member pages only signed in, pages whose islands differ both ways. */
  viewers: Viewer[];
  /** Check the dark color scheme too. */
  dark?: boolean;
  /** Something to do on the settled page before a second axe pass (open a fold). */
  reveal?: (page: Page) => Promise<void>;
  /** Screenshots of the signed-out page in both schemes, named after this. */
  shot?: string;
};

const OUT: Viewer[] = ["signed out"];
const IN: Viewer[] = ["signed in"];
const BOTH: Viewer[] = ["signed out", "signed in"];

const CASES: Case[] = [
  { name: "home (Hot)", url: () => "/", viewers: BOTH, dark: true },
  { name: "feed: New", url: () => "/feed/new", viewers: OUT },
  { name: "feed: Top this week", url: () => "/feed/top-week", viewers: OUT },
  { name: "feed: Top of all time", url: () => "/feed/top-all", viewers: OUT },
  { name: "feed: older reviews", url: (a) => a.olderFeed, viewers: OUT },
  { name: "review with its discussion", url: (a) => `/reviews/${a.discussed}`, viewers: BOTH, dark: true, shot: "a11y-review" },
  {
    name: "review with spoilers",
    url: (a) => `/reviews/${a.spoiler}`,
    viewers: OUT,
    dark: true,
    reveal: async (page) => page.locator(".spoiler-fold > summary").click(),
  },
  { name: "deleted review (410)", url: (a) => `/reviews/${a.deleted}`, status: 410, viewers: OUT },
  { name: "own review, signed in", url: (a) => `/reviews/${a.own.review}`, viewers: IN, dark: true },
  { name: "own comment's permalink, signed in", url: (a) => `/comments/${a.own.comment}`, viewers: IN },
  { name: "comments, newest first", url: (a) => `/reviews/${a.discussed}/comments/newest`, viewers: OUT },
  { name: "comments, oldest first", url: (a) => `/reviews/${a.discussed}/comments/oldest`, viewers: BOTH },
  { name: "comment permalink deep in a thread", url: (a) => `/comments/${a.deepComment}`, viewers: BOTH, dark: true },
  // A static page: it says the comment is gone in its text, and answers 410.
  { name: "deleted comment's permalink (410)", url: (a) => `/comments/${a.deletedComment}`, status: 410, viewers: OUT },
  { name: "comment history", url: (a) => `/comments/${a.revisedComment}/revisions`, viewers: OUT },
  { name: "comment upvoters", url: (a) => `/comments/${a.votedComment}/upvotes`, viewers: OUT },
  { name: "review revision history", url: (a) => `/reviews/${a.revised.slug}/revisions`, viewers: OUT, dark: true },
  { name: "review revision diff", url: (a) => `/reviews/${a.revised.slug}/revisions/1...${a.revised.count}`, viewers: OUT, dark: true },
  { name: "review upvoters", url: (a) => `/reviews/${a.discussed}/upvotes`, viewers: OUT },
  { name: "film page", url: (a) => `/films/${a.film}`, viewers: OUT, dark: true },
  { name: "tag page", url: (a) => `/tags/${a.tag}`, viewers: OUT },
  { name: "profile: reviews", url: (a) => `/u/${a.member.username}`, viewers: BOTH, dark: true },
  { name: "profile: comments", url: (a) => `/u/${a.member.username}/comments`, viewers: OUT },
  { name: "profile: badge board", url: (a) => `/u/${a.member.username}/badges`, viewers: BOTH, dark: true, shot: "a11y-board" },
  { name: "badge catalog", url: () => "/badges", viewers: OUT, dark: true, shot: "a11y-badges" },
  { name: "badge and its holders", url: (a) => `/badges/${a.badge}`, viewers: OUT },
  { name: "Ranking", url: () => "/ranking", viewers: BOTH, dark: true },
  { name: "Ranking by upvotes this month", url: () => "/ranking/upvotes/month", viewers: OUT },
  { name: "sign in", url: () => "/signin", viewers: BOTH, dark: true },
  { name: "sign up", url: () => "/signup", viewers: OUT, dark: true },
  { name: "leave a reply (review)", url: (a) => `/reviews/${a.discussed}/reply`, viewers: BOTH },
  { name: "reply to a comment", url: (a) => `/comments/${a.deepComment}/reply`, viewers: BOTH },
  { name: "vote not counted", url: () => "/vote", viewers: OUT },
  { name: "goodbye", url: () => "/goodbye", viewers: OUT },
  { name: "404 page", url: () => "/no-such-page-here", status: 404, viewers: BOTH, dark: true },
  { name: "new-review editor", url: () => "/reviews/new", viewers: IN, dark: true },
  { name: "edit a published review", url: (a) => `/reviews/${a.own.review}/edit`, viewers: IN },
  { name: "edit a draft", url: (a) => `/reviews/${a.own.draft}/edit`, viewers: IN },
  { name: "edit someone else's review (403)", url: (a) => `/reviews/${a.own.othersReview}/edit`, status: 403, viewers: IN },
  { name: "drafts", url: () => "/drafts", viewers: IN },
  { name: "settings", url: () => "/settings", viewers: IN, dark: true },
  { name: "notifications", url: () => "/notifications", viewers: IN, dark: true },
  { name: "edit a comment", url: (a) => `/comments/${a.own.comment}/edit`, viewers: IN },
  { name: "delete a comment", url: (a) => `/comments/${a.own.comment}/delete`, viewers: IN },
];

test.describe.configure({ timeout: 90_000 });

for (const c of CASES) {
  test(`${c.name}: axe and html-validate find nothing serious`, async ({ browser, page, request }) => {
    const a = await resolve(request);
    const url = c.url(a);
    const status = c.status ?? 200;
    let signedIn: BrowserContext | undefined;
    try {
      for (const viewer of c.viewers) {
        let p = page;
        let req = request;
        if (viewer === "signed in") {
          signedIn ??= await signedInContext(browser, a.member);
          p = await signedIn.newPage();
          req = signedIn.request;
        }
        const label = `${url} ${viewer}`;
        await checkHtml(req, url, status, label);
        await open(p, url, status, viewer);
        await checkAxeSchemes(p, label, !!c.dark);
        if (c.reveal) {
          await c.reveal(p);
          await checkAxeSchemes(p, `${label}, revealed`, !!c.dark);
        }
        if (c.shot && viewer === "signed out") {
          await shot(p, `${c.shot}-light.png`);
          await p.emulateMedia({ colorScheme: "dark" });
          await shot(p, `${c.shot}-dark.png`);
          await p.emulateMedia({ colorScheme: "light" });
        }
      }
    } finally {
      await signedIn?.close();
    }
  });
}

// ── Forms sent back with their messages ─────────────────────────────────────────────────────────

type Refusal = {
  name: string;
  page: string;
  /** Where the form posts, and what it sends: refused, so nothing is written. */
  action: string;
  form: Record<string, string>;
  button: string;
  viewer: Viewer;
};

const REFUSALS: Refusal[] = [
  { name: "sign up", page: "/signup", action: "/api/signup", form: { callbackUrl: "/", username: "", email: "", password: "" }, button: "Create account", viewer: "signed out" },
  { name: "sign in", page: "/signin", action: "/api/signin", form: { callbackUrl: "/", identifier: "", password: "" }, button: "Sign in", viewer: "signed out" },
  {
    name: "new-review editor",
    page: "/reviews/new",
    action: "/api/reviews",
    form: { title: "", filmTitle: "", filmYear: "", score: "", tags: "", body: "", intent: "publish" },
    button: "Publish",
    viewer: "signed in",
  },
];

for (const r of REFUSALS) {
  test(`${r.name}, sent back with its messages: axe and html-validate find nothing serious`, async ({ browser, page, request }) => {
    const a = await resolve(request);
    let signedIn: BrowserContext | undefined;
    try {
      let p = page;
      let req = request;
      if (r.viewer === "signed in") {
        signedIn = await signedInContext(browser, a.member);
        p = await signedIn.newPage();
        req = signedIn.request;
      }
      // Without JavaScript: the server renders the page again, with the messages, as its answer.
      const res = await req.post(r.action, { form: r.form, headers: { origin: E2E_ORIGIN, "x-forwarded-for": "192.0.2.43" }, maxRedirects: 0 });
      expect(res.status(), `${r.action} refuses`).toBe(422);
      const html = await res.text();
      expect(html, "the page comes back with a field message").toContain('aria-invalid="true"');
      await validateHtml(html, `the answer to ${r.action}`);

      // With JavaScript: the messages appear in place.
      await open(p, r.page, 200, r.viewer);
      await p.getByRole("button", { name: r.button, exact: true }).click();
      await expect(p.locator("[aria-invalid='true']").first()).toBeVisible();
      await checkAxeSchemes(p, `${r.page} ${r.viewer}, refused`, true);
    } finally {
      await signedIn?.close();
    }
  });
}
