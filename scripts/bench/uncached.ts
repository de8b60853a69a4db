// The review page with every cache out of the way: Next.js's draft mode, turned on per request by a
// cookie that only holders of this build's preview secret can make.
//
// A request carrying `__prerender_bypass=<previewModeId>` (the id in .next/prerender-manifest.json,
// made afresh by every build and never sent to a browser) skips the rendered-page cache and renders
// the page for that request alone; every 'use cache' function it calls runs again, reading the
// database, and nothing it renders is stored. Readers without the cookie keep getting the cached page.
import fs from "node:fs";
import path from "node:path";
import { closeDb, openDb, unlockedWriter } from "@/db";
import { sqlGet, sqlRun } from "@/tests/helpers/sql";
import type { Server } from "./server";

const root = path.resolve(import.meta.dirname, "..", "..");

/** The Cookie header that puts one request in draft mode on the current build. */
export function draftModeCookie(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "prerender-manifest.json"), "utf8")) as { preview?: { previewModeId?: string } };
  const id = manifest.preview?.previewModeId;
  if (!id) throw new Error(".next/prerender-manifest.json names no previewModeId: cannot render pages uncached");
  return `__prerender_bypass=${id}`;
}

export type FreshCheck = { ok: boolean; detail: string };

/**
 * Shows that uncached requests render afresh from the database and leave the cache alone: a
 * comment's stored HTML is changed behind the server's back (no cache tag expired), twice, and each
 * of two consecutive uncached requests must show the change made just before it, while a reader
 * without the cookie, before and after, still gets the cached page without either. The comment is
 * put back as it was.
 */
export async function proveFreshRenders(server: Server, target: string, reviewId: number, url: string, cookie: string): Promise<FreshCheck> {
  const db = openDb(target);
  const comment = await sqlGet<{ id: number; html: string }>(db, "select id, body_html as html from comments where post_id = ? and deleted_at is null order by id limit 1", reviewId);
  if (!comment) {
    await closeDb(db);
    return { ok: false, detail: `review ${reviewId} has no comment to change` };
  }
  const marks = [1, 2].map((n) => `render-check-${n}-${Date.now().toString(36)}`);
  const get = (headers: Record<string, string> = {}) => fetch(server.base + url, { headers }).then((r) => r.text());
  const mark = (m: string) => sqlRun(unlockedWriter(db), "update comments set body_html = ? where id = ?", `${comment.html}<!--${m}-->`, comment.id);
  const failures: string[] = [];
  try {
    const shows = (html: string) => marks.map((m) => html.includes(m));
    if (shows(await get()).some(Boolean)) failures.push("the cached page showed a mark before the check");
    for (const [i, m] of marks.entries()) {
      await mark(m);
      const seen = shows(await get({ cookie }));
      if (!seen[i]) failures.push(`uncached request ${i + 1} did not show the change made just before it`);
      if (seen.some((s, j) => s && j !== i)) failures.push(`uncached request ${i + 1} showed an older change`);
    }
    if (shows(await get()).some(Boolean)) failures.push("a reader without the cookie got a page rendered by an uncached request");
  } finally {
    await sqlRun(unlockedWriter(db), "update comments set body_html = ? where id = ?", comment.html, comment.id);
    await closeDb(db);
  }
  return failures.length
    ? { ok: false, detail: failures.join("; ") }
    : { ok: true, detail: `comment ${comment.id}'s stored HTML changed twice without expiring a tag: each of two consecutive uncached responses showed the change made just before it; the cached page, before and after, showed neither` };
}
