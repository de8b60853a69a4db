// `npm run bench`: render times at save time, then the production server under load on loopback,
// once on the demo database and once on a large one, with the ratio large/demo for every page.
// Prints Markdown tables and writes them to bench-results/bench.md.
//
//   npm run bench [-- --large data/large.db] [--seconds 10]
//
// The large database is made with `npm run seed:large` (the default sizes) when the file is
// missing; the benchmark works on a copy of it, so the file itself is never changed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { openDb, type DB } from "@/db";
import { posts, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import { largeLandmarks, seedLarge } from "@/db/seed-large";
import { renderMarkdown } from "@/lib/markdown/render";
import { recountAll } from "@/lib/recount";
import { createReview } from "@/lib/reviews/create-review";
import { PATHOLOGICAL } from "@/tests/fixtures/pathological-markdown";
import { measureRankingQueries, measureVoteBadgeCost } from "./bench/badges";
import { loadComments } from "./bench/comments";
import { readerJavaScript } from "./bench/reader-js";
import { median, realisticReview } from "./bench/sample-review";
import { BENCH_SECRET, load, startServer, type LoadResult, type PostLoad } from "./bench/server";
import { measurePageData, seedOneTree } from "./bench/thread";
import { SESSION_COOKIE, loadVotes, makeVoters, sessionCookie } from "./bench/votes";
// @ts-expect-error: a plain ES module without types
import { build } from "./build-if-needed.mjs";

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
const VOTERS = 400;
/** The sizes the quality bar names: 20k members, 100k reviews, 1M comments, 5M upvotes. */
const LARGE_SIZES = { users: 20_000, reviews: 100_000, comments: 1_000_000, votes: 5_000_000 };
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

/** What one database is measured with: the same pages and writes on each. */
type Prepared = {
  label: string;
  dbPath: string;
  pages: { name: string; url: string; signedIn?: boolean }[];
  reviewPage: string;
  voteReviewIds: number[];
  commentReviewId: number;
  voterIds: string[];
  readerId: string;
};

type Measured = { pages: LoadResult[]; votes: PostLoad; comments: PostLoad; coldMs: number; readerJs: Awaited<ReturnType<typeof readerJavaScript>>; drift: number | null };

const boardOf = (db: DB) =>
  db.$client.prepare("select username from users where is_system = 0 order by badge_points desc, created_at limit 1").pluck().get() as string;
const filmOfMostReviews = (db: DB) => db.$client.prepare("select slug from films order by review_count desc, id limit 1").pluck().get() as string;

function pagesFor(db: DB, review200: string, review1000: string): Prepared["pages"] {
  const board = boardOf(db);
  return [
    { name: "home (Hot)", url: "/" },
    { name: "feed: New", url: "/feed/new" },
    { name: "review, 200 comments", url: `/reviews/${review200}` },
    { name: "review, 1,000 comments", url: `/reviews/${review1000}` },
    { name: "film page", url: `/films/${filmOfMostReviews(db)}` },
    { name: "Ranking (badge points, all time)", url: "/ranking" },
    { name: "Ranking, this month by upvotes", url: "/ranking/upvotes/month" },
    { name: "badge board", url: `/u/${board}/badges` },
    { name: "profile", url: `/u/${board}` },
    { name: "/api/viewer, signed in", url: "/api/viewer", signedIn: true },
    { name: "/api/ranking/me, signed in", url: "/api/ranking/me?by=points&period=all", signedIn: true },
  ];
}

/** The demo database, plus two discussions of 200 and 1,000 comments and members to vote and comment. */
async function prepareDemo(dir: string) {
  const dbPath = path.join(dir, "demo.db");
  const db = openDb(dbPath);
  await seedIfEmpty(db);
  const author = db.select({ id: users.id }).from(users).where(eq(users.username, "ingrid_alvarado")).get()!;
  const voterIds = makeVoters(db, VOTERS);
  const commenters = voterIds.slice(0, 50);
  const discussed = (title: string, daysAgo: number) =>
    createReview(db, author.id, { title, filmTitle: "The Third Man", filmYear: "1949", score: "8", body: realisticReview(1500), intent: "publish" }, new Date(Date.now() - daysAgo * 86_400_000));
  const r200 = discussed("Two hundred comments on Vienna", 31);
  const r1000 = discussed("A thousand comments on Vienna", 30);
  const small = discussed("Ten comments on Vienna", 32);
  seedOneTree(db, small.id, commenters, 10, new Date(Date.now() - 29 * 86_400_000));
  // In date order: the duplicate-comment rule compares with a member's latest comments.
  const t0 = performance.now();
  seedOneTree(db, r1000.id, commenters, 1000, new Date(Date.now() - 28 * 86_400_000));
  const postMs = (performance.now() - t0) / 1000;
  seedOneTree(db, r200.id, commenters, 200, new Date(Date.now() - 26 * 86_400_000));
  const thread = { small: measurePageData(db, small.slug), big: measurePageData(db, r1000.slug), postMs };
  const voteCost = measureVoteBadgeCost(db, voterIds, r200.id, author.id);
  const published = db.select({ id: posts.id }).from(posts).where(eq(posts.status, "published")).all().map((p) => p.id);
  const prepared: Prepared = {
    label: "demo",
    dbPath,
    pages: pagesFor(db, r200.slug, r1000.slug),
    reviewPage: `/reviews/${r200.slug}`,
    voteReviewIds: published.slice(0, 20),
    commentReviewId: small.id,
    voterIds,
    readerId: author.id,
  };
  db.$client.close();
  return { prepared, thread, voteCost };
}

/** A copy of the large database (made first if missing), plus members to vote and comment. */
async function prepareLarge(dir: string) {
  if (!fs.existsSync(LARGE_PATH)) {
    console.log(`No large database at ${LARGE_PATH}: making one with the default sizes (this takes minutes)…`);
    fs.mkdirSync(path.dirname(LARGE_PATH), { recursive: true });
    const made = openDb(LARGE_PATH);
    seedLarge(made, { ...LARGE_SIZES, log: (l) => console.log(`  ${l}`) });
    made.$client.close();
  }
  // Fold the write-ahead log in, so a plain copy holds everything.
  const src = new Database(LARGE_PATH);
  src.pragma("wal_checkpoint(TRUNCATE)");
  src.close();
  const dbPath = path.join(dir, "large.db");
  fs.copyFileSync(LARGE_PATH, dbPath);
  const db = openDb(dbPath);
  const marks = largeLandmarks(db);
  const [t200, t1000] = [200, 1000].map((n) => marks.threads.find((t) => t.comments === n)?.slug);
  if (!t200 || !t1000) throw new Error(`${LARGE_PATH} has no review with exactly 200 and 1,000 comments: make it again with npm run seed:large`);
  const voterIds = makeVoters(db, VOTERS);
  const ids = db.$client.prepare("select id from posts where status = 'published' order by upvote_count desc limit 20").pluck().all() as number[];
  const quiet = db.$client.prepare("select id from posts where status = 'published' and comment_count < 20 order by id limit 1").pluck().get() as number;
  const lowRanked = db.$client.prepare("select id from users where is_system = 0 order by badge_points, created_at desc limit 1").pluck().get() as string;
  const rankingQueries = measureRankingQueries(db, lowRanked);
  const prepared: Prepared = {
    label: "large",
    dbPath,
    pages: pagesFor(db, t200, t1000),
    reviewPage: `/reviews/${t200}`,
    voteReviewIds: ids,
    commentReviewId: quiet,
    voterIds,
    readerId: lowRanked,
  };
  const sizes = db.$client
    .prepare(
      "select (select count(*) from users) as users, (select count(*) from posts) as reviews, (select count(*) from comments) as comments, (select count(*) from post_votes) + (select count(*) from comment_votes) as votes",
    )
    .get() as Record<string, number>;
  db.$client.close();
  return { prepared, rankingQueries, sizes, bytes: fs.statSync(dbPath).size };
}

async function measure(p: Prepared, port: number, opts: { recount: boolean }): Promise<Measured> {
  const cookies = await Promise.all(p.voterIds.map((id) => sessionCookie(BENCH_SECRET, id)));
  const reader = { cookie: `${SESSION_COOKIE}=${await sessionCookie(BENCH_SECRET, p.readerId)}` };
  const server = await startServer(p.dbPath, port, SERVER_ENV);
  try {
    const coldMs = await coldRender(server.base, p.pages[3]!.url);
    const pages: LoadResult[] = [];
    for (const page of p.pages) {
      console.log(`  ${p.label}: ${page.name}`);
      pages.push(await load(server, page.name, page.url, { seconds: SECONDS, headers: page.signedIn ? reader : {} }));
    }
    const readerJs = await readerJavaScript(server.base, p.reviewPage);
    await loadVotes(server, cookies, p.voteReviewIds, 2); // warm-up, not reported
    const votes = await loadVotes(server, cookies, p.voteReviewIds, SECONDS);
    const comments = await loadComments(server, cookies.slice(0, 50), p.commentReviewId, SECONDS);
    await server.stop();
    // The bench members' votes and comments went through the verbs: a recount must find nothing
    // to correct. (A full recount of the large database takes far longer than the load itself.)
    let drift: number | null = null;
    if (opts.recount) {
      const after = openDb(p.dbPath);
      drift = Object.values(recountAll(after)).reduce((a, b) => a + b, 0);
      after.$client.close();
    }
    return { pages, votes, comments, coldMs, readerJs, drift };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

async function main() {
  out(`# Marquee benchmark — ${new Date().toISOString()}`);
  out(`${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
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
  try {
    const demo = await prepareDemo(dir);
    const large = await prepareLarge(dir);
    console.log("Measuring the demo database…");
    const a = await measure(demo.prepared, 3600, { recount: true });
    console.log("Measuring the large database…");
    const b = await measure(large.prepared, 3601, { recount: false });

    out();
    out(`## Pages and writes under load (autocannon, 10 connections, ${SECONDS} s each, loopback, no compression)`);
    out(
      `Demo: the seeded demo content plus discussions of 200 and 1,000 comments. Large: ${Object.entries(large.sizes)
        .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
        .join(", ")} (${(large.bytes / 2 ** 30).toFixed(1)} GiB). CPU is the server process's, per request; the ratio is large/demo CPU per request.`,
    );
    out();
    out("| page | demo req/s | demo p50 / p99 ms | demo errors | demo CPU ms/req | demo RSS MB | large req/s | large p50 / p99 ms | large errors | large CPU ms/req | large RSS MB | ratio large/demo | body kB demo / large |");
    out("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    a.pages.forEach((x, i) => {
      const y = b.pages[i]!;
      out(
        `| ${x.name} | ${x.rps.toFixed(0)} | ${x.p50} / ${x.p99} | ${x.errors + x.non2xx} | ${x.cpuMsPerReq.toFixed(2)} | ${x.rssMb.toFixed(0)} | ${y.rps.toFixed(0)} | ${y.p50} / ${y.p99} | ${y.errors + y.non2xx} | ${y.cpuMsPerReq.toFixed(2)} | ${y.rssMb.toFixed(0)} | ${(y.cpuMsPerReq / x.cpuMsPerReq).toFixed(2)} | ${(x.bytes / 1024).toFixed(0)} / ${(y.bytes / 1024).toFixed(0)} |`,
      );
    });
    const writeRow = (name: string, x: PostLoad, y: PostLoad) =>
      out(`| ${name} | ${x.rps.toFixed(0)} | ${x.p50} / ${x.p99} | ${x.errors + x.non2xx} | – | – | ${y.rps.toFixed(0)} | ${y.p50} / ${y.p99} | ${y.errors + y.non2xx} | – | – | ${(x.rps / y.rps).toFixed(2)} (req/s demo/large) | – |`);
    writeRow("upvote (POST /api/votes, 50 connections, up and undo)", a.votes, b.votes);
    writeRow("comment (POST /api/comments, 10 connections)", a.comments, b.comments);
    out();
    out(`Counters a full recount corrected after the load on the demo database: ${a.drift}.`);
    out(`First (uncached) render of the 1,000-comment review over HTTP: demo ${ms(a.coldMs)} ms, large ${ms(b.coldMs)} ms.`);
    out();
    out("## JavaScript a reader downloads for the 200-comment review (every script the page names, gzip)");
    out("| database | script files | JavaScript kB gzipped | the page's HTML kB gzipped |");
    out("| --- | ---: | ---: | ---: |");
    for (const [label, m] of [["demo", a], ["large", b]] as const) out(`| ${label} | ${m.readerJs.files} | ${m.readerJs.gzipKb.toFixed(1)} | ${m.readerJs.htmlGzipKb.toFixed(1)} |`);

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
    out(`| Ranking query, one page by points, large | ${large.rankingQueries.pageP50.toFixed(2)} |`);
    out(`| Ranking query, this month by upvotes, large | ${large.rankingQueries.monthP50.toFixed(2)} |`);
    out(`| a member's own rank, last in the list, large | ${large.rankingQueries.ownP50.toFixed(2)} |`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(path.join("bench-results", "bench.md"), lines.join("\n") + "\n");
  console.log("\nWritten to bench-results/bench.md");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
