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
import { load, startServer, type LoadResult } from "./bench/server";
// @ts-expect-error: a plain ES module without types
import { build } from "./build-if-needed.mjs";

const lines: string[] = [];
const out = (s = "") => {
  console.log(s);
  lines.push(s);
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
  db.$client.close();

  const server = await startServer(dbPath, 3600);
  const results: LoadResult[] = [];
  try {
    results.push(await load(server, "review, 5,000-word body", `/reviews/${long.slug}`));
    results.push(await load(server, "home (Hot)", "/"));
    results.push(await load(server, "feed: New", "/feed/new"));
    results.push(await load(server, "film page", "/films/sunrise-a-song-of-two-humans-1927"));
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  out();
  out("## Pages under load (autocannon, 10 connections, 10 s each, loopback)");
  out("| page | req/s | p50 ms | p99 ms | errors | non-2xx | server CPU ms/req | RSS MB | body kB |");
  out("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    out(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.cpuMsPerReq.toFixed(2)} | ${r.rssMb.toFixed(0)} | ${(r.bytes / 1024).toFixed(0)} |`);
  }
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(path.join("bench-results", "bench.md"), lines.join("\n") + "\n");
  console.log("\nWritten to bench-results/bench.md");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
