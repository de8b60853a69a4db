import { expect, test, type APIRequestContext, type APIResponse, type Locator, type Page, type Response } from "@playwright/test";
import { withDb } from "../helpers";
import { cachedEverywhere } from "./fresh";
import type { Reader, Session } from "./invalidation-kit";

// What the invalidation journeys look at: parts of a page and what they must show, warming shared
// pages into the cache, checking every reader's next request after a write, and the pages a write
// must leave alone, byte for byte apart from the per-response nonce.

// ── What a page shows ────────────────────────────────────────────────────────────────────────────

export type Where = (page: Page) => Locator;
export type Text = string | RegExp;
/** A part of a page and what its visible text must (or must not) hold. */
export type Check = { what: string; in: Where; has?: Text; hasNot?: Text };
export type State = { status?: number; checks: Check[] };
/** A shared page, what it shows before the write, and what it must show on the next request after. */
export type Target = { url: string; before?: State; after?: State };

export const main: Where = (p) => p.locator("#main");
export const h1: Where = (p) => p.getByRole("heading", { level: 1 });
export const byTestId =
  (id: string): Where =>
  (p) =>
    p.getByTestId(id);
/** A review's card in a feed, film, tag or profile list, found by its title. */
export const card =
  (title: string): Where =>
  (p) =>
    p.getByRole("article").filter({ has: p.getByRole("heading", { name: title, exact: true }) });
export const commentEl =
  (id: number): Where =>
  (p) =>
    p.locator(`#comment-${id}`);
export const profileCounts: Where = (p) => p.getByRole("list", { name: "Counts" });
/** One comment on a member's comments tab, found by its text. */
export const memberComment =
  (body: string): Where =>
  (p) =>
    p.getByRole("listitem").filter({ hasText: body });
export const rankRow =
  (name: string): Where =>
  (p) =>
    p.getByTestId("rank-list").getByRole("listitem").filter({ has: p.getByRole("link", { name, exact: true }) });
export const catalogCard =
  (badge: string): Where =>
  (p) =>
    p.getByRole("listitem").filter({ has: p.getByRole("link", { name: badge, exact: true }) });
export const filmStats: Where = (p) => p.getByRole("region", { name: "Scores" });

/** "1 upvote", "3 comments": the number exactly, then the word in the right number. */
export const n = (count: number, one: string, many: string) => new RegExp(`(?<![\\d,])${count.toLocaleString("en-US")} ${count === 1 ? one : many}(?![a-z])`);
export const holders = (count: number) => (count === 0 ? "Nobody yet" : n(count, "holder", "holders"));
export const heldBy = (count: number) => (count === 1 ? "1 member holds it." : new RegExp(`^${count.toLocaleString("en-US")} members hold it, first to earn it first\\.`));

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
export async function warm(request: APIRequestContext, readers: Reader[], targets: Target[]) {
  const plain = readers[0]!;
  for (const t of targets) {
    await cachedEverywhere(t.url);
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
export async function expectFresh(readers: Reader[], targets: Target[], write: string) {
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
export async function snapshot(request: APIRequestContext, urls: string[]): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const url of urls) {
    await cachedEverywhere(url);
    const again = await request.get(url);
    expect(again.status(), url).toBe(200);
    expect(again.headers()["x-nextjs-cache"], `${url} is served from the cache before the write`).toBe("HIT");
    pages.set(url, await bodyOf(again));
  }
  return pages;
}

/** Still served from the cache, to an anonymous reader and to the writer, and the same page as before. */
export async function expectUntouched(request: APIRequestContext, writer: Session, pages: Map<string, string>, write: string) {
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
export function unrelatedPages(): string[] {
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

export type RankBy = "points" | "upvotes" | "reviews";
export type Period = "all" | "month";
const RANKING_PAGE_SIZE = 50; // lib/badges/ranking.ts
const COLUMN: Record<RankBy, [string, string]> = { points: ["badge_points", "points"], upvotes: ["upvotes_received", "upvotes"], reviews: ["review_count", "reviews"] };

const rankingHref = (by: RankBy, period: Period, page = 1) =>
  page > 1 ? `/ranking/${by}/${period}/${page}` : period !== "all" ? `/ranking/${by}/${period}` : by !== "points" ? `/ranking/${by}` : "/ranking";

/** Every page of a ranking as it stands now. */
export function rankingPages(by: RankBy, period: Period): string[] {
  const [all, monthly] = COLUMN[by];
  const total = withDb((db) =>
    period === "all"
      ? (db.prepare(`select count(*) from users where is_system = false and ${all} > 0`).pluck().get() as number)
      : (db
          .prepare(`select count(*) from monthly_scores m join users u on u.id = m.user_id where m.month = ? and u.is_system = false and m.${monthly} > 0`)
          .pluck()
          .get(new Date().toISOString().slice(0, 7)) as number),
  );
  return Array.from({ length: Math.max(1, Math.ceil(total / RANKING_PAGE_SIZE)) }, (_, i) => rankingHref(by, period, i + 1));
}

/** Where a member stands in a ranking, as the Ranking page asks for its "your rank" line. */
export async function rankOf(s: Session, by: RankBy, period: Period): Promise<{ rank: number | null; href: string }> {
  const res = await s.api.get(`/api/ranking/me?by=${by}&period=${period}`);
  expect(res.status()).toBe(200);
  const me = (await res.json()) as { rank: number | null; page: number };
  return { rank: me.rank, href: rankingHref(by, period, me.page) };
}
