// `npm run bench`: render times at save time, then the production server under load on loopback,
// once on the demo database and once on a large one, with the ratio large/demo for every page, and
// the 200-comment review cached (a), signed in with its viewer JSON (b) and uncached (c), against
// its targets. Prints Markdown tables and writes them to bench-results/bench.md.
//
//   npm run bench [-- --large data/large.db] [--seconds 10] [--demo-only] [--port 3600] [--caps-only]
//                 [--writes-only] [--processes-only] [--database postgres://… | --database throwaway]
//
// With --database, the same measures run on PostgreSQL too, after SQLite's, and the report puts
// both dialects side by side. The benchmark makes its databases in that cluster (the address's
// user needs the right to create databases) and drops them at the end; the large one is filled
// from the large SQLite file with db:copy, timed. `throwaway` starts a cluster of its own
// (scripts/postgres-throwaway.mjs) with PostgreSQL's durable defaults (fsync, synchronous commit).
// Tables are picked by the dialect a process starts with (db/dialect.ts), so PostgreSQL is
// measured by a second process of this script (--postgres-results FILE, which writes its figures
// to FILE for the first).
//
// Then one server process against several on the demo database (scripts/bench/processes.ts):
// WEB_CONCURRENCY=1 against 2 on SQLite, and with --database one instance against two behind
// nginx on PostgreSQL, on the ports five to seven after --port; --processes-only runs that section
// alone and writes bench-results/bench-processes.md. Every other section measures one process.
//
// It ends with every capped field sent at ten times its cap through its route (scripts/bench/caps.ts),
// on a server of its own (the port two after --port); --caps-only runs that section alone and
// writes bench-results/bench-caps.md.
//
// The large database is made with `npm run seed:large` (the default sizes) when the file is
// missing; the benchmark works on a copy of it (the server migrates it and the load writes votes
// and comments), so the file itself is never changed, nor even opened. The servers listen on
// --port (demo) and the port after it (large).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb } from "@/db";
import { DIALECT, isPostgresUrl } from "@/db/dialect";
import { openMarqueeDb } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown/render";
import { recountAll } from "@/lib/maintenance/recount";
import { PATHOLOGICAL } from "@/tests/fixtures/pathological-markdown";
import { measureCaps } from "./bench/caps";
import { profileLines, startProfiler, stopProfiler, summarizeProfile, type WriteProfile } from "./bench/profile";
import { loadComments } from "./bench/comments";
import { postgresPlace, postgresVersion } from "./bench/postgres";
import { measurePostgresProcesses, measureSqliteProcesses, processesLines, type ProcessesRun } from "./bench/processes";
import { filesIn, prepareDemo, prepareLarge, type Prepared } from "./bench/prepare";
import { readerJavaScript } from "./bench/reader-js";
import { firstRegeneration } from "./bench/regeneration";
import { capsTable, dialectsTable, pagesTable, readerJsLines, targetsTable, TARGETS, type Measured } from "./bench/report";
import { median, realisticReview } from "./bench/sample-review";
import { BENCH_SECRET, load, startServer, threadCpuMs, viewLoad, type LoadResult } from "./bench/server";
import { draftModeCookie, proveFreshRenders, type FreshCheck } from "./bench/uncached";
import { SESSION_COOKIE, loadVotes, sessionCookie } from "./bench/votes";
// @ts-expect-error: a plain ES module without types
import { build } from "./build-if-needed.mjs";
import { startPostgres } from "./postgres-throwaway.mjs";

const lines: string[] = [];
const out = (s = "") => {
  console.log(s);
  lines.push(s);
};
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const SECONDS = Number(arg("seconds", "10"));
const LARGE_PATH = path.resolve(arg("large", "data/large.db"));
const DEMO_ONLY = process.argv.includes("--demo-only");
const PORT = Number(arg("port", "3600"));
const CAPS_ONLY = process.argv.includes("--caps-only");
const WRITES_ONLY = process.argv.includes("--writes-only");
const PROCESSES_ONLY = process.argv.includes("--processes-only");
const DATABASE = arg("database", "");
const POSTGRES_RESULTS = arg("postgres-results", "");
const SERVER_ENV = {
  // Members here act far faster than people do: the limits would answer most of the load with 429.
  VOTE_BURST_PER_MINUTE: "100000",
  VOTE_DAILY_CAP: "1000000",
  VOTE_NEWCOMER_BURST_PER_MINUTE: "100000",
  VOTE_NEWCOMER_DAILY_CAP: "1000000",
  COMMENT_INTERVAL_SECONDS: "0",
  COMMENT_NEWCOMER_INTERVAL_SECONDS: "0",
};

