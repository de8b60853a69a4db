import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test as base, expect } from "@playwright/test";
import pg from "pg";
import { encode } from "../../lib/auth/jwt-codec";
import { startNginx, UPSTREAM_HEADER, type TestNginx } from "../../scripts/nginx.mjs";
import { freePort } from "../../scripts/postgres-throwaway.mjs";

// A site as deploy/ describes it, on one machine: two production servers (`node scripts/serve.mjs`,
// one process each) with their own ports and data folders, one PostgreSQL database, one
// AUTH_SECRET, AUTH_URL the public origin, which is nginx configured from the shipped
// deploy/nginx/marquee.conf. Two more nginx, each in front of one server only, let a browser use
// one server while keeping the public origin (forms are accepted only from AUTH_URL's pages): the
// browser sends its requests through one as its HTTP proxy.
//
// Each server runs from a folder of its own holding a copy of the build, as on its own host.
// Started once per worker; a journey that stops a server starts it again before it ends.

const root = path.resolve(__dirname, "..", "..");

export const AUTH_SECRET = "marquee-deploy-auth-secret-0123456789-abcdefghijkl";
export const DEMO_PASSWORD = "marquee-deploy-demo-password";
export const SESSION_COOKIE = "authjs.session-token";

/** What every server gets: the deployment's variables (deploy/marquee.env.example) and the suite's limits. */
function serverEnv(publicOrigin: string, databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET,
    AUTH_URL: publicOrigin,
    TRUST_PROXY: "1",
    HOST: "127.0.0.1",
    WEB_CONCURRENCY: "1",
    DATABASE_POOL_SIZE: "5",
    DATABASE_WRITE_POOL_SIZE: "2",
    DEMO_PASSWORD,
    SCRYPT_COST: "12",
    // Journeys and load clients write as fast as they can: no pause between comments, no vote caps in reach.
    COMMENT_INTERVAL_SECONDS: "0",
    COMMENT_NEWCOMER_INTERVAL_SECONDS: "0",
    VOTE_BURST_PER_MINUTE: "100000",
    VOTE_DAILY_CAP: "1000000",
    VOTE_NEWCOMER_BURST_PER_MINUTE: "100000",
    VOTE_NEWCOMER_DAILY_CAP: "1000000",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/**
 * A host's copy of the app, as deploy/README.md installs it: its own copy of the one build (.next,
 * which the server also writes regenerated pages into) and of the server's code; the sources and
 * node_modules, which the server only reads, are links to this checkout.
 */
function installHost(dir: string): string {
  const host = path.join(dir, "app");
  fs.mkdirSync(host, { recursive: true });
  const copied = new Set([".next", "server", "scripts"]);
  for (const entry of fs.readdirSync(root)) {
    if (copied.has(entry) || entry === ".git" || entry.startsWith("test-results") || entry.startsWith("e2e-data") || entry === "data") continue;
    fs.symlinkSync(path.join(root, entry), path.join(host, entry));
  }
  fs.cpSync(path.join(root, "server"), path.join(host, "server"), { recursive: true });
  fs.cpSync(path.join(root, "scripts"), path.join(host, "scripts"), { recursive: true });
  // The build without its build-time cache; its links into node_modules stay relative.
  const build = path.join(root, ".next");
  fs.cpSync(build, path.join(host, ".next"), { recursive: true, verbatimSymlinks: true, filter: (src) => src !== path.join(build, "cache") });
  return host;
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** One app server: started, stopped with a signal, or killed outright, as a process manager would. */
export class Instance {
  private child: ChildProcess | null = null;
  private exited: Promise<Exit> | null = null;

  /** This server's copy of the app (its own build). */
  readonly host: string;

  constructor(
    readonly name: "A" | "B",
    readonly port: number,
    private readonly dir: string,
    private readonly env: Record<string, string>,
  ) {
    this.host = installHost(dir);
  }

  /** The server itself, bypassing nginx (browse at localhost, never 127.0.0.1: Next rewrites 127.x hosts). */
  get origin() {
    return `http://localhost:${this.port}`;
  }

  /** How nginx names this server in `$upstream_addr`. */
  get upstream() {
    return `127.0.0.1:${this.port}`;
  }

  get pid() {
    return this.child?.pid;
  }

  get log() {
    return path.join(this.dir, "server.log");
  }

  /** Starts the server and waits until /api/health answers 200 {"ready":true}. */
  async start(extra: Record<string, string> = {}): Promise<void> {
    if (this.child) throw new Error(`server ${this.name} is already running`);
    fs.mkdirSync(this.dir, { recursive: true });
    const out = fs.openSync(this.log, "a");
    fs.writeSync(out, `\n── start ${new Date().toISOString()} ──\n`);
    // A process group of its own, so that a kill reaches every process the server may have made.
    const child = spawn(process.execPath, [path.join(this.host, "scripts", "serve.mjs")], {
      cwd: this.host,
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...process.env, ...this.env, ...extra, PORT: String(this.port), DATABASE_PATH: path.join(this.dir, "data", "marquee.db") },
    });
    fs.closeSync(out);
    this.child = child;
    running.add(this);
    this.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        this.child = null;
        running.delete(this);
        resolve({ code, signal });
      }),
    );
    await this.waitHealthy();
  }

  /** Waits until the server says it is ready; fails at once if it exits first. */
  async waitHealthy(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.child) throw new Error(`server ${this.name} exited while starting:\n${this.tail()}`);
      const res = await fetch(`http://127.0.0.1:${this.port}/api/health`).catch(() => null);
      if (res?.status === 200 && ((await res.json()) as { ready?: boolean }).ready === true) return;
      await res?.body?.cancel();
      if (Date.now() > deadline) throw new Error(`server ${this.name} was not ready in ${timeoutMs / 1000} s:\n${this.tail()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Sends SIGTERM (a process manager's stop) and waits until the server has exited. */
  async stop(): Promise<Exit> {
    if (!this.child || !this.exited) throw new Error(`server ${this.name} is not running`);
    this.child.kill("SIGTERM");
    return this.exited;
  }

  /** Kills the server with SIGKILL, every process of it, and waits until it is gone. */
  async kill(): Promise<Exit> {
    if (!this.child || !this.exited) throw new Error(`server ${this.name} is not running`);
    process.kill(-this.child.pid!, "SIGKILL");
    return this.exited;
  }

  /** The end of the server's log. */
  tail(lines = 30): string {
    return fs.existsSync(this.log) ? fs.readFileSync(this.log, "utf8").split("\n").slice(-lines).join("\n") : "(no log)";
  }

  /** Stops a server still running at the end: SIGTERM, then SIGKILL to its group after 10 s. */
  async shutdown(): Promise<void> {
    if (!this.child || !this.exited) return;
    const pid = this.child.pid!;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => killGroup(pid), 10_000);
    await this.exited;
    clearTimeout(timer);
    killGroup(pid);
  }
}

function killGroup(pid: number) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** Servers started by this worker and still running: killed if the worker exits without stopping them. */
const running = new Set<Instance>();
process.on("exit", () => {
  for (const instance of running) if (instance.pid) killGroup(instance.pid);
});

export type Member = { id: string; username: string; name: string };

export type Site = {
  /** The public origin, AUTH_URL: nginx in front of both servers. */
  origin: string;
  nginx: TestNginx;
  a: Instance;
  b: Instance;
  /** nginx in front of one server only, for a browser's `proxy` option (tests/deploy/site.ts header). */
  only: { A: TestNginx; B: TestNginx };
  db: pg.Pool;
  /** A build file only B's copy of the build has, as while a rolling upgrade has two builds live. */
  onlyOnB: string;
  /** Inserts members straight into the database (no password; newcomers). */
  members(prefix: string, n: number): Promise<Member[]>;
  /** The Cookie header value that signs a request in as a member, as Auth.js issues it. */
  cookie(member: Member): Promise<string>;
};

/** The app servers nginx tried for an answer, in order (`$upstream_addr`, test configuration only). */
export function upstreamsOf(headers: Headers | Record<string, string>): string[] {
  const value = headers instanceof Headers ? headers.get(UPSTREAM_HEADER) : headers[UPSTREAM_HEADER];
  // "127.0.0.1:3001, 127.0.0.1:3002" (tried in turn); " : " separates the tries of an internal redirect.
  return (value ?? "").split(/,|\s:\s/).map((s) => s.trim()).filter(Boolean);
}

/**
 * Waits until nginx sends requests to `instance` again. After a server was down, nginx leaves it
 * out until its fail_timeout has passed, healthy or not; meanwhile a request that would be passed
 * on to it (a 404 asked of the other server) has nowhere to go.
 */
export async function backInRotation(site: Site, instance: Instance): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await fetch(`${site.origin}/api/health`).catch(() => null);
        return res?.ok && upstreamsOf(res.headers).join() === instance.upstream;
      },
      { timeout: 30_000, intervals: [100] },
    )
    .toBe(true);
}

let databases = 0;

/** Keeps the servers' and nginx's logs in the suite's output folder (the rest of the site folder goes). */
function keepLogs(dir: string, into: string) {
  for (const sub of ["a", "b", "nginx", "nginx-a", "nginx-b"]) {
    for (const file of ["server.log", "error.log", "access.log", "nginx.conf"]) {
      const from = path.join(dir, sub, file);
      if (!fs.existsSync(from)) continue;
      fs.mkdirSync(path.join(into, sub), { recursive: true });
      fs.copyFileSync(from, path.join(into, sub, file));
    }
  }
}

export const test = base.extend<object, { site: Site }>({
  site: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads what a fixture needs from this pattern: nothing here
    async ({}, provide, workerInfo) => {
      const admin = process.env.DEPLOY_PG_URL;
      if (!admin) throw new Error("DEPLOY_PG_URL is not set: run the suite with `npm run test:deploy`, which starts PostgreSQL for it.");
      // Outside the checkout: the servers' copies of the app hold sources that lint and tsc would find.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-deploy-site-"));
      const cleanups: (() => Promise<void>)[] = [];
      try {
        // A fresh, empty database: the first server migrates and seeds it.
        const name = `marquee_deploy_${workerInfo.workerIndex}_${++databases}`;
        const adminClient = new pg.Client({ connectionString: admin });
        await adminClient.connect();
        await adminClient.query(`drop database if exists ${name}`);
        await adminClient.query(`create database ${name}`);
        await adminClient.end();
        const databaseUrl = new URL(admin);
        databaseUrl.pathname = `/${name}`;
        const db = new pg.Pool({ connectionString: databaseUrl.href, max: 4 });
        cleanups.push(() => db.end());

        const [portA, portB] = [await freePort(), await freePort()];
        const started = async (upstreams: number[], sub: string) => {
          const nginx = await startNginx({ upstreams, dir: path.join(dir, sub) });
          cleanups.push(() => nginx.stop());
          return nginx;
        };
        const nginx = await started([portA, portB], "nginx");
        const only = { A: await started([portA], "nginx-a"), B: await started([portB], "nginx-b") };
        const env = serverEnv(nginx.url, databaseUrl.href);
        // The sweep runs on both: each run is claimed in the database, so it happens once.
        const a = new Instance("A", portA, path.join(dir, "a"), { ...env, SEED_DEMO: "true", SWEEP: "true" });
        const b = new Instance("B", portB, path.join(dir, "b"), { ...env, SEED_DEMO: "false", SWEEP: "true" });
        cleanups.push(async () => {
          await Promise.all([a.shutdown(), b.shutdown()]);
        });
        // Put in place before B starts: a server lists its build files once, when it starts.
        const onlyOnB = `/_next/static/chunks/only-on-b-${Date.now().toString(36)}.js`;
        fs.writeFileSync(path.join(b.host, ".next", "static", onlyOnB.slice("/_next/static/".length)), "/* a file of another build */\n");

        // Only one server seeds: the second starts once the first is ready.
        await a.start();
        await b.start();
        await provide({
          origin: nginx.url,
          nginx,
          a,
          b,
          only,
          db,
          onlyOnB,
          async members(prefix, n) {
            const stem = `${prefix}_${Date.now().toString(36).slice(-5)}`;
            const made = Array.from({ length: n }, (_, i) => ({ id: crypto.randomUUID(), username: `${stem}${i}`, name: `Member ${stem}${i}` }));
            for (const m of made) {
              await db.query("insert into users (id, username, username_key, name) values ($1, $2, $3, $4)", [m.id, m.username, m.username.toLowerCase(), m.name]);
            }
            return made;
          },
          async cookie(member) {
            const { rows } = await db.query<{ sv: number }>("select session_version as sv from users where id = $1", [member.id]);
            expect(rows, `member ${member.username}`).toHaveLength(1);
            const token = await encode({ token: { uid: member.id, sv: rows[0]!.sv }, secret: AUTH_SECRET, salt: SESSION_COOKIE });
            return `${SESSION_COOKIE}=${token}`;
          },
        });
      } finally {
        // Servers first (they hold database connections and nginx's upstream connections), then nginx, then the pool.
        for (const cleanup of cleanups.reverse()) await cleanup();
        keepLogs(dir, path.join(workerInfo.project.outputDir, `site-${workerInfo.workerIndex}-${databases}`));
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: "worker", timeout: 240_000 },
  ],
});

export { expect };
