import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { BODY_LIMITS } from "../../lib/http/body";
import { E2E_ORIGIN, OIDC_ORIGIN } from "./helpers";
import { E2E_DEMO_PASSWORD } from "./server-env";

// Auth.js's own endpoints (/api/auth/*), as a stranger can reach them: a bad callback address is
// the request's fault and answered as a good one would be, a refused body never leaves its
// connection stuck, and garbage cookies or unknown actions leave one short log line each.

const GARBAGE_COOKIES = ["authjs.session-token=garbage", "authjs.session-token.0=abc; authjs.session-token.1=def", `__Secure-authjs.session-token=${"x".repeat(4000)}`];
/** The address on which the fuzz once saw its connection closed without an answer. */
const ODD_ADDRESS = "/api/auth/99999999999999999999?error=a%00b&code=N&callbackUrl=34";

const get = (url: string, cookie?: string) => fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });

/** A CSRF token and the cookie it goes with, as a page of Auth.js's would get them. */
async function csrf(base: string): Promise<{ token: string; cookie: string }> {
  const res = await get(`${base}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
  return { token: csrfToken, cookie };
}

const callbackCookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith("authjs.callback-url="))
    ?.split(";")[0]!
    .slice("authjs.callback-url=".length);

test.describe("a bad callback address is the request's fault", () => {
  test("in the query, on every kind of action: answered as a good one, never 5xx", async () => {
    for (const action of ["session", "csrf", "providers", "signin", "signout", "error", "verify-request", "callback/oidc"]) {
      for (const bad of ["2lvC", "javascript:alert(1)", "%E0%A4%A", "ftp://evil.example/"]) {
        const res = await get(`${E2E_ORIGIN}/api/auth/${action}?callbackUrl=${encodeURIComponent(bad)}`);
        expect(res.status, `${action} with callbackUrl ${bad}`).toBeLessThan(500);
      }
    }
    const session = await get(`${E2E_ORIGIN}/api/auth/session?callbackUrl=2lvC`);
    expect(session.status).toBe(200);
    expect(await session.json()).toBeNull();
    // The judged address is what Auth.js remembers: a path on this site.
    const signin = await get(`${E2E_ORIGIN}/api/auth/signin?callbackUrl=2lvC`);
    expect(signin.status).toBe(302);
    expect(decodeURIComponent(callbackCookieOf(signin) ?? "")).toBe(`${E2E_ORIGIN}/2lvC`);
  });

  test("in its cookie: answered as a good one, going on to a path on this site", async () => {
    for (const bad of ["2lvC", "javascript%3Aalert(1)", "%E0%A4%A", "%5C%5Cevil.example"]) {
      for (const name of ["authjs.callback-url", "__Secure-authjs.callback-url"]) {
        const res = await get(`${E2E_ORIGIN}/api/auth/session`, `${name}=${bad}`);
        expect(res.status, `${name}=${bad}`).toBe(200);
      }
    }
    // Auth.js hands the address on to the sign-in page: the judged one.
    for (const [bad, judged] of [
      ["javascript%3Aalert(1)", "/"],
      ["2lvC", "/2lvC"],
    ]) {
      const signin = await get(`${E2E_ORIGIN}/api/auth/signin`, `authjs.callback-url=${bad}`);
      expect(signin.status).toBe(302);
      expect(new URL(signin.headers.get("location")!, E2E_ORIGIN).searchParams.get("callbackUrl")).toBe(`${E2E_ORIGIN}${judged}`);
    }
  });

  test("in a post's query or body: the sign-out still happens, and sends the browser to this site", async () => {
    for (const [where, bad] of [
      ["query", "2lvC"],
      ["query", "javascript:alert(1)"],
      ["body", "2lvC"],
      ["body", "https://evil.example/"],
      ["body", "/\t/evil.example"],
    ] as const) {
      const { token, cookie } = await csrf(E2E_ORIGIN);
      const query = where === "query" ? `?callbackUrl=${encodeURIComponent(bad)}` : "";
      const fields = new URLSearchParams({ csrfToken: token, ...(where === "body" ? { callbackUrl: bad } : {}) });
      const res = await fetch(`${E2E_ORIGIN}/api/auth/signout${query}`, {
        method: "POST",
        headers: { cookie, origin: E2E_ORIGIN, "content-type": "application/x-www-form-urlencoded" },
        body: fields.toString(),
        redirect: "manual",
      });
      expect(res.status, `${where} ${bad}`).toBe(302);
      expect(new URL(res.headers.get("location")!, E2E_ORIGIN).origin, `${where} ${bad}`).toBe(E2E_ORIGIN);
    }
  });
});

/** One request on `agent`; rejects when no answer comes within `ms` (the connection is stuck). */
function request(agent: http.Agent, url: string, opts: { method?: string; headers?: Record<string, string>; chunks?: Buffer[] } = {}, ms = 10_000) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { agent, method: opts.method ?? "GET", headers: opts.headers, timeout: ms }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${ms} ms to ${opts.method ?? "GET"} ${url}`)));
    // A body cut off by the server after its answer may fail to send the rest: the answer counts.
    req.on("error", reject);
    for (const chunk of opts.chunks ?? []) req.write(chunk);
    req.end();
  });
}

