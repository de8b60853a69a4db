// One server process against several, on the demo database and under the same loads at 10 and at
// 50 connections: on SQLite one server with WEB_CONCURRENCY=1 (one process) and =2 (a cluster
// primary and two workers on one port), each on a fresh copy; on PostgreSQL one instance against
// two behind nginx (scripts/nginx.mjs), each setup on a fresh copy. A server's CPU is summed over
// all its processes (primary and workers; both instances), nginx's apart. Figures for the report:
// whether a target is met is shown, never asserted.
import path from "node:path";
import { loadComments } from "./comments";
import type { Place, Prepared } from "./prepare";
import { processesListeningOn, type ProcessFigure } from "./proc";
import { BENCH_SECRET, load, serverGroup, startServer, viewLoad, type LoadResult, type LoadTarget, type PostLoad, type Server } from "./server";
import { SESSION_COOKIE, loadVotes, sessionCookie } from "./votes";

type Kind = "cached" | "view" | "votes" | "comments";

/** The cases, each at 10 and at 50 connections: the same on every setup and dialect. */
const CASES = (["cached", "view", "votes", "comments"] as const).flatMap((kind) => [10, 50].map((connections) => ({ kind, connections })));

const NAMES: Record<Kind, string> = {
  cached: "cached pages: the feed, the 200-comment review, a film, a profile, in turn",
  view: "signed-in views: the 200-comment review, then its /api/viewer JSON",
  votes: "upvotes (POST /api/votes, up and undo)",
  comments: "comments (POST /api/comments)",
};

/** The cached pages of the demo's page list (prepare.ts pagesFor), by name. */
const CACHED_PAGES = ["home (Hot)", "(a) review, 200 comments: cached, signed out", "film page", "profile"];

/**
 * A fresh server answers its first thousands of requests at several times the CPU it settles at
 * (V8 compiles the rendering path as it runs, in every process; on one process, 2.5 ms per request
 * in its first 3 s of the home page, 0.7 from the seventh second on): each setup is loaded this
 * long on the pages, then on the views, before any case is measured.
 */
const WARM_UP_SECONDS = { pages: 10, views: 5 };

/** The target: server CPU per cached request with two workers at most this much above one process. */
const CPU_MARGIN_MS = 0.2;

/** One case under one setup. */
type CaseFigures = {
  rps: number;
  p50: number;
  p99: number;
  /** Writes: p99 over the requests sent once every connection was open, and how many (PostLoad's `open`). */
  open: { p99: number; requests: number } | null;
  failed: number;
  /** The app's processes together, per request (per view, per post). */
  cpuMsPerReq: number;
  /** Of which a cluster's primary (it accepts the connections and hands them to the workers); null without one. */
  primaryCpuMsPerReq: number | null;
  /** nginx's processes together, per request; null without a proxy. */
  proxyCpuMsPerReq: number | null;
  processes: ProcessFigure[];
};

type Setup = { label: string; cases: CaseFigures[] };

/** Both setups' figures; on PostgreSQL, measured in a process of its own: its version and the load average at the end. */
export type ProcessesRun = { dialect: Place["dialect"]; seconds: number; setups: [Setup, Setup]; version?: string; loadAverage?: string };

type Options = { port: number; seconds: number; env: Record<string, string> };

/** The CPU per request of the processes `which` picks, or null when it picks none. */
const cpuOf = (processes: ProcessFigure[], requests: number, which: (p: ProcessFigure) => boolean) => {
  const picked = processes.filter(which);
  return picked.length && requests ? picked.reduce((sum, p) => sum + p.cpuMs, 0) / requests : null;
};
const isPrimary = (p: ProcessFigure) => p.role === "primary";
const isProxy = (p: ProcessFigure) => p.kind === "proxy";

const fromLoad = (r: LoadResult): CaseFigures => ({
  rps: r.rps,
  p50: r.p50,
  p99: r.p99,
  open: null,
  failed: r.errors + r.non2xx,
  cpuMsPerReq: r.cpuMsPerReq,
  primaryCpuMsPerReq: cpuOf(r.processes, r.requests, isPrimary),
  proxyCpuMsPerReq: cpuOf(r.processes, r.requests, isProxy),
  processes: r.processes,
});

const fromPosts = (r: PostLoad): CaseFigures => ({
  rps: r.rps,
  p50: r.p50,
  p99: r.p99,
  open: { p99: r.open.p99, requests: r.open.requests },
  failed: r.errors + r.non2xx,
  cpuMsPerReq: r.cpuMsPerReq,
  primaryCpuMsPerReq: cpuOf(r.processes, r.posts, isPrimary),
  proxyCpuMsPerReq: cpuOf(r.processes, r.posts, isProxy),
  processes: r.processes,
});

