// The last check of a copy (`npm run db:copy`): the production build served twice, once on the
// source and once on the copy, each on a port of its own, and a sample of public pages fetched from
// both must come back byte for byte the same. The sample is the home page, the feeds, the Ranking
// and the badge catalog, then the reviews, members, films and tags the home page links to. The one
// part made afresh for every response, the Content-Security-Policy nonce, is set aside first. The
// servers never sweep (SWEEP=false): serving the pages writes nothing to either database.
import { startServer, type Server } from "./bench/server";
// @ts-expect-error: a plain ES module without types
import { build } from "./build-if-needed.mjs";
import { freePort } from "./postgres-throwaway.mjs";

const FIXED = ["/", "/feed/new", "/feed/top", "/ranking", "/ranking/upvotes/month", "/badges"];
const LINKED = /href="(\/(?:reviews|u|films|tags)\/[^"?#]+)"/g;
/** The per-response CSP nonce, wherever the page repeats it. */
const withoutNonce = (html: string) => {
  const nonce = /\bnonce="([^"]+)"/.exec(html)?.[1];
  return nonce ? html.replaceAll(nonce, "NONCE") : html;
};

export type PagesCheck = { urls: string[]; bytes: number; differ: { url: string; detail: string }[] };

/** Where two bodies part, with some text on each side. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
  return `${a.length} and ${b.length} characters, first differing at ${i}: ${around(a)} vs ${around(b)}`;
}

/** The sample of pages, served from the source and from the copy: each must be the same bytes. */
export async function comparePages(from: string, to: string, opts: { links?: number } = {}): Promise<PagesCheck> {
  build();
  const servers: Server[] = [];
  try {
    for (const target of [from, to]) servers.push(await startServer(target, await freePort(), { SEED_DEMO: "false", SWEEP: "false" }));
    const [source, copy] = servers as [Server, Server];
    const home = await fetch(`${source.base}/`).then((r) => r.text());
    const linked = [...new Set([...home.matchAll(LINKED)].map((m) => m[1]!))].slice(0, opts.links ?? 16);
    const urls = [...FIXED, ...linked];
    const differ: PagesCheck["differ"] = [];
    let bytes = 0;
    for (const url of urls) {
      const [a, b] = await Promise.all(
        [source, copy].map(async (s) => {
          const res = await fetch(s.base + url, { redirect: "manual" });
          return `${res.status}\n${withoutNonce(await res.text())}`;
        }),
      );
      bytes += a!.length;
      if (a !== b) differ.push({ url, detail: firstDifference(a!, b!) });
    }
    return { urls, bytes, differ };
  } finally {
    for (const s of servers) await s.stop();
  }
}
