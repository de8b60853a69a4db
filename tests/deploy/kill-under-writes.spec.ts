import { performance } from "node:perf_hooks";
import { backInRotation, expect, test, type Site } from "./site";
import { clients, post, Recorder, tally, type Outcome } from "./load";
import { reviewOpenTo } from "./journeys";

// Server A killed with SIGKILL while members write through nginx: no acknowledged write is lost,
// nothing is written twice, and once A is gone every request goes to B and succeeds. Only a
// request in flight at the kill may fail (nginx never sends a POST that reached A again).

type Write = Outcome & { kind: "comment" | "vote"; member: string; body?: string; commentId?: number };

const CLIENTS = 6;
const BEFORE_KILL = 12; // writes acknowledged by A before it is killed
const AFTER_KILL = 30; // writes that must succeed once A is gone

/** Live comments by demo members on published reviews: what the load's members upvote (never their own, nor Marquee's badge notes). */
async function voteTargets(site: Site): Promise<number[]> {
  const { rows } = await site.db.query<{ id: number }>(
    `select c.id from comments c join users u on u.id = c.author_id join posts p on p.id = c.post_id
     where c.deleted_at is null and not u.is_system and p.status = 'published' order by c.id limit 150`,
  );
  return rows.map((r) => r.id);
}

test("SIGKILL to one server under write load: every acknowledged write is in PostgreSQL, and the other server carries on", async ({ site }, testInfo) => {
  const review = await reviewOpenTo(site, [], 2);
  const members = await site.members("load", CLIENTS);
  const cookies = await Promise.all(members.map((m) => site.cookie(m)));
  const targets = await voteTargets(site);
  const names = { [site.a.upstream]: "A", [site.b.upstream]: "B" };
  const writes = new Recorder<Write>();
  const run = `${Date.now().toString(36)}`;

  // Each client alternates a comment and an upvote; even clients as the page's script (JSON), odd ones as plain forms.
  const load = clients(CLIENTS, async (i, round) => {
    const member = members[i]!;
    const json = i % 2 === 0;
    if (round % 2 === 0) {
      const body = `Load ${run} from ${member.username}, round ${round}: the long take in the stairwell still holds up.`;
      const res = await post(site, "/api/comments", cookies[i]!, { reviewId: String(review.id), parentId: "", body }, json);
      writes.add({ ...res, kind: "comment", member: member.id, body });
    } else {
      const commentId = targets[(i * 17 + round) % targets.length]!;
      const res = await post(site, "/api/votes", cookies[i]!, { type: "comment", id: String(commentId), value: "up", back: "/" }, json);
      writes.add({ ...res, kind: "vote", member: member.id, commentId });
    }
  });

  let killSent = 0;
  let killSeen = Infinity;
  try {
    await writes.until(`${BEFORE_KILL} writes acknowledged by A`, (all) => all.filter((w) => w.ok && w.upstreams.at(-1) === site.a.upstream).length >= BEFORE_KILL);
    killSent = performance.now();
    const exit = await site.a.kill();
    killSeen = performance.now();
    expect(exit.signal, "A died of SIGKILL").toBe("SIGKILL");
    await writes.until(`${AFTER_KILL} writes sent after A was gone and acknowledged`, (all) => all.filter((w) => w.ok && w.started > killSeen).length >= AFTER_KILL);
    // Once fail_timeout has passed nginx tries A again: its connection is refused, and the POST,
    // never sent, goes to B.
    const passedOn = (w: Write) => w.started > killSeen && w.upstreams.length === 2 && w.upstreams[0] === site.a.upstream;
    await writes.until("a write nginx tried on the dead A first, then passed to B", (all) => all.some((w) => passedOn(w) && w.ok), 30_000);
  } finally {
    await load.stop();
  }

  const all = writes.outcomes;
  const failed = all.filter((w) => !w.ok);
  const inFlight = (w: Write) => w.started < killSeen && w.ended > killSent;
  const after = all.filter((w) => w.started > killSeen);
  const report = [
    `${all.length} writes by ${CLIENTS} clients: ${all.filter((w) => w.ok).length} acknowledged (${tally(all.filter((w) => w.ok), names)})`,
    `${all.filter(inFlight).length} in flight at the kill, of which ${failed.length} failed${failed.length ? `: ${failed.map((w) => `${w.what} → ${w.status ?? w.error}`).join("; ")}` : ""}`,
    `${after.length} sent after A was gone: ${after.filter((w) => w.ok).length} acknowledged (${tally(after, names)})`,
  ].join("\n");
  console.log(`\nkill -9 under writes:\n${report}`);
  testInfo.annotations.push({ type: "kill -9 under writes", description: report });

  // Failures only among requests in flight when A died; everything sent afterwards succeeded, through B.
  expect(failed.filter((w) => !inFlight(w)), "failed writes not in flight at the kill").toEqual([]);
  expect(after.filter((w) => !w.ok), "writes after the kill that failed").toEqual([]);
  expect(after.filter((w) => w.upstreams.at(-1) !== site.b.upstream), "writes after the kill not answered by B").toEqual([]);

  // Every acknowledged write is in PostgreSQL; no comment was stored twice (nginx never resends a POST).
  const bodies = all.filter((w) => w.kind === "comment").map((w) => w.body!);
  const { rows: stored } = await site.db.query<{ body_md: string; n: number }>(
    "select body_md, count(*)::int as n from comments where body_md = any($1::text[]) group by body_md",
    [bodies],
  );
  const count = new Map(stored.map((r) => [r.body_md, r.n]));
  const lostComments = all.filter((w) => w.ok && w.kind === "comment" && count.get(w.body!) !== 1);
  expect(lostComments, "acknowledged comments without exactly one row").toEqual([]);
  expect(stored.filter((r) => r.n > 1), "comments stored twice").toEqual([]);
  const votes = all.filter((w) => w.ok && w.kind === "vote");
  const { rows: voteRows } = await site.db.query<{ user_id: string; comment_id: number }>(
    "select user_id, comment_id from comment_votes where user_id = any($1::text[])",
    [members.map((m) => m.id)],
  );
  const voted = new Set(voteRows.map((r) => `${r.user_id}/${r.comment_id}`));
  expect(votes.filter((w) => !voted.has(`${w.member}/${w.commentId}`)), "acknowledged upvotes without a row").toEqual([]);

  // A comes back (as a process manager restarts it) for the journeys after this one, and nginx takes it back.
  await site.a.start();
  await backInRotation(site, site.a);
});