/** Every case in turn against one setup: the pages first, then the writes that change them. */
async function runCases(target: LoadTarget, p: Prepared, label: string, seconds: number): Promise<CaseFigures[]> {
  const cookies = await Promise.all(p.voterIds.map((id) => sessionCookie(BENCH_SECRET, id)));
  const reader = { cookie: `${SESSION_COOKIE}=${await sessionCookie(BENCH_SECRET, p.readerId)}` };
  const pages = CACHED_PAGES.map((name) => {
    const spec = p.pages.find((s) => s.name === name);
    if (!spec) throw new Error(`no page named ${name} in the demo's list`);
    return spec.url;
  });
  const viewer = `/api/viewer?review=${p.review200.id}`;
  console.log(`  ${label}: warming up (${WARM_UP_SECONDS.pages} s of pages, ${WARM_UP_SECONDS.views} s of views)`);
  await load(target, "warm-up", pages, { seconds: WARM_UP_SECONDS.pages });
  await viewLoad(target, "warm-up", p.review200.url, viewer, { seconds: WARM_UP_SECONDS.views, headers: reader });
  const figures: CaseFigures[] = [];
  const warmed = new Set<Kind>();
  for (const { kind, connections } of CASES) {
    const opts = { seconds, connections };
    if (kind === "votes" && !warmed.has(kind)) await loadVotes(target, cookies, p.voteReviewIds, 2); // warm-up, not reported
    if (kind === "comments" && !warmed.has(kind)) await loadComments(target, cookies.slice(0, 50), p.commentReviewId, 2);
    warmed.add(kind);
    console.log(`  ${label}: ${NAMES[kind]}, ${connections} connections`);
    if (kind === "cached") figures.push(fromLoad(await load(target, NAMES[kind], pages, opts)));
    else if (kind === "view") figures.push(fromLoad(await viewLoad(target, NAMES[kind], p.review200.url, viewer, { ...opts, headers: reader })));
    else if (kind === "votes") figures.push(fromPosts(await loadVotes(target, cookies, p.voteReviewIds, seconds, connections)));
    else figures.push(fromPosts(await loadComments(target, cookies.slice(0, 50), p.commentReviewId, seconds, connections)));
  }
  return figures;
}

/** SQLite: one server with WEB_CONCURRENCY=1, then with WEB_CONCURRENCY=2, each on a fresh copy of `source`. */
export async function measureSqliteProcesses(place: Place, source: Prepared, o: Options): Promise<ProcessesRun> {
  const setups: Setup[] = [];
  for (const [label, workers] of [
    ["1 process", "1"],
    ["2 workers", "2"],
  ] as const) {
    const target = await place.copy(source.target, `processes_${workers}`);
    const server = await startServer(target, o.port, { ...o.env, WEB_CONCURRENCY: workers });
    try {
      setups.push({ label, cases: await runCases(server, source, label, o.seconds) });
    } finally {
      await server.stop();
    }
  }
  return { dialect: place.dialect, seconds: o.seconds, setups: setups as [Setup, Setup] };
}

/**
 * PostgreSQL: one instance on its own, then two (one process each, one database, one AUTH_SECRET)
 * behind nginx, each setup on a fresh copy of `source`. Ports `o.port` to `o.port + 2`; nginx
 * keeps its files in `dir`.
 */
export async function measurePostgresProcesses(place: Place, source: Prepared, o: Options & { dir: string }): Promise<ProcessesRun> {
  const setups: Setup[] = [];
  const one = await startServer(await place.copy(source.target, "processes_one"), o.port, o.env);
  try {
    setups.push({ label: "1 instance", cases: await runCases(one, source, "1 instance", o.seconds) });
  } finally {
    await one.stop();
  }
  const shared = await place.copy(source.target, "processes_two");
  const upstreams = [o.port + 1, o.port + 2];
  const { startNginx } = await import("../nginx.mjs");
  // nginx first, so that its address is known: the instances are told it as the public origin
  // and trust the proxy, as on a site behind it (deploy/nginx/marquee.conf).
  const nginx = await startNginx({ upstreams, dir: path.join(o.dir, "nginx") });
  const servers: Server[] = [];
  try {
    const base = `http://127.0.0.1:${nginx.port}`;
    for (const port of upstreams) servers.push(await startServer(shared, port, { ...o.env, AUTH_URL: base, TRUST_PROXY: "1" }));
    const proxy = processesListeningOn(nginx.port);
    if (!proxy.length) console.error("  nginx's processes were not found: its CPU is not counted");
    setups.push({ label: "2 behind nginx", cases: await runCases(serverGroup(base, servers, () => proxy), source, "2 behind nginx", o.seconds) });
  } finally {
    for (const server of servers) await server.stop();
    await nginx.stop();
  }
  return { dialect: place.dialect, seconds: o.seconds, setups: setups as [Setup, Setup] };
}

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const mark = (ok: boolean) => (ok ? "✓" : "✗");
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