function timeRender(src: string, runs: number): number {
  for (let i = 0; i < 5; i++) renderMarkdown(src);
  return median(
    Array.from({ length: runs }, () => {
      const t = performance.now();
      renderMarkdown(src);
      return performance.now() - t;
    }),
  );
}

/** Time of the first request for a page nobody has asked for yet: the render that fills the cache. */
async function coldRender(base: string, url: string): Promise<number> {
  const t = performance.now();
  await fetch(base + url).then((r) => r.arrayBuffer());
  return performance.now() - t;
}

async function measure(p: Prepared, port: number, opts: { recount: boolean }): Promise<Measured> {
  const cookies = await Promise.all(p.voterIds.map((id) => sessionCookie(BENCH_SECRET, id)));
  const reader = { cookie: `${SESSION_COOKIE}=${await sessionCookie(BENCH_SECRET, p.readerId)}` };
  const draft = { cookie: draftModeCookie() };
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-profile-"));
  const server = await startServer(p.target, port, { ...SERVER_ENV, MARQUEE_CPU_PROFILE_DIR: profileDir });
  try {
    const coldMs = await coldRender(server.base, p.review1000);
    const pages: LoadResult[] = [];
    let fresh: FreshCheck = { ok: false, detail: "not checked" };
    for (const page of p.pages) {
      console.log(`  ${p.label}: ${page.name}`);
      const headers = page.signedIn ? reader : {};
      if (page.view) pages.push(await viewLoad(server, page.name, page.url, page.view, { seconds: SECONDS, headers }));
      else if (page.uncached) {
        fresh = await proveFreshRenders(server, p.target, p.review200.id, page.url, draft.cookie);
        if (!fresh.ok) console.error(`  ${p.label}: uncached renders not proven: ${fresh.detail}`);
        pages.push(await load(server, page.name, page.url, { seconds: SECONDS, headers: draft }));
      } else pages.push(await load(server, page.name, page.url, { seconds: SECONDS, headers }));
    }
    const weight = await readerJavaScript(server.base, p.review200.url);
    console.log(`  ${p.label}: the first render of the 200-comment review after an upvote`);
    const regeneration = await firstRegeneration(server, p.review200.id, p.review200.url, `${SESSION_COOKIE}=${cookies[0]}`);
    await loadVotes(server, cookies, p.voteReviewIds, 2); // warm-up, not reported
    const votes = await loadVotes(server, cookies, p.voteReviewIds, SECONDS);
    const comments = await loadComments(server, cookies.slice(0, 50), p.commentReviewId, SECONDS);
    // Where their time goes: the same loads once more, under the profiler (which slows them a little).
    const profiles: WriteProfile[] = [];
    for (const [name, run] of [
      ["upvotes (POST /api/votes)", () => loadVotes(server, cookies, p.voteReviewIds, SECONDS)],
      ["comments (POST /api/comments)", () => loadComments(server, cookies.slice(0, 50), p.commentReviewId, SECONDS)],
    ] as const) {
      startProfiler(server);
      const ran = await run();
      profiles.push(summarizeProfile(name, await stopProfiler(server, profileDir), ran.posts));
    }
    await server.stop();
    // The bench members' votes and comments went through the verbs: a recount must find nothing
    // to correct. (A full recount of the large database takes far longer than the load itself.)
    let drift: number | null = null;
    if (opts.recount) {
      const after = await openMarqueeDb(p.target);
      drift = Object.values(await recountAll(after)).reduce((a, b) => a + b, 0);
      await closeDb(after);
    }
    return { label: p.label, specs: p.pages, pages, votes, comments, coldMs, weight, fresh, regeneration, drift, profiles };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

/** Every capped field at ten times its cap, on a fresh demo database and a server of its own. */
async function capsSection(dir: string) {
  console.log("Sending every capped field at ten times its cap…");
  const results = await measureCaps(dir, PORT + 2);
  out();
  out("## Capped fields at ten times their cap (through the real routes, wall time on loopback, 5 runs after one unmeasured)");
  out(
    `Each field is sent in its worst shapes (a run of spaces, newlines, spaces and tabs or combining marks ended by a letter), the other fields valid, signed in where the route needs it; whole bodies go over the route's cap with and without Content-Length. Target: a 4xx within 50 ms (a chunked body over its route's cap may also see its connection closed once the 413 is sent; the valid body at the cap, a 2xx). ${results.filter((r) => !r.ok).length} of ${results.length} miss it.`,
  );
  out();
  for (const l of capsTable(results)) out(l);
}

async function capsOnly() {
  out(`# Marquee benchmark, capped fields — ${new Date().toISOString()}`);
  out(`${os.cpus().length} cores, Node ${process.version}, load average ${loadAverage()}`);
  build();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-bench-"));
  try {
    await capsSection(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  writeReport("bench-caps.md");
}

/**
 * The two write loads alone on the demo database, with their profiles and the server's CPU by
 * thread: the quick measure while working on a write's path (--writes-only).
 */
async function writesOnly() {
  if (DATABASE && DIALECT !== "pg") {
    build();
    await againOnPostgres([]);
    return;
  }
  const place = DIALECT === "pg" ? postgresPlace(process.env.DATABASE_URL ?? "") : null;
  out(`# Marquee benchmark, writes${place ? " on PostgreSQL" : ""} — ${new Date().toISOString()}`);
  out(`${os.cpus().length} cores, Node ${process.version}, load average ${loadAverage()}`);
  build();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-bench-"));
  const suffix = place ? "-pg" : "";
  try {
    const p = (await prepareDemo(place ?? filesIn(dir))).prepared;
    const cookies = await Promise.all(p.voterIds.map((id) => sessionCookie(BENCH_SECRET, id)));
    const profileDir = path.join(dir, "profiles");
    const server = await startServer(p.target, PORT, { ...SERVER_ENV, MARQUEE_CPU_PROFILE_DIR: profileDir });
    try {
      await loadVotes(server, cookies, p.voteReviewIds, 2); // warm-up, not reported
      await loadComments(server, cookies.slice(0, 50), p.commentReviewId, 2);
      out();
      out("| write | req/s | p50 / p99 ms | once every connection is open: req/s · p50 / p99 ms | the last connection's first answer, ms | errors | server CPU ms/req | of which off the main thread |");
      out("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      const loads = [
        ["upvotes (POST /api/votes, 50 connections)", () => loadVotes(server, cookies, p.voteReviewIds, SECONDS)],
        ["comments (POST /api/comments, 10 connections)", () => loadComments(server, cookies.slice(0, 50), p.commentReviewId, SECONDS)],
      ] as const;
      for (const [name, run] of loads) {
        const before = threadCpuMs(server);
        const r = await run();
        const after = threadCpuMs(server);
        const total = after.total - before.total;
        const main = after.main - before.main;
        out(
          `| ${name} | ${r.rps.toFixed(0)} | ${r.p50} / ${r.p99} | ${r.open.rps.toFixed(0)} · ${r.open.p50} / ${r.open.p99} | ${r.allOpenAfterMs} | ${r.errors + r.non2xx} | ${(total / r.posts).toFixed(2)} | ${((total - main) / r.posts).toFixed(2)} |`,
        );
      }
      out();
      for (const [name, run] of loads) {
        startProfiler(server);
        const ran = await run();
        const file = await stopProfiler(server, profileDir);
        for (const l of profileLines(summarizeProfile(name, file, ran.posts))) out(l);
        // Kept for Chrome's DevTools (Performance → load profile).
        fs.mkdirSync("bench-results", { recursive: true });
        fs.copyFileSync(file, path.join("bench-results", `${name.split(" ")[0]}${suffix}.cpuprofile`));
      }
    } finally {
      await server.stop();
    }
  } finally {
    await place?.dropAll();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  writeReport(`bench-writes${suffix}.md`);
}

function checkDatabaseArg() {
  if (DATABASE && DATABASE !== "throwaway" && !isPostgresUrl(DATABASE)) throw new Error(`--database takes a postgres:// address or "throwaway", not ${DATABASE}`);
}

async function main() {
  checkDatabaseArg();
  out(`# Marquee benchmark — ${new Date().toISOString()}`);
  out(`${os.cpus().length} cores, Node ${process.version}, load average ${loadAverage()}`);
  out();
  out("## Rendering markdown at save time");
  out("| body | words | p50 ms |");
  out("| --- | ---: | ---: |");
  for (const words of [1500, 5000]) {
    const src = realisticReview(words);
    out(`| realistic review | ${renderMarkdown(src).words} | ${timeRender(src, 50).toFixed(1)} |`);
  }
  const worst = Object.entries(PATHOLOGICAL)
    .map(([name, src]) => [name, timeRender(src, 3)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  for (const [name, t] of worst) out(`| pathological: ${name} (100 kB) | – | ${t.toFixed(0)} |`);

  build();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-bench-"));
  // The copy of the large database is gigabytes: it goes even when the run is interrupted.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      fs.rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    });
  }
  try {
    const demo = await prepareDemo(filesIn(dir));
    // The processes section starts from the demo as prepared, before the loads below write to it.
    const processesSource = { ...demo.prepared, target: await filesIn(dir).copy(demo.prepared.target, "demo_processes") };
    const large = DEMO_ONLY ? null : await prepareLarge(dir, LARGE_PATH, filesIn(dir));
    console.log("Measuring the demo database…");
    const runs: Measured[] = [await measure(demo.prepared, PORT, { recount: true })];
    if (large) {
      console.log("Measuring the large database…");
      runs.push(await measure(large.prepared, PORT + 1, { recount: false }));
    }
    const a = runs[0]!;

    out();
    out(`## Pages and writes under load (autocannon, 10 connections, ${SECONDS} s each, loopback, no compression)`);
    out(
      `Demo: the seeded demo content plus discussions of 200 and 1,000 comments.${
        large
          ? ` Large: ${Object.entries(large.sizes)
              .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
              .join(", ")} (${(large.bytes / 2 ** 30).toFixed(1)} GiB).`
          : " (Large database skipped: --demo-only.)"
      } CPU is the server process's, per request; the ratio is large/demo CPU per request.`,
    );
    out(
      "(a), (b) and (c) are the 200-comment review: (a) from the cache, signed out; (b) from the cache, signed in, each view also fetching `/api/viewer?review=ID` with the session; (c) with caching off for those requests alone (Next.js draft mode: the page and every `'use cache'` function it calls run afresh, nothing is stored).",
    );
    out();
    for (const l of pagesTable(runs)) out(l);
    out();
    out(`Counters a full recount corrected after the load on the demo database: ${a.drift}.`);
    out(`First (uncached) render of the 1,000-comment review over HTTP: ${runs.map((m) => `${m.label} ${ms(m.coldMs)} ms`).join(", ")}.`);
    out();
    out("## The 200-comment review against its targets");
    out("Server CPU is the server process's (user + system) over the run, divided by the requests (or views) it answered. kB are 1,024 bytes.");
    out();
    for (const l of targetsTable(runs)) out(l);
    out();
    for (const m of runs) out(`How (c) is known to render every time, ${m.label}: ${m.fresh.ok ? "" : "FAILED: "}${m.fresh.detail}.`);
    out(
      `After a write: ${a.regeneration.runs} times an upvote or its undo through POST /api/votes (JSON answer), then one GET of the review, which must show the new count; CPU is read around the GET alone (target: median under ${TARGETS.regenerationMs} ms).`,
    );
    out(
      `Writes once every connection is open: the answers to requests sent after the last connection had its first answer (demo: ${a.votes.allOpenAfterMs} ms into the upvotes, ${a.comments.allOpenAfterMs} ms into the comments). A new connection's first request waits for its accept, and libuv accepts one connection per turn of the event loop (libuv/libuv#3696), so while the server is saturated the last of 50 connections opened at once waits for dozens of turns; the figures in brackets count those first requests too.`,
    );
    out();
    out("## Where a write's time goes (the server's CPU profile, demo database)");
    out(
      "V8's sampling profiler in the server process (every 200 µs) during one more run of each write load, each sample traced through the build's source maps to the file it ran in. Self time, so a part's share is the work done in it, not in what it calls; native work (SQLite's C, hashing, compression) is counted where JavaScript called it.",
    );
    out();
    for (const p of a.profiles) for (const l of profileLines(p)) out(l);
    out("## JavaScript a reader downloads for the 200-comment review (every script and script preload the page names, as sent with gzip)");
    for (const l of readerJsLines(runs)) out(l);

    out();
    out("## A review's discussion: what one render of the page reads (demo database, in process)");
    out("| review | SQL statements | p50 ms to load and build the thread |");
    out("| --- | ---: | ---: |");
    out(`| 10 comments in one tree | ${demo.thread.small.queries} | ${demo.thread.small.ms.toFixed(2)} |`);
    out(`| 1,000 comments in one tree | ${demo.thread.big.queries} | ${demo.thread.big.ms.toFixed(2)} |`);
    out(`Posting the 1,000 comments through createComment: ${demo.thread.postMs.toFixed(2)} ms each.`);
    out();
    out("## Badges and the Ranking (in process)");
    out("| what | p50 ms |");
    out("| --- | ---: |");
    out(`| castVote (an upvote, with everything it does), demo | ${demo.voteCost.voteP50.toFixed(3)} |`);
    out(`| of which badge work on a vote between rungs, demo | ${demo.voteCost.badgeP50.toFixed(3)} |`);
    if (large) {
      out(`| Ranking query, one page by points, large | ${large.rankingQueries.pageP50.toFixed(2)} |`);
      out(`| Ranking query, this month by upvotes, large | ${large.rankingQueries.monthP50.toFixed(2)} |`);
      out(`| a member's own rank, last in the list, large | ${large.rankingQueries.ownP50.toFixed(2)} |`);
    }
    const pg = DATABASE ? await postgresSection(dir, runs, demo) : undefined;
    await processesSection(dir, processesSource, pg);
    await capsSection(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  writeReport("bench.md");
}

type PostgresResults = {
  runs: Measured[];
  demo: Pick<Awaited<ReturnType<typeof prepareDemo>>, "thread" | "voteCost">;
  large: Omit<Awaited<ReturnType<typeof prepareLarge>>, "prepared"> | null;
  version: string;
  /** The processes section on PostgreSQL, measured in the same process on a copy of the demo as prepared. */
  processes: ProcessesRun;
};

/** The PostgreSQL side (a process started on that dialect): the same preparation and measures, into a file. */
async function measurePostgres(file: string) {
  const url = process.env.DATABASE_URL ?? "";
  const place = postgresPlace(url);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-bench-pg-"));
  try {
    console.log("Preparing the demo database on PostgreSQL…");
    const demo = await prepareDemo(place);
    const processesSource = { ...demo.prepared, target: await place.copy(demo.prepared.target, "demo_processes") };
    const large = DEMO_ONLY ? null : await prepareLarge(dir, LARGE_PATH, place);
    console.log("Measuring the demo database on PostgreSQL…");
    const runs = [await measure(demo.prepared, PORT + 3, { recount: true })];
    if (large) {
      console.log("Measuring the large database on PostgreSQL…");
      runs.push(await measure(large.prepared, PORT + 4, { recount: false }));
    }
    const processes = await postgresProcesses(place, processesSource, dir);
    const version = await postgresVersion(url);
    const { prepared: _, ...largeRest } = large ?? { prepared: null };
    const results: PostgresResults = { runs, demo: { thread: demo.thread, voteCost: demo.voteCost }, large: large ? (largeRest as PostgresResults["large"]) : null, version, processes };
    fs.writeFileSync(file, JSON.stringify(results));
  } finally {
    await place.dropAll();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs this script again in a process started on PostgreSQL (tables are picked by the dialect a
 * process starts with): on `--database`'s cluster, or on a throwaway one started here with
 * PostgreSQL's durable defaults. The same arguments, `--database` aside, plus `extra`.
 */
async function againOnPostgres(extra: string[]): Promise<{ throwaway: boolean }> {
  const cluster = DATABASE === "throwaway" ? await startPostgres({ durable: true, name: "marquee-bench" }) : null;
  const url: string = cluster ? cluster.url("postgres") : DATABASE;
  try {
    const rest: string[] = [];
    for (let i = 2; i < process.argv.length; i++) {
      if (process.argv[i] === "--database") i++;
      else rest.push(process.argv[i]!);
    }
    const res = spawnSync(process.execPath, ["--import", "tsx", process.argv[1]!, ...rest, ...extra], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
    if (res.status !== 0) throw new Error(`the measures on PostgreSQL failed (exit ${res.status})`);
  } finally {
    await cluster?.stop();
  }
  return { throwaway: cluster !== null };
}

/**
 * Runs the measures on PostgreSQL (a second process) and reports them beside SQLite's; answers
 * that process's figures for the processes section.
 */
async function postgresSection(dir: string, sqliteRuns: Measured[], demo: Awaited<ReturnType<typeof prepareDemo>>): Promise<PostgresProcesses> {
  const file = path.join(dir, "postgres.json");
  const { throwaway } = await againOnPostgres(["--postgres-results", file]);
  const pg = JSON.parse(fs.readFileSync(file, "utf8")) as PostgresResults;
  out();
  out(`## SQLite and PostgreSQL side by side (PostgreSQL ${pg.version}${throwaway ? ", a throwaway cluster on this machine with its durable defaults: fsync and synchronous commit on" : ""})`);
  out(
    "The same build, pages, members and loads on each dialect (10 connections for pages, as above). SQLite runs in WAL mode with synchronous = NORMAL (a commit is not flushed to disk by itself; a crash of the machine can lose the last commits, never the file); PostgreSQL flushes its write-ahead log at each commit unless the cluster says otherwise. CPU is the Marquee server process's alone: PostgreSQL's own processes are not in it.",
  );
  out();
  for (const l of dialectsTable(sqliteRuns, pg.runs)) out(l);
  out();
  out("| in process, p50 ms | SQLite | PostgreSQL |");
  out("| --- | ---: | ---: |");
  out(`| castVote (an upvote, with everything it does), demo | ${demo.voteCost.voteP50.toFixed(3)} | ${pg.demo.voteCost.voteP50.toFixed(3)} |`);
  out(`| loading and building a 1,000-comment thread | ${demo.thread.big.ms.toFixed(2)} | ${pg.demo.thread.big.ms.toFixed(2)} |`);
  out(`| posting a comment through createComment (1,000 in a row) | ${demo.thread.postMs.toFixed(2)} | ${pg.demo.thread.postMs.toFixed(2)} |`);
  if (pg.large) {
    out(`| Ranking query, one page by points, large | – | ${pg.large.rankingQueries.pageP50.toFixed(2)} |`);
    out(`| Ranking query, this month by upvotes, large | – | ${pg.large.rankingQueries.monthP50.toFixed(2)} |`);
    out(`| a member's own rank, last in the list, large | – | ${pg.large.rankingQueries.ownP50.toFixed(2)} |`);
  }
  if (pg.large?.copied) {
    out();
    out(
      `The large database went into PostgreSQL with db:copy: ${pg.large.copied.rows.toLocaleString("en-US")} rows in ${(pg.large.copied.ms / 1000).toFixed(0)} s (${Math.round(pg.large.copied.rows / (pg.large.copied.ms / 1000)).toLocaleString("en-US")} rows/s), the row counts checked on both sides; ${(pg.large.bytes / 2 ** 30).toFixed(1)} GiB on PostgreSQL.`,
    );
  }
  out();
  out("### PostgreSQL: pages and writes under load");
  for (const l of pagesTable(pg.runs)) out(l);
  out();
  out(`Counters a full recount corrected after the load on the demo database on PostgreSQL: ${pg.runs[0]!.drift}.`);
  out();
  for (const l of targetsTable(pg.runs)) out(l);
  out();
  out("### Where a write's time goes on PostgreSQL (the server's CPU profile, demo database)");
  for (const p of pg.runs[0]!.profiles) for (const l of profileLines(p)) out(l);
  return { run: pg.processes, throwaway };
}

/** The processes section's figures on PostgreSQL, and whether its cluster was a throwaway one. */
type PostgresProcesses = { run: ProcessesRun; throwaway: boolean };

/**
 * One server process against several on the demo database: SQLite's cluster here; with
 * --database, one PostgreSQL instance against two behind nginx, measured by a process on that
 * dialect: `pg` when the PostgreSQL section's process measured it already, else a process of its
 * own (--processes-only --postgres-results FILE). `source`: the demo as prepared, if it is already.
 */
async function processesSection(dir: string, source?: Prepared, pg?: PostgresProcesses) {
  const place = filesIn(fs.mkdtempSync(path.join(dir, "processes-")));
  const demo = source ?? (await prepareDemo(place)).prepared;
  console.log("Measuring one process against a primary with two workers (SQLite)…");
  const sqlite = await measureSqliteProcesses(place, demo, { port: PORT + 5, seconds: SECONDS, env: SERVER_ENV });
  out();
  out(`## One process and several (demo database, ${SECONDS} s per case at 10 and at 50 connections, loopback, no compression)`);
  out(
    `Each setup on a fresh copy of the demo database, under the same loads in the same order. Server CPU is user + system summed over every process of the server (the one process; or the primary and each worker; or both instances), per request (per view for the signed-in views, page and JSON; per post for the writes). RSS is each process's at the end of the case. Writes' p99 is over the whole run, connections opening included; "once open" counts only the requests sent once every connection had its first answer. The load generator shares the machine's ${os.cpus().length} cores with the server.`,
  );
  out();
  out("### SQLite: WEB_CONCURRENCY=1 (one process) and WEB_CONCURRENCY=2 (a primary and two workers on one port)");
  for (const l of processesLines(sqlite)) out(l);
  out();
  out(`Load average after SQLite's setups: ${loadAverage()}.`);
  if (!DATABASE) return;
  if (!pg) {
    const file = path.join(dir, "processes-pg.json");
    const { throwaway } = await againOnPostgres(["--postgres-results", file]);
    pg = { run: JSON.parse(fs.readFileSync(file, "utf8")) as ProcessesRun, throwaway };
  }
  out();
  out(`### PostgreSQL ${pg.run.version ?? ""}: one instance, and two behind nginx${pg.throwaway ? " (a throwaway cluster on this machine, fsync and synchronous commit on)" : ""}`);
  out(
    "Two instances of one process each (WEB_CONCURRENCY=1), one database, one AUTH_SECRET, AUTH_URL set to nginx's address and TRUST_PROXY=1, behind nginx as scripts/nginx.mjs configures it from deploy/nginx/marquee.conf; the single instance is reached directly. Server CPU is both instances'; nginx's own is its column. PostgreSQL's processes are in neither.",
  );
  out();
  for (const l of processesLines(pg.run)) out(l);
  out();
  out(`Load average after PostgreSQL's setups: ${pg.run.loadAverage ?? "–"}.`);
}

async function processesOnly() {
  checkDatabaseArg();
  out(`# Marquee benchmark, one process and several — ${new Date().toISOString()}`);
  out(`${os.cpus().length} cores, Node ${process.version}, load average ${loadAverage()}`);
  build();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-bench-"));
  try {
    await processesSection(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  writeReport("bench-processes.md");
}

/** One instance against two behind nginx, in a process on PostgreSQL, on copies of `source`. */
async function postgresProcesses(place: ReturnType<typeof postgresPlace>, source: Prepared, dir: string): Promise<ProcessesRun> {
  console.log("Measuring one instance against two behind nginx (PostgreSQL)…");
  const run = await measurePostgresProcesses(place, source, { port: PORT + 5, seconds: SECONDS, env: SERVER_ENV, dir });
  return { ...run, version: await postgresVersion(process.env.DATABASE_URL ?? ""), loadAverage: loadAverage() };
}

/** The PostgreSQL side of --processes-only (a process started on that dialect), into a file. */
async function processesOnPostgres(file: string) {
  const place = postgresPlace(process.env.DATABASE_URL ?? "");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-bench-pg-"));
  try {
    console.log("Preparing the demo database on PostgreSQL…");
    const demo = (await prepareDemo(place)).prepared;
    fs.writeFileSync(file, JSON.stringify(await postgresProcesses(place, demo, dir)));
  } finally {
    await place.dropAll();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const postgresResults = (file: string) => (PROCESSES_ONLY ? processesOnPostgres(file) : measurePostgres(file));

(POSTGRES_RESULTS ? postgresResults(POSTGRES_RESULTS) : CAPS_ONLY ? capsOnly() : WRITES_ONLY ? writesOnly() : PROCESSES_ONLY ? processesOnly() : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});

function loadAverage() {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
}

/** The report so far, into bench-results/<name>. */
function writeReport(name: string) {
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(path.join("bench-results", name), lines.join("\n") + "\n");
  console.log(`\nWritten to bench-results/${name}`);
}
