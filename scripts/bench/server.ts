// Starting a production server on a throwaway database and measuring it under load on loopback.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const root = path.resolve(import.meta.dirname, "..", "..");
const TICKS = 100; // USER_HZ on Linux
export const BENCH_SECRET = "marquee-bench-secret-0123456789-abcdefghijklmnop";

export type Server = { proc: ChildProcess; port: number; base: string; stop: () => Promise<void> };

/**
 * The production server on `target`: a SQLite file, or a postgres:// URL (its data folder, for
 * what is not in the database, is then a fresh temporary one).
 */
export async function startServer(target: string, port: number, env: Record<string, string> = {}): Promise<Server> {
  const where = target.startsWith("postgres")
    ? { DATABASE_URL: target, DATABASE_PATH: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "marquee-bench-data-")), "marquee.db") }
    : { DATABASE_URL: "", DATABASE_PATH: target };
  const proc = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ...where, AUTH_SECRET: BENCH_SECRET, NEXT_TELEMETRY_DISABLED: "1", SEED_DEMO: "false", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i === 299) throw new Error("the server did not become ready");
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      proc.once("exit", () => resolve());
      proc.kill("SIGTERM");
    });
  return { proc, port, base, stop };
}

function cpuTicks(pid: number, thread?: number): number {
  const stat = fs.readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/** The server's CPU so far, in ms: all its threads, and its main (JavaScript) thread alone. */
export function threadCpuMs(server: Server): { total: number; main: number } {
  const pid = server.proc.pid!;
  const ms = (ticks: number) => (ticks / TICKS) * 1000;
  return { total: ms(cpuTicks(pid)), main: ms(cpuTicks(pid, pid)) };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU time the server process has used so far, in ms (user + system; 10 ms steps). */
export function serverCpuMs(server: Server): number {
  return (cpuTicks(server.proc.pid!) / TICKS) * 1000;
}

export type LoadResult = { name: string; requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number; cpuMsPerReq: number; rssMb: number; bytes: number };

/** A bounded load run (time and connections) against one URL of the server. */
export async function load(
  server: Server,
  name: string,
  url: string,
  opts: { seconds?: number; connections?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const target = server.base + url;
  const headers = opts.headers ?? {};
  const first = await fetch(target, { headers });
  if (!first.ok) throw new Error(`${name}: ${url} answered ${first.status}`);
  const bytes = (await first.arrayBuffer()).byteLength;
  for (let i = 0; i < 20; i++) await fetch(target, { headers }).then((r) => r.arrayBuffer());
  const pid = server.proc.pid!;
  const before = cpuTicks(pid);
  const res = await autocannon({ url: target, headers, duration: opts.seconds ?? 10, connections: opts.connections ?? 10 });
  const ticks = cpuTicks(pid) - before;
  const total = res.requests.total;
  return {
    name,
    requests: total,
    rps: res.requests.average,
    p50: res.latency.p50,
    p99: res.latency.p99,
    errors: res.errors + res.timeouts,
    non2xx: res.non2xx,
    cpuMsPerReq: total ? ((ticks / TICKS) * 1000) / total : 0,
    rssMb: rssMb(pid),
    bytes,
  };
}

export type PostLoad = {
  posts: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /**
   * The same load once every connection is open: the answers to requests sent after the last
   * connection had its first answer. A new connection's first request waits for its accept, and
   * libuv accepts one connection per turn of the event loop (libuv/libuv#3696): while 50 requests
   * are in flight, the 50th connection opened at once is accepted seconds after the first.
   */
  open: { rps: number; p50: number; p99: number; requests: number };
  /** When the last connection had its first answer, ms after the load began. */
  allOpenAfterMs: number;
};

/**
 * A bounded load of form posts through one route, JSON answers: `form(i)` gives the i-th
 * request's session cookie and fields, so every request can differ.
 */
export async function postLoad(
  server: Server,
  route: string,
  form: (i: number) => { cookie: string; fields: Record<string, string> },
  opts: { seconds: number; connections: number },
): Promise<PostLoad> {
  let k = 0;
  const started = performance.now();
  // Each answer: when it came (ms after the start) and how long its request took.
  const answers: { at: number; ms: number }[] = [];
  const firstAnswer = new Map<object, number>();
  const res = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url: `${server.base}${route}`,
        duration: opts.seconds,
        connections: opts.connections,
        requests: [
          {
            method: "POST",
            setupRequest: (req) => {
              const { cookie, fields } = form(k++);
              return {
                ...req,
                headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", origin: server.base, cookie },
                body: new URLSearchParams(fields).toString(),
              };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    run.on("response", (client, _status, _bytes, ms) => {
      const at = performance.now() - started;
      answers.push({ at, ms });
      if (!firstAnswer.has(client)) firstAnswer.set(client, at);
    });
  });
  const allOpenAfterMs = Math.max(0, ...firstAnswer.values());
  const open = answers.filter((a) => a.at - a.ms >= allOpenAfterMs);
  const latencies = open.map((a) => a.ms).sort((a, b) => a - b);
  // Throughput over the same stretch: every answer that came once all connections were open.
  const after = answers.filter((a) => a.at >= allOpenAfterMs);
  const window = (after.reduce((last, a) => Math.max(last, a.at), allOpenAfterMs) - allOpenAfterMs) / 1000;
  return {
    posts: res.requests.total,
    rps: res.requests.average,
    p50: res.latency.p50,
    p99: res.latency.p99,
    errors: res.errors + res.timeouts,
    non2xx: res.non2xx,
    open: { rps: window > 0 ? after.length / window : 0, p50: Math.round(percentile(latencies, 0.5)), p99: Math.round(percentile(latencies, 0.99)), requests: open.length },
    allOpenAfterMs: Math.round(allOpenAfterMs),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * A bounded load of views that each take two requests on one connection, one after the other: the
 * page, then the JSON the page's script asks for. Reports views per second, the latency of a whole
 * view (both answers) and the server's CPU per view.
 */
export async function viewLoad(
  server: Server,
  name: string,
  pageUrl: string,
  jsonUrl: string,
  opts: { seconds?: number; connections?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const headers = opts.headers ?? {};
  let bytes = 0;
  for (const url of [pageUrl, jsonUrl]) {
    const first = await fetch(server.base + url, { headers });
    if (!first.ok) throw new Error(`${name}: ${url} answered ${first.status}`);
    bytes += (await first.arrayBuffer()).byteLength;
  }
  for (let i = 0; i < 20; i++) for (const url of [pageUrl, jsonUrl]) await fetch(server.base + url, { headers }).then((r) => r.arrayBuffer());
  const pid = server.proc.pid!;
  // Each connection sends the two requests in turn: its odd answers are pages, its even ones JSON.
  const pending = new Map<object, number>();
  const views: number[] = [];
  const before = cpuTicks(pid);
  const res = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url: server.base,
        headers,
        duration: opts.seconds ?? 10,
        connections: opts.connections ?? 10,
        requests: [
          { method: "GET", path: pageUrl },
          { method: "GET", path: jsonUrl },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    run.on("response", (client, _status, _bytes, ms) => {
      const page = pending.get(client);
      if (page === undefined) pending.set(client, ms);
      else {
        pending.delete(client);
        views.push(page + ms);
      }
    });
  });
  const ticks = cpuTicks(pid) - before;
  views.sort((a, b) => a - b);
  return {
    name,
    requests: views.length,
    rps: views.length / res.duration,
    p50: percentile(views, 0.5),
    p99: percentile(views, 0.99),
    errors: res.errors + res.timeouts,
    non2xx: res.non2xx,
    cpuMsPerReq: views.length ? ((ticks / TICKS) * 1000) / views.length : 0,
    rssMb: rssMb(pid),
    bytes,
  };
}
