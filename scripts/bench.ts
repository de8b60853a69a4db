// `npm run bench`: render times at save time, then a production server under load on loopback.
// Prints a Markdown table and writes it to bench-results/bench.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDb } from "@/db";
import { users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import { renderMarkdown } from "@/lib/markdown/render";
import { createReview } from "@/lib/reviews/create-review";
import { PATHOLOGICAL } from "@/tests/fixtures/pathological-markdown";
import { median, realisticReview } from "./bench/sample-review";
import { measurePageData, seedOneTree } from "./bench/thread";
import { SESSION_COOKIE, loadVotes, makeVoters, sessionCookie, type VoteLoad } from "./bench/votes";
import { recountAll } from "@/lib/recount";
import { posts } from "@/db/schema";
import { BENCH_SECRET, load, startServer, type LoadResult } from "./bench/server";
import { makeRankedMembers, measureRankingQueries, measureVoteBadgeCost } from "./bench/badges";
// @ts-expect-error: a plain ES module without types
import { build } from "./build-if-needed.mjs";

const lines: string[] = [];
const VOTERS = 400;
const RANKED_MEMBERS = 20_000;
const out = (s = "") => {
  console.log(s);
  lines.push(s);
};

/** Time of the first request for a page nobody has asked for yet: the render that fills the cache. */
async function coldRender(base: string, url: string): Promise<number> {
  const t = performance.now();
  await fetch(base + url).then((r) => r.arrayBuffer());
  return performance.now() - t;
}

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
  for (const [name, ms] of worst) out(`| pathological: ${name} (100 kB) | – | ${ms.toFixed(0)} |`);

  build();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-bench-"));
  const dbPath = path.join(dir, "bench.db");
  const db = openDb(dbPath);
  await seedIfEmpty(db);
  const author = db.select({ id: users.id }).from(users).where(eq(users.username, "ingrid_alvarado")).get()!;
  const long = createReview(db, author.id, { title: "A five thousand word reading of Sunrise", filmTitle: "Sunrise: A Song of Two Humans", filmYear: "1927", score: "9", tags: "silent-era", body: realisticReview(5000), intent: "publish" });
  const voterIds = makeVoters(db, VOTERS);
  // Members who have not commented yet, so flood control allows a comment a minute between them.
  const commenters = voterIds.slice(0, 50);
  const discussed = (title: string) =>
    createReview(db, author.id, { title, filmTitle: "The Third Man", filmYear: "1949", score: "8", body: realisticReview(1500), intent: "publish" }, new Date(Date.now() - 30 * 86_400_000));
  const small = discussed("Ten comments on Vienna");
  const big = discussed("A thousand comments on Vienna");
  seedOneTree(db, small.id, commenters, 10, new Date(Date.now() - 29 * 86_400_000));
  const t0 = performance.now();
  seedOneTree(db, big.id, commenters, 1000, new Date(Date.now() - 28 * 86_400_000));
  const postMs = (performance.now() - t0) / 1000;
  const smallData = measurePageData(db, small.slug);
  const bigData = measurePageData(db, big.slug);
  const votedReviews = db.select({ id: posts.id }).from(posts).where(eq(posts.status, "published")).all().map((p) => p.id).slice(0, 20);
  const voteCost = measureVoteBadgeCost(db, voterIds, long.id, author.id);
  const ranked = makeRankedMembers(db, RANKED_MEMBERS);
  // Someone far down the list, to ask for their own rank.
  const lowRanked = ranked.find((id) => db.$client.prepare("select badge_points from users where id = ?").pluck().get(id) === 1) ?? ranked[0]!;
  const rankingQueries = measureRankingQueries(db, lowRanked);
  db.$client.close();
  const cookies = await Promise.all(voterIds.map((id) => sessionCookie(BENCH_SECRET, id)));
  // A demo member with notices, for the per-viewer routes.
  const reader = { cookie: `${SESSION_COOKIE}=${await sessionCookie(BENCH_SECRET, author.id)}` };
  const rankedReader = { cookie: `${SESSION_COOKIE}=${await sessionCookie(BENCH_SECRET, lowRanked)}` };

  const server = await startServer(dbPath, 3600, {
    // Members here vote far faster than people do: the limits would answer most of the load with 429.
    VOTE_BURST_PER_MINUTE: "100000",
    VOTE_DAILY_CAP: "1000000",
    VOTE_NEWCOMER_BURST_PER_MINUTE: "100000",
    VOTE_NEWCOMER_DAILY_CAP: "1000000",
  });
  let votes: VoteLoad | null = null;
  const results: LoadResult[] = [];
  let coldMs = 0;
  let rankingCold = 0;
  try {
    results.push(await load(server, "review, 5,000-word body", `/reviews/${long.slug}`));
    coldMs = await coldRender(server.base, `/reviews/${big.slug}`);
    results.push(await load(server, "review, 1,000 comments in one tree", `/reviews/${big.slug}`));
    results.push(await load(server, "home (Hot)", "/"));
    results.push(await load(server, "feed: New", "/feed/new"));
    results.push(await load(server, "film page", "/films/sunrise-a-song-of-two-humans-1927"));
    results.push(await load(server, "profile", "/u/ingrid_alvarado"));
    results.push(await load(server, "/api/viewer, signed in (name, avatar, unread count)", "/api/viewer", { headers: reader }));
    results.push(await load(server, "notifications, signed in (per-user page)", "/notifications", { headers: reader }));
    rankingCold = await coldRender(server.base, "/ranking/points/all/2");
    results.push(await load(server, `Ranking, ${RANKED_MEMBERS.toLocaleString("en-US")} members (badge points, all time)`, "/ranking"));
    results.push(await load(server, "Ranking, this month by upvotes", "/ranking/upvotes/month"));
    results.push(await load(server, "/api/ranking/me, signed in, far down the list", "/api/ranking/me?by=points&period=all", { headers: rankedReader }));
    await loadVotes(server, cookies, votedReviews, 4); // warm-up, not reported
    votes = await loadVotes(server, cookies, votedReviews);
  } finally {
    await server.stop();
  }
  const after = openDb(dbPath);
  // The ranked members' standings were written directly (no votes or badges behind them): they
  // leave before the recount, which then checks only what the real verbs wrote.
  after.$client.prepare("delete from users where username like 'ranked\\_%' escape '\\'").run();
  const corrections = recountAll(after);
  const voteRows = after.$client.prepare("select count(*) from post_votes").pluck().get() as number;
  after.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
  out();
  out("## Pages under load (autocannon, 10 connections, 10 s each, loopback)");
  out("| page | req/s | p50 ms | p99 ms | errors | non-2xx | server CPU ms/req | RSS MB | body kB |");
  out("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    out(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.cpuMsPerReq.toFixed(2)} | ${r.rssMb.toFixed(0)} | ${(r.bytes / 1024).toFixed(0)} |`);
  }
  if (votes) {
    const drift = Object.values(corrections).reduce((a, b) => a + b, 0);
    out();
    out(`## Upvotes through POST /api/votes (autocannon, 50 connections, 10 s, ${VOTERS} members, JSON answers)`);
    out("| votes | votes/s | p50 ms | p99 ms | errors | non-2xx | counters off afterwards |");
    out("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    out(`| ${votes.votes} | ${votes.rps.toFixed(0)} | ${votes.p50} | ${votes.p99} | ${votes.errors} | ${votes.non2xx} | ${drift} |`);
    out();
    out(`Vote rows left on reviews: ${voteRows}. Every counter was recounted from the vote rows afterwards; "counters off" is how many rows that corrected.`);
  }
  out();
  out("## Badges");
  out("| what | p50 ms |");
  out("| --- | ---: |");
  out(`| castVote (an upvote, in process, with everything it does) | ${voteCost.voteP50.toFixed(3)} |`);
  out(`| of which badge work on a vote between rungs (month's standing, rung check) | ${voteCost.badgeP50.toFixed(3)} |`);
  out(`| Ranking query, one page of ${RANKED_MEMBERS.toLocaleString("en-US")} members by points | ${rankingQueries.pageP50.toFixed(2)} |`);
  out(`| Ranking query, this month by upvotes | ${rankingQueries.monthP50.toFixed(2)} |`);
  out(`| a member's own rank, far down the list | ${rankingQueries.ownP50.toFixed(2)} |`);
  out();
  out(`First (uncached) render of a Ranking page over HTTP: ${rankingCold.toFixed(0)} ms; after that the page is served from the cache until a vote, grant or publication changes it.`);
  out();
  out("## A review's discussion: what one render of the page reads");
  out("| review | comments | SQL statements | p50 ms to load and build the thread |");
  out("| --- | ---: | ---: | ---: |");
  out(`| 10 comments in one tree | 10 | ${smallData.queries} | ${smallData.ms.toFixed(2)} |`);
  out(`| 1,000 comments in one tree | 1,000 | ${bigData.queries} | ${bigData.ms.toFixed(2)} |`);
  out();
  out(`Posting the 1,000 comments through createComment: ${postMs.toFixed(2)} ms each. First (uncached) render of the 1,000-comment page over HTTP: ${coldMs.toFixed(0)} ms.`);
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(path.join("bench-results", "bench.md"), lines.join("\n") + "\n");
  console.log("\nWritten to bench-results/bench.md");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
