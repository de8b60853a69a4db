import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { HSTS, RESOURCE_POLICY, hasSession, hstsFor, newNonce, nonceRewriter, pagePolicy, secureResponse } from "@/server/security-headers";

const PLACEHOLDER = "PLACEHOLDERplaceholder";
const NONCE = "n0nce_n0nce-n0nce_n0nc";

/** Feeds `parts` through one rewriter, as a response written in those chunks. */
function rewriteAll(parts: string[]): string {
  const rewrite = nonceRewriter(PLACEHOLDER, NONCE);
  const out = parts.map((p, i) => rewrite(Buffer.from(p), i === parts.length - 1) as Buffer);
  return Buffer.concat(out).toString();
}

describe("nonceRewriter", () => {
  it("swaps every placeholder, also one split across chunks, and leaves the caller's buffer alone", () => {
    const page = `<script nonce="${PLACEHOLDER}">a()</script><p>text</p><script nonce="${PLACEHOLDER}">b()</script>`;
    const cut = page.indexOf(PLACEHOLDER) + 7;
    const first = Buffer.from(page.slice(0, cut));
    const copy = Buffer.from(first);
    const rewrite = nonceRewriter(PLACEHOLDER, NONCE);
    const out = Buffer.concat([rewrite(first, false), rewrite(Buffer.from(page.slice(cut)), true)]).toString();
    expect(out).toBe(page.replaceAll(PLACEHOLDER, NONCE));
    expect(first.equals(copy)).toBe(true);
    // Split at every position: the result never depends on where the chunks fall.
    for (let i = 1; i < page.length; i++) expect(rewriteAll([page.slice(0, i), page.slice(i)])).toBe(page.replaceAll(PLACEHOLDER, NONCE));
  });

  it("gives the build's own script tags and script preloads the nonce, wherever the chunks split them", () => {
    const page =
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a1.js"/>' +
      '<p>body</p><script src="/_next/static/chunks/b2.js" id="_R_" async=""></script>';
    const want =
      `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a1.js" nonce="${NONCE}"/>` +
      `<p>body</p><script src="/_next/static/chunks/b2.js" id="_R_" async="" nonce="${NONCE}"></script>`;
    for (let i = 1; i < page.length; i++) expect(rewriteAll([page.slice(0, i), page.slice(i)])).toBe(want);
  });

  it("gives no nonce to any other script: inline, foreign, climbing out of the build folder, or already nonced", () => {
    const others = [
      "<script>alert(1)</script>",
      '<script src="https://evil.example/x.js"></script>',
      '<script src="/api/viewer"></script>',
      '<script src="/_next/static/../../avatars/a.webp"></script>',
      '<script src="https://evil.example/x.js" data-x=\' src="/_next/static/a.js"\'></script>',
      '<script async="" src="/_next/static/chunks/a.js"></script>',
      `<script src="/_next/static/chunks/a.js" nonce="${NONCE}"></script>`,
    ];
    for (const tag of others) expect(rewriteAll([tag])).toBe(tag);
  });
});

