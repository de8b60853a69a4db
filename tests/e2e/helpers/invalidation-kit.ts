import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ORIGIN, sessionCookie, signInWithCookie, unique, type MemberE2E } from "../helpers";
import { row as rowOf } from "./rows";

// Exact invalidation. Shared pages are static and served whole from the cache; each kind of write
// makes the pages that show what it changed render afresh on the very next request — for the writer
// and for an anonymous reader, with JavaScript off and on, and again after a reload — while the
// pages it does not touch go on being served from the cache, byte for byte apart from the
// per-response nonce. Every journey makes its own members, films, tags and reviews (members
// straight into the database and signed in with a minted session cookie; everything else through
// the site's routes), warms the pages it will look at, checks they show the state before the write,
// writes once, then checks. The first request after the write goes to a different reader on each
// page, and what `x-nextjs-cache` said to it is recorded on the test (annotation "x-nextjs-cache").
//
// This kit: members' sessions, the four readers of a journey (anonymous and the writer, each with
// JavaScript off and on, in browser contexts of their own, closed after the test), and the writes,
// through the routes the forms post to. What a page must show: ./invalidation-pages.ts.

// ── Members, their sessions and the readers of a journey ────────────────────────────────────────

export type Session = { member: MemberE2E; api: APIRequestContext };

/** Someone looking at a page: who (the writer or an anonymous reader) and with or without JavaScript. */
export type Reader = { name: string; page: Page; js: boolean };

export type Kit = {
  session(member: MemberE2E): Promise<Session>;
  /** Anonymous and the writer, each with JavaScript off and on: four browser contexts of their own. */
  readers(writer: Session): Promise<Reader[]>;
};

export const test = base.extend<{ kit: Kit }>({
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
        const cookie = await sessionCookie(member.id);
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

// ── Writes, through the routes the forms post to ───────────────────────────────────────────────

export type Answer = { redirect: string; data?: Record<string, unknown> };

/** A form post as the client island sends it (same-site Origin, JSON answer); it must succeed. */
export async function send(s: Session, path: string, form: Record<string, string> = {}): Promise<Answer> {
  const res = await s.api.post(path, { headers: { origin: E2E_ORIGIN, accept: "application/json" }, form });
  expect(res.status(), `POST ${path} as @${s.member.username}`).toBe(200);
  return (await res.json()) as Answer;
}

export type Film = { title: string; year: number };
export type Draft = { title: string; film: Film; tags: string[]; score: number; body: string };
export type Review = Draft & { id: number; slug: string; filmSlug: string };

/** Words only (no punctuation), so a title's slug is known in advance: "pub k2x1a2b". */
export const stem = (prefix: string) => unique(prefix).replace(/_/g, " ");
export const newFilm = (): Film => ({ title: `Reel ${stem("f")}`, year: 1962 });
export const newTag = () => unique("t").replace(/_/g, "-");
export const slugOf = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export function reviewForm(d: Draft): Record<string, string> {
  return { title: d.title, filmTitle: d.film.title, filmYear: String(d.film.year), score: String(d.score), tags: d.tags.join(", "), intent: "publish", body: d.body };
}

export async function publish(s: Session, d: Draft): Promise<Review> {
  const slug = (await send(s, "/api/reviews", reviewForm(d))).redirect.split("/")[2]!;
  const row = rowOf<{ id: number; filmSlug: string }>(
    "select p.id, f.slug as \"filmSlug\" from posts p join films f on f.id = p.film_id where p.slug = ? and p.status = 'published'",
    slug,
  );
  expect(row, `the published review ${slug}`).toBeDefined();
  return { ...d, ...row!, slug };
}

export const editReview = (s: Session, r: Review, d: Draft) => send(s, `/api/reviews/${r.slug}/edit`, reviewForm(d));

export async function comment(s: Session, reviewId: number, body: string, parentId?: number): Promise<number> {
  const answer = await send(s, "/api/comments", { reviewId: String(reviewId), parentId: parentId ? String(parentId) : "", body });
  return (answer.data as { comment: { id: number } }).comment.id;
}

export async function vote(s: Session, type: "review" | "comment", id: number, value: "up" | "none") {
  const answer = await send(s, "/api/votes", { type, id: String(id), value, back: "/" });
  expect(answer.data, `@${s.member.username} votes ${value} on ${type} ${id}`).toMatchObject({ voted: value === "up" });
}

export const reviewBody = (words: string) => `A slow film about waiting, watched twice; ${words}. The last reel earns every quiet minute before it.`;
