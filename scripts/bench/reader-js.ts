// The JavaScript a reader's browser downloads to read a page: every script the HTML names
// (script tags and script preloads, the build's chunks), measured as sent with gzip.
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

export async function readerJavaScript(base: string, url: string): Promise<{ files: number; gzipKb: number; htmlGzipKb: number }> {
  const html = await (await fetch(base + url)).text();
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script src="([^"]+)"/g)) srcs.add(m[1]!);
  for (const m of html.matchAll(/<link rel="preload" as="script"[^>]* href="([^"]+)"/g)) srcs.add(m[1]!);
  const sizes = await Promise.all([...srcs].map((s) => gzippedSize(base + s)));
  return { files: srcs.size, gzipKb: sizes.reduce((a, b) => a + b, 0) / 1024, htmlGzipKb: (await gzippedSize(base + url)) / 1024 };
}
