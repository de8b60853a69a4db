import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createMembers, E2E_ORIGIN, sessionCookie, withDb } from "./helpers";
import { LONG_BODY, TOO_LONG } from "./helpers/comments";

// Several server processes on one port (server/cluster.ts). The suite's server runs two workers
// (playwright.config.ts sets WEB_CONCURRENCY=2), and the port hands each new connection to the
// next one in turn: so a few requests on fresh connections reach both. Then a server of this
// spec's own: a worker killed is replaced, and SIGTERM lets a request in progress finish.

const ROUNDS = 6;

type Answer = { status: number; body: string };

/** One request on a connection of its own (never a kept-alive one): the next worker answers. */
function fresh(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

const base = E2E_ORIGIN.replace("localhost", "127.0.0.1");

function publishedReview(): { id: number; slug: string; authorId: string } {
  return withDb(
    (db) =>
      db
        .prepare(
          `select p.id, p.slug, p.author_id as "authorId" from posts p where p.status = 'published'
           and (select count(*) from comments c where c.post_id = p.id and c.deleted_at is null and c.parent_id is null) >= 3 order by p.id limit 1`,
        )
        .get() as { id: number; slug: string; authorId: string },
  );
}

test.describe("two workers behind one port", () => {
  test("a write through one worker is seen by every worker on the next request", async () => {
    const r = publishedReview();
    const [voter] = createMembers("clv");
    const cookie = await sessionCookie(voter!.id);
    const shown = async () => {
      const counts = new Set<string>();
      for (let i = 0; i < ROUNDS; i++) {
        const page = await fresh(`${base}/reviews/${r.slug}`);
        expect(page.status).toBe(200);
        counts.add(/data-testid="count-r\d+">(\d+) upvote/.exec(page.body)?.[1] ?? "none");
      }
      return [...counts];
    };
    const stored = () => withDb((db) => (db.prepare("select upvote_count as n from posts where id = ?").get(r.id) as { n: number }).n);
    // Both workers have the page cached.
    const before = stored();
    expect(await shown()).toEqual([String(before)]);
    for (const value of ["up", "none", "up"] as const) {
      const res = await fresh(`${base}/api/votes`, {
        method: "POST",
        headers: { cookie, origin: E2E_ORIGIN, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: new URLSearchParams({ type: "review", id: String(r.id), value, back: "/" }).toString(),
      });
      expect(res.status).toBe(200);
      const want = before + (value === "up" ? 1 : 0);
      expect(stored()).toBe(want);
      expect(withDb((db) => (db.prepare("select count(*) as n from post_votes where post_id = ? and user_id = ?").get(r.id, voter!.id) as { n: number }).n)).toBe(value === "up" ? 1 : 0);
      expect(await shown()).toEqual([String(want)]);
    }
  });

  test("a refused form sent without JavaScript comes back with its message and text from whichever worker took it", async () => {
    const r = publishedReview();
    const [writer] = createMembers("clf");
    const cookie = await sessionCookie(writer!.id);
    const count = () => withDb((db) => (db.prepare("select count(*) as n from comments where post_id = ?").get(r.id) as { n: number }).n);
    const before = count();
    for (let i = 0; i < ROUNDS; i++) {
      const res = await fresh(`${base}/api/comments`, {
        method: "POST",
        headers: { cookie, origin: E2E_ORIGIN, "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
        body: new URLSearchParams({ reviewId: String(r.id), parentId: "", body: LONG_BODY }).toString(),
      });
      expect(res.status).toBe(422);
      expect(res.body).toContain(TOO_LONG);
      // The text is kept in the form.
      expect(res.body).toContain("A long one. A long one.");
    }
    expect(count()).toBe(before);
  });

  test("each worker renders a thread's HTML itself (the hand-off between its two renders stays in the process)", async () => {
    const r = publishedReview();
    const ids = withDb((db) => db.prepare("select id from comments where post_id = ? and parent_id is null and deleted_at is null").all(r.id) as { id: number }[]);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < ROUNDS; i++) {
      const page = await fresh(`${base}/reviews/${r.slug}`);
      expect(page.status).toBe(200);
      for (const { id } of ids) expect(page.body).toContain(`id="comment-${id}"`);
    }
  });
});

type Own = { proc: ChildProcess; port: number; log: string[]; exited: Promise<number | null>; dir: string };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startOwn(): Promise<Own> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-cluster-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: path.join(dir, "marquee.db"),
    DATABASE_URL: "",
    AUTH_SECRET: "marquee-cluster-secret-0123456789-abcdefghijklmnop",
    SEED_DEMO: "false",
    SWEEP: "false",
    WEB_CONCURRENCY: "2",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const proc = spawn(process.execPath, ["scripts/serve.mjs"], { cwd: path.resolve(__dirname, "..", ".."), env, stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  for (const stream of [proc.stdout!, proc.stderr!]) stream.on("data", (d: Buffer) => log.push(...d.toString("utf8").split("\n").filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  await expect.poll(() => fresh(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
  return { proc, port, log, exited, dir };
}

const workersOf = (pid: number) =>
  fs
    .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);

test.describe("a server of several workers", () => {
  test.setTimeout(120_000);

  test("replaces a worker killed with SIGKILL and keeps answering", async () => {
    const own = await startOwn();
    try {
      const workers = workersOf(own.proc.pid!);
      expect(workers).toHaveLength(2);
      process.kill(workers[0]!, "SIGKILL");
      await expect.poll(() => own.log.some((l) => l.includes(`worker ${workers[0]} ended (SIGKILL); starting another`)), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => workersOf(own.proc.pid!).filter((p) => p !== workers[0]).length, { timeout: 30_000 }).toBe(2);
      // The new worker is ready once it answers; then every request on a fresh connection succeeds.
      await expect.poll(async () => (await Promise.all(Array.from({ length: ROUNDS }, () => fresh(`http://127.0.0.1:${own.port}/api/health`).then((r) => r.status, () => 0)))).every((s) => s === 200), { timeout: 60_000 }).toBe(true);
    } finally {
      own.proc.kill("SIGTERM");
      await own.exited;
      fs.rmSync(own.dir, { recursive: true, force: true });
    }
  });

  test("SIGTERM lets a request in progress finish, then every process exits cleanly", async () => {
    const own = await startOwn();
    try {
      const socket = net.connect(own.port, "127.0.0.1");
      let received = "";
      socket.on("data", (d: Buffer) => (received += d.toString("utf8")));
      const body = new URLSearchParams({ type: "review", id: "1", value: "up", back: "/" }).toString();
      const half = Math.floor(body.length / 2);
      // "100 Continue" says the worker has read the request's head and is waiting for its body.
      socket.write(
        `POST /api/votes HTTP/1.1\r\nHost: localhost:${own.port}\r\nOrigin: http://localhost:${own.port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
          `Accept: application/json\r\nExpect: 100-continue\r\nContent-Length: ${body.length}\r\n\r\n`,
      );
      await expect.poll(() => received, { timeout: 30_000 }).toContain("100 Continue");
      socket.write(body.slice(0, half));
      own.proc.kill("SIGTERM");
      await expect.poll(() => own.log.filter((l) => l.includes("marquee: stopping:")).length, { timeout: 30_000 }).toBe(2);
      socket.write(body.slice(half));
      // Signed out: the vote is refused with 401, answered in full.
      await expect.poll(() => received, { timeout: 30_000 }).toMatch(/HTTP\/1\.1 401[\s\S]*\r\n\r\n[\s\S]*"status":401/);
      expect(await own.exited).toBe(0);
    } finally {
      if (own.proc.exitCode === null) own.proc.kill("SIGKILL");
      fs.rmSync(own.dir, { recursive: true, force: true });
    }
  });
});
