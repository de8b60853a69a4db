// The first request for a review page after a write expired it: the render that refills the cache.
import { median } from "./sample-review";
import { serverCpuMs, type Server } from "./server";

export type Regeneration = { runs: number; medianMs: number; maxMs: number; cpuMsPerRender: number; stale: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `runs` times: an upvote (or its undo, in turn, so the review ends as it began) through
 * POST /api/votes, then one GET of the review page, timed from the reader's side. The server's CPU
 * is read around the GET alone, with a pause either side so the vote's work and the refill's
 * trailing cache write fall where they belong. A page still showing the count from before the vote
 * counts as stale.
 */
export async function firstRegeneration(server: Server, reviewId: number, url: string, cookie: string, runs = 20): Promise<Regeneration> {
  const walls: number[] = [];
  let cpu = 0;
  let stale = 0;
  // Warm: the page is in the cache before the first write.
  await fetch(server.base + url).then((r) => r.arrayBuffer());
  for (let i = 0; i < runs; i++) {
    const vote = await fetch(`${server.base}/api/votes`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", origin: server.base, cookie },
      body: new URLSearchParams({ type: "review", id: String(reviewId), value: i % 2 === 0 ? "up" : "none", back: url }).toString(),
    });
    const answer = (await vote.json()) as { ok?: boolean; data?: { count?: number } };
    if (!answer.ok || typeof answer.data?.count !== "number") throw new Error(`the upvote on review ${reviewId} was refused: ${JSON.stringify(answer)}`);
    await sleep(100);
    const cpuBefore = serverCpuMs(server);
    const t = performance.now();
    const html = await fetch(server.base + url).then((r) => r.text());
    walls.push(performance.now() - t);
    await sleep(100);
    cpu += serverCpuMs(server) - cpuBefore;
    const shown = new RegExp(`data-testid="count-r${reviewId}"[^>]*>([\\d,]+) upvotes?<`).exec(html)?.[1];
    if (Number(shown?.replace(/,/g, "")) !== answer.data.count) stale++;
  }
  return { runs, medianMs: median(walls), maxMs: Math.max(...walls), cpuMsPerRender: cpu / runs, stale };
}
