import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_ORIGIN, OIDC_ORIGIN, unique, withDb } from "./helpers";
import { viewCount } from "./helpers/rows";

// What the server believes of a request. This suite's server trusts one proxy (TRUST_PROXY=1 in
// playwright.config.ts): the last X-Forwarded-For hop is the client, whatever the client wrote
// before it. (Without a trusted proxy, tests/unit/client-address.test.ts.) No URL, cookie or
// redirect is built from Host or X-Forwarded-Host, and redirects never leave the site.

const PORT = Number(new URL(E2E_ORIGIN).port);
const EVIL = "evil.example";
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request exactly as written (Host included), sent straight to the server. */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: PORT, method, path, headers }, (res) => void collect(res).then(resolve, reject));
    req.on("error", reject);
    if (body !== undefined) req.setHeader("content-length", Buffer.byteLength(body)).write(body);
    req.end();
  });
}

/**
 * A body that is still being sent: `first` is written (chunked, unless `headers` declare a length)
 * and nothing more until the server answers; then the request is dropped. An answer here means the
 * server decided without waiting for the rest.
 */
function sendUnfinished(path: string, headers: Record<string, string>, first: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: PORT, method: "POST", path, headers }, (res) =>
      void collect(res).then((a) => {
        req.destroy();
        resolve(a);
      }, reject),
    );
    req.on("error", (err) => (req.destroyed ? undefined : reject(err)));
    req.flushHeaders();
    for (let at = 0; at < first.length; at += 4096) req.write(first.subarray(at, at + 4096));
  });
}

const collect = (res: http.IncomingMessage) =>
  new Promise<Answer>((resolve) => {
    const parts: Buffer[] = [];
    res.on("data", (c: Buffer) => parts.push(c));
    res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts).toString() }));
  });

/** Everything an answer says that a browser would act on or keep. */
const exposed = (a: Answer) => JSON.stringify([a.headers.location ?? "", a.headers["set-cookie"] ?? [], a.body]);

const spoofedHost = { host: EVIL, "x-forwarded-host": EVIL, "x-forwarded-proto": "https" };

test("a view counts once however X-Forwarded-For and the server's own address header are spoofed; the proxy's hop decides", async () => {
  const reviewId = withDb((db) => db.prepare("select id from posts where status = 'published' order by id limit 1").pluck().get() as number);
  const rows = () => withDb((db) => db.prepare("select count(*) from post_views where post_id = ?").pluck().get(reviewId) as number);
  const views = () => viewCount(reviewId);
  // An agent no other test uses: the anonymous viewer key is (address, agent, day).
  const ua = `${BROWSER_UA} ${unique("trust")}`;
  const view = (forwardedFor: string, internal: string) =>
    send("POST", "/api/views", { origin: E2E_ORIGIN, "content-type": "application/json", "user-agent": ua, "x-forwarded-for": forwardedFor, "x-marquee-client-address": internal }, JSON.stringify({ postId: reviewId }));

  const [rowsBefore, viewsBefore] = [rows(), views()];
  const counted: boolean[] = [];
  for (const n of [1, 2, 3, 4, 5]) {
    const res = await view(`203.0.113.${n}, 198.51.100.77`, `192.0.2.${n}`);
    expect(res.status, res.body).toBe(200);
    counted.push((JSON.parse(res.body) as { counted: boolean }).counted);
  }
  expect(counted).toEqual([true, false, false, false, false]);
  expect(rows()).toBe(rowsBefore + 1);
  expect(views()).toBe(viewsBefore + 1);

  // Another client as the proxy reports it is another reader.
  const other = await view("203.0.113.1, 198.51.100.78", "192.0.2.1");
  expect((JSON.parse(other.body) as { counted: boolean }).counted).toBe(true);
  expect(rows()).toBe(rowsBefore + 2);
});