// Routes that read a body under a cap: Auth.js's own, the two that hand a form on to a provider,
// a form through handleForm, and a JSON route. The server closes any connection whose answer went
// out before its body was read, whichever route answered.
const CAPPED = [
  { address: "/api/auth/signin", size: BODY_LIMITS.small },
  { address: "/api/signin/provider", size: BODY_LIMITS.small },
  { address: "/api/comments/handoff", size: BODY_LIMITS.form },
  { address: "/api/comments", size: BODY_LIMITS.form },
  { address: "/api/views", size: BODY_LIMITS.small },
];

for (const { address, size } of CAPPED) {
  test(`a body refused over its cap never leaves its connection stuck before the next request: ${address}`, async () => {
    // One connection, kept alive, as a browser or a proxy keeps it.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // Well past the cap: a remainder too big to have arrived with what the server read.
      const chunk = Buffer.from(`body=${"%0A".repeat(Math.ceil(Math.max(size, 64 * 1024) / 3))}`);
      for (let round = 0; round < 3; round++) {
        // The server may close the connection before the client has sent the rest: a reset is a refusal too.
        const refused = await request(agent, `${E2E_ORIGIN}${address}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: E2E_ORIGIN, "transfer-encoding": "chunked" },
          chunks: [chunk, chunk, chunk],
        }).catch((err: NodeJS.ErrnoException) => ({ status: err.code === "ECONNRESET" || err.code === "EPIPE" ? -1 : 0, body: String(err) }));
        expect([413, -1], refused.body.slice(0, 200)).toContain(refused.status);
        const next = await request(agent, `${E2E_ORIGIN}/api/auth/session`);
        expect(next.status).toBe(200);
      }
    } finally {
      agent.destroy();
    }
  });
}

test("garbage session cookies on Auth.js's routes are answered, never a dropped connection", async () => {
  for (const cookie of GARBAGE_COOKIES) {
    for (const address of [ODD_ADDRESS, "/api/auth/session", "/api/auth/signin", "/api/auth/nope"]) {
      const res = await get(`${E2E_ORIGIN}${address}`, cookie);
      expect(res.status, `${address} with ${cookie.slice(0, 30)}`).toBeLessThan(500);
    }
  }
});

// ── The server's log, read from a server of this test's own ──────────────────────────────────

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let server: ChildProcess | null = null;
let dataDir = "";
let output = "";

test.afterAll(() => {
  server?.kill("SIGTERM");
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves once the server's output contains `text`. */
function outputContains(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (output.includes(text)) return resolve();
      if (server?.exitCode !== null) return reject(new Error(`the server exited:\n${output}`));
      server.stdout!.once("data", () => setImmediate(check));
    };
    check();
  });
}

/** Resolves once the server answers its health check (it migrates and seeds first). */
async function waitHealthy(base: string): Promise<void> {
  for (;;) {
    const res = await fetch(`${base}/api/health`).catch(() => null);
    if (res?.ok) return;
    if (server?.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    // Polled: the check itself is the state waited on.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test("a request's faults leave one short line each in the log: no stack, no cookie", async () => {
  test.setTimeout(120_000);
  // The production build the suite's server runs, on a port and a database of this test's own.
  const port = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-authjs-log-"));
  server = spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: path.resolve(__dirname, "..", ".."),
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: path.join(dataDir, "e2e.db"),
      AUTH_SECRET: "marquee-e2e-log-secret-0123456789-abcdefghijklmnop",
      DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      SCRYPT_COST: "12",
      NEXT_TELEMETRY_DISABLED: "1",
      // The suite's OpenID provider (playwright.config.ts), so that its callback route is there to be misused.
      OIDC_ISSUER: OIDC_ORIGIN,
      OIDC_CLIENT_ID: "marquee-e2e",
      OIDC_CLIENT_SECRET: "marquee-e2e-client-secret",
      OIDC_NAME: "Test OpenID",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.setEncoding("utf8");
  server.stderr!.setEncoding("utf8");
  // Both streams into one text; a line from either wakes a waiter on stdout.
  server.stdout!.on("data", (d: string) => (output += d));
  server.stderr!.on("data", (d: string) => {
    output += d;
    server?.stdout?.emit("data", "");
  });
  await outputContains("marquee: listening");
  const base = `http://localhost:${port}`;
  // Start-up may still be writing: what is counted begins after a first refusal's line.
  await waitHealthy(base);
  const first = `marker-${randomBytes(6).toString("hex")}`;
  expect((await get(`${base}/api/auth/${first}`)).status).toBe(400);
  await outputContains(first);
  const since = output.indexOf("\n", output.indexOf(first)) + 1;

  // Over http, Auth.js reads the session cookie without the __Secure- prefix only.
  const [whole, chunks, secure] = GARBAGE_COOKIES as [string, string, string];
  const faults: { address: string; cookie?: string }[] = [
    { address: "/api/auth/session", cookie: whole },
    { address: "/api/auth/session", cookie: chunks },
    ...GARBAGE_COOKIES.map((cookie) => ({ address: ODD_ADDRESS, cookie })),
    { address: "/api/auth/nope" },
    { address: "/api/auth/signin/no-such-provider" },
    { address: "/api/auth/callback/oidc?code=N&state=x" },
    { address: "/api/auth/callback/oidc" },
  ];
  // …and these are no faults: they leave no line.
  const quiet = [
    { address: "/api/auth/session", cookie: secure },
    { address: "/api/auth/csrf", cookie: whole },
    { address: "/api/auth/providers" },
  ];
  for (const { address, cookie } of [...faults, ...quiet]) expect((await get(`${base}${address}`, cookie)).status).toBeLessThan(500);
  // A last refusal with a word of its own: once its line is there, every earlier one is too.
  const marker = `marker-${randomBytes(6).toString("hex")}`;
  expect((await get(`${base}/api/auth/${marker}`)).status).toBe(400);
  await outputContains(marker);

  const lines = output.slice(since).split("\n").filter(Boolean);
  expect(lines.filter((l) => /^\s+at /.test(l)), "stack frames").toEqual([]);
  expect(lines.filter((l) => l.includes("[auth]")), "Auth.js's own error lines").toEqual([]);
  expect(lines.filter((l) => /garbage|x{100}|abc|def/.test(l)), "lines quoting a cookie").toEqual([]);
  expect(lines, "one line per refused request").toHaveLength(faults.length + 1);
  for (const line of lines) {
    expect(line).toMatch(/^marquee: refused GET \/api\/auth\/\S+ \d{3} auth from \S+: [\w .;,()-]+$/);
    expect(line.length).toBeLessThan(300);
  }
});
