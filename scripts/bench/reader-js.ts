// What a reader's browser downloads to read a page: the HTML (and how much of it is the inline RSC
// payload), and every script the HTML names (script tags and script preloads, the build's chunks),
// measured as sent with gzip. A `nomodule` script is skipped: browsers that run modules never fetch it.
import http from "node:http";

function gzippedSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => resolve(bytes));
      })
      .on("error", reject);
  });
}

const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, "i").exec(attrs)?.[1];
const hasAttr = (attrs: string, name: string) => new RegExp(`\\s${name}(?:[\\s=/>]|$)`, "i").test(attrs);

/** The scripts a page names, split into those a current browser fetches and the `nomodule` ones it skips. */
export function scriptsOf(html: string): { fetched: string[]; skipped: string[] } {
  const fetched = new Set<string>();
  const skipped = new Set<string>();
  for (const [, attrs = ""] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = attr(attrs, "src");
    if (src) (hasAttr(attrs, "nomodule") ? skipped : fetched).add(src);
  }
  for (const [, attrs = ""] of html.matchAll(/<link\b([^>]*)>/gi)) {
    const rel = (attr(attrs, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attr(attrs, "href");
    if (href && (rel.includes("modulepreload") || (rel.includes("preload") && attr(attrs, "as")?.toLowerCase() === "script"))) fetched.add(href);
  }
  for (const s of fetched) skipped.delete(s);
  return { fetched: [...fetched], skipped: [...skipped] };
}

/** Bytes of the inline scripts that carry the RSC payload (`self.__next_f`), tags included. */
export function inlinePayloadBytes(html: string): number {
  let bytes = 0;
  for (const [whole, body = ""] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) if (body.includes("self.__next_f")) bytes += Buffer.byteLength(whole);
  return bytes;
}

export type PageWeight = {
  htmlBytes: number;
  payloadBytes: number;
  htmlGzipKb: number;
  files: { src: string; gzipBytes: number }[];
  skipped: string[];
  gzipKb: number;
};

export async function readerJavaScript(base: string, url: string): Promise<PageWeight> {
  const html = await (await fetch(base + url)).text();
  const { fetched, skipped } = scriptsOf(html);
  const files = await Promise.all(fetched.map(async (src) => ({ src, gzipBytes: await gzippedSize(new URL(src, base).href) })));
  return {
    htmlBytes: Buffer.byteLength(html),
    payloadBytes: inlinePayloadBytes(html),
    htmlGzipKb: (await gzippedSize(base + url)) / 1024,
    files: files.sort((a, b) => b.gzipBytes - a.gzipBytes),
    skipped,
    gzipKb: files.reduce((a, f) => a + f.gzipBytes, 0) / 1024,
  };
}