describe("policies", () => {
  it("a page's policy allows scripts only by nonce and forbids plugins, base changes and framing", () => {
    const policy = pagePolicy(NONCE, { formActions: ["http://127.0.0.1:3200"] });
    expect(policy).toContain(`script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(policy).toContain(d);
    expect(policy).toContain("form-action 'self' http://127.0.0.1:3200");
    expect(RESOURCE_POLICY).toContain("default-src 'none'");
  });

  it("nonces are fresh, 22 characters of base64url", () => {
    const seen = new Set(Array.from({ length: 200 }, () => newNonce()));
    expect(seen.size).toBe(200);
    for (const n of seen) expect(n).toMatch(/^[\w-]{22}$/);
  });

  it("recognises a session cookie, chunked or secure-prefixed, and nothing else", () => {
    expect(hasSession("a=1; authjs.session-token=x")).toBe(true);
    expect(hasSession("__Secure-authjs.session-token.0=x")).toBe(true);
    expect(hasSession("authjs.csrf-token=x")).toBe(false);
    expect(hasSession(undefined)).toBe(false);
  });
});

describe("secureResponse on a real server", () => {
  let server: http.Server | null = null;
  afterEach(() => server?.close());

  async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void, nonce: () => string = () => NONCE, hsts = false) {
    server = http.createServer((req, res) => {
      secureResponse(req, res, { placeholder: PLACEHOLDER, nonce: nonce(), formActions: [], hsts });
      handler(req, res);
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const get = (url: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(url, { headers }, (res) => {
          const parts: Buffer[] = [];
          res.on("data", (c: Buffer) => parts.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
        })
        .on("error", reject);
    });

  it("a page written in chunks arrives gzipped with the nonce in place and the page's headers", async () => {
    const page = `<html><body><script nonce="${PLACEHOLDER}">x()</script>${"<p>words</p>".repeat(500)}</body></html>`;
    const base = await serve((_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Content-Length", Buffer.byteLength(page));
      res.setHeader("ETag", '"abc"');
      res.setHeader("X-Powered-By", "Next.js");
      res.write(page.slice(0, 30));
      res.end(page.slice(30));
    });
    const r = await get(base, { "accept-encoding": "gzip" });
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(r.body).toString()).toBe(page.replace(PLACEHOLDER, NONCE));
    expect(r.headers["content-security-policy"]).toBe(pagePolicy(NONCE, { formActions: [] }));
    expect(r.headers["cache-control"]).toBe("private, no-cache");
    expect(r.headers.etag).toBeUndefined();
    expect(r.headers["x-powered-by"]).toBeUndefined();
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(r.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(r.headers["permissions-policy"]).toContain("camera=()");

    const signedIn = await get(base, { cookie: "authjs.session-token=abc" });
    expect(signedIn.headers["cache-control"]).toBe("private, no-store");
    expect(signedIn.body.toString()).toBe(page.replace(PLACEHOLDER, NONCE));
  });

  it("a whole page handed over as one string, again and again, gets each response's own nonce and the page's current bytes", async () => {
    const tags = '<link rel="preload" as="script" href="/_next/static/chunks/a1.js"/><script src="/_next/static/chunks/b2.js" async=""></script>';
    const pageOf = (word: string) => `<html><head>${tags}<script nonce="${PLACEHOLDER}">x()</script></head><body>${`<p>${word} – ünïcode</p>`.repeat(400)}</body></html>`;
    let page = pageOf("first");
    const nonces = [newNonce(), newNonce(), newNonce(), newNonce()];
    let n = 0;
    const base = await serve(
      (_req, res) => {
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(page);
      },
      () => nonces[n++]!,
    );
    const want = (text: string, nonce: string) =>
      text
        .replace(`a1.js"/>`, `a1.js" nonce="${nonce}"/>`)
        .replace(`async="">`, `async="" nonce="${nonce}">`)
        .replace(PLACEHOLDER, nonce);
    const first = await get(base);
    const second = await get(base, { "accept-encoding": "gzip" });
    expect(first.body.toString()).toBe(want(page, nonces[0]!));
    expect(zlib.gunzipSync(second.body).toString()).toBe(want(page, nonces[1]!));
    // The same length, other words: never the bytes kept for the page before.
    page = pageOf("other");
    expect((await get(base)).body.toString()).toBe(want(page, nonces[2]!));
    expect((await get(base)).body.toString()).toBe(want(page, nonces[3]!));
  });

  it("errors and JSON carry the headers too; a signed-in JSON answer is not stored", async () => {
    const base = await serve((req, res) => {
      if (req.url === "/boom") {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("Something went wrong.");
        return;
      }
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true }));
    });
    const boom = await get(`${base}/boom`);
    expect(boom.status).toBe(500);
    expect(boom.headers["content-security-policy"]).toBe(RESOURCE_POLICY);
    expect(boom.headers["x-content-type-options"]).toBe("nosniff");
    const json = await get(`${base}/api`, { cookie: "authjs.session-token=abc" });
    expect(json.headers["cache-control"]).toBe("private, no-store");
    expect(JSON.parse(json.body.toString())).toEqual({ ok: true });
  });

  it("over https (AUTH_URL), every response carries HSTS, errors included; over http none does", async () => {
    expect(HSTS).toBe("max-age=31536000; includeSubDomains");
    expect([hstsFor("https://marquee.example"), hstsFor("https://marquee.example:8443/x")]).toEqual([true, true]);
    expect([hstsFor("http://marquee.example"), hstsFor(undefined), hstsFor(""), hstsFor("not a url")]).toEqual([false, false, false, false]);
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.url === "/missing") {
        res.writeHead(404, { "content-type": "text/html" });
        res.end("<p>Not found</p>");
        return;
      }
      res.setHeader("content-type", "application/json");
      res.end("{}");
    };
    const secure = await serve(handler, () => NONCE, hstsFor("https://marquee.example"));
    for (const path of ["/", "/missing"]) expect((await get(`${secure}${path}`)).headers["strict-transport-security"]).toBe(HSTS);
    server!.close();
    const plain = await serve(handler, () => NONCE, hstsFor("http://marquee.example"));
    for (const path of ["/", "/missing"]) expect((await get(`${plain}${path}`)).headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("the development server's policy", () => {
  it("differs from production's only by letting the page's scripts use eval", () => {
    const nonce = newNonce();
    const prod = pagePolicy(nonce, { formActions: ["https://github.com"] });
    const dev = pagePolicy(nonce, { formActions: ["https://github.com"], dev: true });
    expect(dev).toBe(prod.replace(`'nonce-${nonce}' 'strict-dynamic'`, `'nonce-${nonce}' 'strict-dynamic' 'unsafe-eval'`));
    expect(prod).not.toContain("unsafe-eval");
  });
});