/** The server's own processes at the end of a case (a primary, workers, instances; no helper or proxy). */
const appProcesses = (c: CaseFigures) => c.processes.filter((p) => p.kind === "app");
const rssCell = (c: CaseFigures) =>
  appProcesses(c)
    .map((p) => p.rssMb.toFixed(0))
    .join(" / ");

/** The setups side by side, one row per case, then the targets. */
export function processesLines(run: ProcessesRun): string[] {
  const [a, b] = run.setups;
  const proxied = b.cases.some((c) => c.proxyCpuMsPerReq !== null);
  const primary = (s: Setup) => s.cases.some((c) => c.primaryCpuMsPerReq !== null);
  const group = (s: Setup) => [
    `${s.label}: req/s`,
    "p50 / p99 ms",
    "failed",
    "server CPU ms/req",
    ...(primary(s) ? ["of which the primary"] : []),
    ...(s === b && proxied ? ["nginx CPU ms/req"] : []),
    "RSS MB per process",
  ];
  const head = ["case", "connections", ...group(a), ...group(b)];
  const lines = [row(head), row(head.map((_, i) => (i < 2 ? "---" : "---:")))];
  const cells = (s: Setup, i: number) => {
    const c = s.cases[i]!;
    return [
      c.rps.toFixed(0),
      `${ms(c.p50)} / ${ms(c.p99)}${!c.open ? "" : c.open.requests ? ` (${c.open.p99} once open)` : " (none sent once open)"}`,
      c.failed,
      c.cpuMsPerReq.toFixed(2),
      ...(primary(s) ? [c.primaryCpuMsPerReq === null ? "–" : c.primaryCpuMsPerReq.toFixed(2)] : []),
      ...(s === b && proxied ? [c.proxyCpuMsPerReq === null ? "–" : c.proxyCpuMsPerReq.toFixed(2)] : []),
      rssCell(c),
    ];
  };
  CASES.forEach(({ kind, connections }, i) => lines.push(row([NAMES[kind], connections, ...cells(a, i), ...cells(b, i)])));
  lines.push("");
  const last = (s: Setup) => s.cases.at(-1)!;
  const roles = (s: Setup) => `${s.label}: ${appProcesses(last(s)).map((p) => p.role).join(" / ")}`;
  lines.push(`RSS per process at the end of each case, in this order: ${roles(a)}; ${roles(b)}.`);
  const helpers = [...new Set([a, b].flatMap((s) => s.cases.flatMap((c) => c.processes.filter((p) => p.kind === "helper").map((p) => p.role))))];
  if (helpers.length) lines.push(`Processes a server started besides its own (${helpers.join(", ")}) count in its CPU, not in its RSS.`);
  const nginx = last(b).processes.filter((p) => p.kind === "proxy");
  if (nginx.length) lines.push(`nginx's own processes at the end: ${nginx.map((p) => `${p.role} ${p.rssMb.toFixed(0)} MB`).join(", ")}.`);
  const apps = appProcesses(last(b)).length;
  if (!proxied && apps < 3) lines.push(`**The server with WEB_CONCURRENCY=2 ran ${apps} process${apps === 1 ? "" : "es"}, not a primary and two workers: both columns measure the same setup.**`);
  lines.push("");
  if (proxied) lines.push("The targets set for WEB_CONCURRENCY=2, checked here for two instances behind nginx, for comparison:", "");
  lines.push(...targetLines(run));
  return lines;
}

/** The targets for several processes against one: CPU per cached request, and p99 at 50 connections in every case. */
function targetLines(run: ProcessesRun): string[] {
  const [a, b] = run.setups;
  const lines = [row(["target", "case", a.label, b.label, "met"]), row(["---", "---", "---:", "---:", "---"])];
  CASES.forEach(({ kind, connections }, i) => {
    if (kind !== "cached") return;
    const [x, y] = [a.cases[i]!.cpuMsPerReq, b.cases[i]!.cpuMsPerReq];
    const more = y - x;
    lines.push(
      row([
        `server CPU per cached request, ${b.label} at most ${CPU_MARGIN_MS} ms above ${a.label}`,
        `${connections} connections`,
        `${x.toFixed(2)} ms`,
        `${y.toFixed(2)} ms`,
        `${mark(more <= CPU_MARGIN_MS)} ${more >= 0 ? "+" : "−"}${Math.abs(more).toFixed(2)} ms`,
      ]),
    );
  });
  CASES.forEach(({ kind, connections }, i) => {
    if (connections !== 50) return;
    const [x, y] = [a.cases[i]!.p99, b.cases[i]!.p99];
    lines.push(row([`p99 at 50 connections lower with ${b.label} (over the whole run)`, NAMES[kind], `${ms(x)} ms`, `${ms(y)} ms`, mark(y < x)]));
  });
  return lines;
}
