import { performance } from "node:perf_hooks";
import { expect, test, type Instance, type Site } from "./site";
import { clients, get, Recorder, tally } from "./load";

// A rolling restart under read load fails no request: readers keep fetching pages through nginx
// while A is stopped (SIGTERM, as a process manager stops it), started again and taken back by
// nginx, then B the same way. Every answer must be a whole 200: the server drains what it has
// in flight before it exits, and nginx passes a request a stopping server refuses to the other.

const READERS = 4;

/** Pages a reader fetches in turn: shared pages, a member's page, and a build file. */
async function pages(site: Site): Promise<string[]> {
  const { rows } = await site.db.query<{ review: string; film: string; member: string }>(
    `select p.slug as review, f.slug as film, u.username as member
     from posts p join films f on f.id = p.film_id join users u on u.id = p.author_id
     where p.status = 'published' order by p.id limit 1`,
  );
  expect(rows).toHaveLength(1);
  const home = await (await fetch(`${site.origin}/`)).text();
  const script = home.match(/\/_next\/static\/[\w\-./~]+\.js/)?.[0];
  expect(script, "the home page names a build script").toBeTruthy();
  const { review, film, member } = rows[0]!;
  return ["/", `/reviews/${review}`, "/feed/new", `/films/${film}`, `/u/${member}`, "/badges", script!];
}

test("restarting A then B under read load fails no request", async ({ site }, testInfo) => {
  const paths = await pages(site);
  const names = { [site.a.upstream]: "A", [site.b.upstream]: "B" };
  const reads = new Recorder();
  const load = clients(READERS, async (i, round) => reads.add(await get(site, paths[(i + round) % paths.length]!)));
  const servedBy = (instance: Instance, since: number) => (all: typeof reads.outcomes) =>
    all.some((o) => o.started > since && o.ok && o.upstreams.length === 1 && o.upstreams[0] === instance.upstream);

  const steps: string[] = [];
  try {
    // nginx may still be leaving a server out after an earlier journey stopped it: start once both serve.
    await reads.until("answers from A and from B", (all) => servedBy(site.a, 0)(all) && servedBy(site.b, 0)(all));
    for (const instance of [site.a, site.b]) {
      const exit = await instance.stop();
      steps.push(`${instance.name} exited with ${exit.signal ?? `code ${exit.code}`} after SIGTERM`);
      expect(exit, `${instance.name} exits cleanly on SIGTERM`).toEqual({ code: 0, signal: null });
      await instance.start();
      // Healthy is not enough: nginx takes a server back only once its fail_timeout has passed.
      const back = performance.now();
      await reads.until(`nginx to send requests to ${instance.name} again`, servedBy(instance, back));
      steps.push(`${instance.name} restarted and answering through nginx`);
    }
  } finally {
    await load.stop();
  }

  const all = reads.outcomes;
  const failed = all.filter((o) => !o.ok);
  const report = [`${all.length} requests by ${READERS} readers: ${tally(all, names)}`, ...steps, `${failed.length} failed${failed.length ? `: ${failed.slice(0, 10).map((o) => `${o.what} → ${o.status ?? o.error} (${o.upstreams.join(", ") || "nginx alone"})`).join("; ")}` : ""}`].join("\n");
  console.log(`\nrolling restart under reads:\n${report}`);
  testInfo.annotations.push({ type: "rolling restart", description: report });
  expect(failed, "requests that did not get a whole 200").toEqual([]);
});
