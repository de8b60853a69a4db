import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/address";
import { formActions, marqueeHandler, type NextHandle } from "@/server/handler";

const PLACEHOLDER = "PLACEHOLDERplaceholder";

// The listener the production and development servers share, around a stand-in for Next.js.
describe("the server's request handler", () => {
  let server: http.Server | null = null;
  afterEach(() => {
    server?.close();
    server = null;
    vi.restoreAllMocks();
  });

  async function serve(handle: NextHandle, dev = false): Promise<string> {
    server = http.createServer(marqueeHandler(handle, { placeholder: PLACEHOLDER, formActions: [], hsts: false, trustedHops: 0, dev }));
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("hands Next.js the placeholder nonce and the settled address, whatever the client sent", async () => {
    let seen: http.IncomingHttpHeaders = {};
    const base = await serve(async (req, res) => {
      seen = req.headers;
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<script nonce="${PLACEHOLDER}">1</script>`);
    });
    const res = await fetch(`${base}/films`, { headers: { "content-security-policy": "script-src *", [CLIENT_ADDRESS_HEADER]: "203.0.113.9" } });
    const body = await res.text();
    expect(seen["content-security-policy"]).toBe(`script-src 'nonce-${PLACEHOLDER}' 'strict-dynamic'`);
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
    const nonce = /nonce="([^"]+)"/.exec(body)?.[1];
    expect(nonce).toMatch(/^[\w-]{22}$/);
    expect(nonce).not.toBe(PLACEHOLDER);
    expect(res.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
    expect(res.headers.get("content-security-policy")).not.toContain("unsafe-eval");
  });

  it("the development server sends the same headers, its policy allowing eval", async () => {
    const base = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<p>dev</p>");
    }, true);
    const res = await fetch(base);
    expect(res.headers.get("content-security-policy")).toContain("'unsafe-eval'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("refuses the proxy-skipping header and a malformed escape with 400 before Next.js sees them", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const handle = vi.fn<NextHandle>(async (_req, res) => void res.end("ok"));
    const base = await serve(handle);
    const skip = await fetch(`${base}/`, { headers: { "x-middleware-subrequest": "middleware" } });
    expect(skip.status).toBe(400);
    expect(await skip.text()).toBe("Bad request.");
    const bad = await fetch(`${base}/films/%E0%A4%A`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("That address is not valid.");
    expect(handle).not.toHaveBeenCalled();
    expect(skip.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers a plain 500 when Next.js fails, with no detail", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const base = await serve(async () => {
      throw new Error("secret detail");
    });
    const res = await fetch(base);
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("Something went wrong.");
  });

  it("sign-in forms may post to the configured providers only", () => {
    expect(formActions({ AUTH_GITHUB_ID: "x", OIDC_ISSUER: "http://127.0.0.1:3200/path" })).toEqual(["https://github.com", "http://127.0.0.1:3200"]);
    expect(formActions({ OIDC_ISSUER: "not a url" })).toEqual([]);
  });
});
