// Starting a production server on a throwaway database and measuring it under load on loopback.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { cpuMs, descendants, isAlive, meter, processesOf, type ProcessFigure, type ServerProcess } from "./proc";

const root = path.resolve(import.meta.dirname, "..", "..");
export const BENCH_SECRET = "marquee-bench-secret-0123456789-abcdefghijklmnop";

/**
 * Where a load is sent, and whose CPU and memory it is charged to: a server with its workers (a
 * Server), or several servers behind a proxy (serverGroup). `processes` is read when a load
 * starts and again when it ends.
 */
export type LoadTarget = { base: string; processes: () => ServerProcess[] };

export type Server = LoadTarget & { proc: ChildProcess; port: number; stop: () => Promise<void> };

/**
 * The production server on `target`: a SQLite file, or a postgres:// URL (its data folder, for
 * what is not in the database, is then a fresh temporary one). One process unless `env` sets
 * WEB_CONCURRENCY: the CPU profiler and the per-thread figures read that one process.
 */
export async function startServer(target: string, port: number, env: Record<string, string> = {}): Promise<Server> {
  const where = target.startsWith("postgres")
    ? { DATABASE_URL: target, DATABASE_PATH: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "marquee-bench-data-")), "marquee.db") }
    : { DATABASE_URL: "", DATABASE_PATH: target };
  const proc = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ...where, AUTH_SECRET: BENCH_SECRET, NEXT_TELEMETRY_DISABLED: "1", SEED_DEMO: "false", WEB_CONCURRENCY: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i === 299) throw new Error("the server did not become ready");
  }
  const stop = async () => {
    const workers = descendants(proc.pid!);
    await new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once("exit", () => resolve());
      proc.kill("SIGTERM");
    });
    // Workers leave with their primary; the next measure must not share the machine with one.
    for (let i = 0; i < 50 && workers.some(isAlive); i++) await new Promise((r) => setTimeout(r, 100));
    for (const pid of workers.filter(isAlive)) process.kill(pid, "SIGKILL");
  };
  return { proc, port, base, stop, processes: () => processesOf(proc.pid!) };
}

/** Several servers behind one address (a proxy's), with the proxy's own processes if it has any. */
export function serverGroup(base: string, servers: Server[], proxy: () => ServerProcess[] = () => []): LoadTarget {
  return {
    base,
    processes: () => [
      ...servers.flatMap((s, i) => s.processes().map((p) => ({ ...p, role: p.role === "process" ? `instance ${i + 1}` : `instance ${i + 1} ${p.role}` }))),
      ...proxy().map((p) => ({ ...p, kind: "proxy" as const })),
    ],
  };
}

/** The server's CPU so far, in ms: all its threads, and its main (JavaScript) thread alone. */
export function threadCpuMs(server: Server): { total: number; main: number } {
  const pid = server.proc.pid!;
  return { total: cpuMs(pid), main: cpuMs(pid, pid) };
}

/** CPU time the server process has used so far, in ms (user + system; 10 ms steps). */
export function serverCpuMs(server: Server): number {
  return cpuMs(server.proc.pid!);
}

/**
 * A load's figures: requests (or views) per second, latency, failures, the server's CPU per
 * request summed over its processes and helpers and its resident memory summed over its own
 * processes (a proxy's in neither), then each process's.
 */
export type LoadResult = {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  cpuMsPerReq: number;
  rssMb: number;
  bytes: number;
  processes: ProcessFigure[];
};

/**
 * A bounded load run (time and connections) against one URL of the server, or several: each
 * connection then asks for them in turn, and `bytes` is their mean body.
 */
export async function load(
  server: LoadTarget,
  name: string,
  url: string | string[],
  opts: { seconds?: number; connections?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const urls = typeof url === "string" ? [url] : url;
  const headers = opts.headers ?? {};
  let bytes = 0;
  for (const u of urls) {
    const first = await fetch(server.base + u, { headers });
    if (!first.ok) throw new Error(`${name}: ${u} answered ${first.status}`);
    bytes += (await first.arrayBuffer()).byteLength / urls.length;
    for (let i = 0; i < 20; i++) await fetch(server.base + u, { headers }).then((r) => r.arrayBuffer());
  }
  const done = meter(server.processes);
  const res = await autocannon({
    url: server.base,
    headers,
    duration: opts.seconds ?? 10,
    connections: opts.connections ?? 10,
    requests: urls.map((path) => ({ method: "GET", path })),
  });
  const used = done();
  const total = res.requests.total;
  return {
    name,
    requests: total,
    rps: res.requests.average,
    p50: res.latency.p50,
    p99: res.latency.p99,
    errors: res.errors + res.timeouts,
    non2xx: res.non2xx,
    cpuMsPerReq: total ? used.appCpuMs / total : 0,
    rssMb: used.appRssMb,
    bytes,
    processes: used.processes,
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
  /** The server's CPU per post over the whole run, summed over its processes and helpers (a proxy's aside). */
  cpuMsPerReq: number;
  processes: ProcessFigure[];
};

/**
 * A bounded load of form posts through one route, JSON answers: `form(i)` gives the i-th
 * request's session cookie and fields, so every request can differ.
 */
export async function postLoad(
  server: LoadTarget,
  route: string,
  form: (i: number) => { cookie: string; fields: Record<string, string> },
  opts: { seconds: number; connections: number },
): Promise<PostLoad> {
  let k = 0;
  const started = performance.now();
  // Each answer: when it came (ms after the start) and how long its request took.
  const answers: { at: number; ms: number }[] = [];
  const firstAnswer = new Map<object, number>();
  const done = meter(server.processes);
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
  const used = done();
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
    cpuMsPerReq: res.requests.total ? used.appCpuMs / res.requests.total : 0,
    processes: used.processes,
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * A bounded load of views that each take two requests on one connection, one after the other: the
 * page, then the JSON the page's script asks for. Reports views per second, the latency of a whole
 * view (both answers) and the server's CPU per view.
 */
export async function viewLoad(
  server: LoadTarget,
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
  // Each connection sends the two requests in turn: its odd answers are pages, its even ones JSON.
  const pending = new Map<object, number>();
  const views: number[] = [];
  const done = meter(server.processes);
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
  const used = done();
  views.sort((a, b) => a - b);
  return {
    name,
    requests: views.length,
    rps: views.length / res.duration,
    p50: percentile(views, 0.5),
    p99: percentile(views, 0.99),
    errors: res.errors + res.timeouts,
    non2xx: res.non2xx,
    cpuMsPerReq: views.length ? used.appCpuMs / views.length : 0,
    rssMb: used.appRssMb,
    bytes,
    processes: used.processes,
  };
}