test("wrong passwords sent with a different X-Forwarded-For each time are counted against the one address the proxy reported", async () => {
  const addressRows = () => withDb((db) => db.prepare("select key, count as attempts from rate_windows where key like 'address:%'").all() as { key: string; attempts: number }[]);
  const before = new Map(addressRows().map((r) => [r.key, r.attempts]));
  for (const n of [1, 2, 3]) {
    const res = await send(
      "POST",
      "/api/signin",
      { origin: E2E_ORIGIN, accept: "application/json", "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `203.0.113.${100 + n}, 198.51.100.90` },
      new URLSearchParams({ identifier: unique("nobody"), password: "not-the-password-1" }).toString(),
    );
    expect(res.status, res.body).toBe(401);
  }
  // One address counted three times: none of the addresses the client wrote got a count of its own.
  const changed = addressRows().filter((r) => r.attempts !== (before.get(r.key) ?? 0));
  expect(changed.map((r) => r.attempts - (before.get(r.key) ?? 0))).toEqual([3]);
});

test("a spoofed Host or X-Forwarded-Host reaches no URL, cookie or redirect that Auth.js makes", async () => {
  const providers = await send("GET", "/api/auth/providers", spoofedHost);
  expect(providers.status).toBe(200);
  const oidc = (JSON.parse(providers.body) as Record<string, { signinUrl: string; callbackUrl: string }>).oidc!;
  expect(oidc.signinUrl).toBe(`${E2E_ORIGIN}/api/auth/signin/oidc`);
  expect(oidc.callbackUrl).toBe(`${E2E_ORIGIN}/api/auth/callback/oidc`);

  const csrf = await send("GET", "/api/auth/csrf", spoofedHost);
  expect(csrf.status).toBe(200);
  expect(exposed(csrf)).not.toContain(EVIL);
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");

  // Auth.js's own sign-in post: to the provider, with a callback on this site.
  const started = await send(
    "POST",
    "/api/auth/signin/oidc",
    { ...spoofedHost, cookie, "content-type": "application/x-www-form-urlencoded" },
    new URLSearchParams({ csrfToken: token, callbackUrl: "/ranking" }).toString(),
  );
  expect(started.status).toBe(302);
  expect(exposed(started)).not.toContain(EVIL);
  const to = new URL(started.headers.location!);
  expect(to.origin).toBe(OIDC_ORIGIN);
  expect(to.searchParams.get("redirect_uri")).toBe(`${E2E_ORIGIN}/api/auth/callback/oidc`);

  // The site's provider button (server-side signIn), posted from this site's page.
  const button = await send(
    "POST",
    "/api/signin/provider",
    { ...spoofedHost, origin: E2E_ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    new URLSearchParams({ provider: "oidc", callbackUrl: "/ranking" }).toString(),
  );
  expect(button.status).toBe(303);
  expect(exposed(button)).not.toContain(EVIL);
  expect(new URL(button.headers.location!).searchParams.get("redirect_uri")).toBe(`${E2E_ORIGIN}/api/auth/callback/oidc`);
});

test("Auth.js's posts are capped while they stream: over the cap 413, chunked or declared; under it they work", async () => {
  const form = { origin: E2E_ORIGIN, "content-type": "application/x-www-form-urlencoded" };
  // 32 kB of a body that would go on for ever: refused once it passes the 16 kB cap.
  const chunked = await sendUnfinished("/api/auth/signout", form, Buffer.from(`csrfToken=${"a".repeat(32_000)}`));
  expect(chunked.status).toBe(413);
  expect(chunked.body).toBe("This request is too large.");
  // A declared length over the cap: refused before a byte of it is read.
  const declared = await sendUnfinished("/api/auth/signout", { ...form, "content-length": "100000" }, Buffer.alloc(0));
  expect(declared.status).toBe(413);

  const csrf = await send("GET", "/api/auth/csrf", {});
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const small = await send("POST", "/api/auth/signout", { ...form, cookie }, new URLSearchParams({ csrfToken: token, callbackUrl: "/ranking" }).toString());
  expect(small.status).toBe(302);
  expect(small.headers.location).toBe(`${E2E_ORIGIN}/ranking`);
});

test("redirects stay on the site: a tab, a backslash or another host in the return address sends the reader home", async () => {
  for (const back of ["/\t/evil.example", "/\\evil.example", "/%5Cevil.example", "//evil.example", "https://evil.example/"]) {
    const res = await send(
      "POST",
      "/api/comments/handoff",
      { origin: E2E_ORIGIN, "content-type": "application/x-www-form-urlencoded" },
      new URLSearchParams({ to: "signup", js: "1", back }).toString(),
    );
    expect(res.status, back).toBe(303);
    expect(res.headers.location, back).toBe(`/signup?callbackUrl=${encodeURIComponent("/")}`);
  }
  const kept = await send(
    "POST",
    "/api/comments/handoff",
    { origin: E2E_ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    new URLSearchParams({ to: "signup", js: "1", back: "/ranking?m=1#me" }).toString(),
  );
  expect(kept.headers.location).toBe(`/signup?callbackUrl=${encodeURIComponent("/ranking?m=1#me")}`);

  // The sign-in page's forms carry only a safe return address.
  const page = await send("GET", `/signin?callbackUrl=${encodeURIComponent("/\t/evil.example")}`, { "user-agent": BROWSER_UA });
  expect(page.status).toBe(200);
  const returns = [...page.body.matchAll(/<input type="hidden" name="callbackUrl" value="([^"]*)"/g)].map((m) => m[1]);
  expect(returns).toEqual(["/", "/"]);
});
