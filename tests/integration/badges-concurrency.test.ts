import { describe, expect, it } from "vitest";
import { setWriteLockWait, type DB } from "@/db";
import type { Actor } from "@/lib/permissions";
import { fixtureWriter, holdWriteLockElsewhere, perTestDb } from "../helpers/db";
import { postComment } from "../helpers/comments";
import { HOUR, MINUTE, T0, at, makeUser, reviewForm, seedReview } from "../helpers/reviews";
import { allCounterDrift, vote, voteRowProblems } from "../helpers/votes";
import {
  announcements,
  badgeNotices,
  holdOpen,
  holderCount,
  members,
  monthRows,
  pointsOf,
  race,
  rows,
  snapshot,
  type WorkerResult,
  type WorkerTask,
} from "../helpers/badges";
import { sqlRun, sqlValue } from "@/tests/helpers/sql";

// Two connections (openDb on the same file, each in its own worker thread) writing at the same
// moment, as two server processes would. Every verb runs in BEGIN IMMEDIATE, so SQLite serializes
// them; what these tests prove is the consequence: a threshold crossed once is granted once.

const WORKERS = 60_000; // starting a worker compiles the app with tsx: allow for a slow machine

const upvote = (actor: Actor, type: "review" | "comment", id: number, now = at(HOUR)): WorkerTask => ({ verb: "vote", actor, type, id, value: "up", now });

/** What a verb returned in a worker, as far as these tests look at it. */
type Returned = { type: string; count: number; changed: boolean; badges: { slug: string }[] };

/** The successful results' values; fails the test on any worker error. */
function values(results: WorkerResult[]): Returned[] {
  for (const r of results) if (!r.ok) expect.fail(r.error);
  return results.map((r) => (r as { value: Returned }).value);
}

/** How many user_badges rows hold this badge for this member (the primary key says at most one). */
const grantRows = async (db: DB, actor: Actor, slug: string) =>
  (await sqlValue(db, `select count(*) from user_badges where user_id = ? and badge_slug = ?`, actor.id, slug)) as number;

/**
 * The vote counters' drift, leaving out the system account: its announcement comments are not
 * counted as contributions (badges-announce.test.ts reports that on its own).
 */
const drift = async (db: DB) => {
  const system = await sqlValue(db, `select id from users where is_system = true`);
  return (await allCounterDrift(db)).filter((c) => c.id !== system);
};

/** mara's review with `n` upvotes already, and `spare` more members to vote at once. */
async function reviewAt(db: DB, n: number, spare: number) {
  const mara = await makeUser(db, "mara");
  const reviewId = await seedReview(db, mara, { title: "Harry Lime's Vienna", score: "" });
  for (const [i, fan] of (await members(db, "early", n)).entries()) await vote(db, fan, "review", reviewId, "up", at(i * MINUTE));
  return { mara, reviewId, racers: await members(db, "racer", spare) };
}

describe("badges under concurrent writes", () => {
  const t = perTestDb();

  it(
    "two upvotes at once taking a review from 8 to 10: one crosses, one grant of each badge, one notice each, points added once",
    async () => {
      const { mara, reviewId, racers } = await reviewAt(t.db, 8, 2);
      const points = await pointsOf(t.db, mara);
      const results = values(await race(t.file, racers.map((r) => upvote(r, "review", reviewId))));

      // Both votes counted; whichever committed second saw 9 and made it 10.
      expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual([9, 10]);
      const crossing = results.find((r) => r.count === 10)!;
      expect(crossing.badges.map((b) => b.slug)).toEqual(["upvotes-10", "review-10-upvotes"]);
      expect(results.find((r) => r.count === 9)!.badges).toEqual([]);

      expect([await grantRows(t.db, mara, "upvotes-10"), await grantRows(t.db, mara, "review-10-upvotes")]).toEqual([1, 1]);
      expect(await badgeNotices(t.db, mara)).toEqual(["reviews-1", "upvotes-10", "review-10-upvotes"]);
      expect(await pointsOf(t.db, mara)).toBe(points + 1 + 3);
      expect([await holderCount(t.db, "upvotes-10"), await holderCount(t.db, "review-10-upvotes")]).toEqual([1, 1]);
      expect((await monthRows(t.db, mara)).map((m) => [m.month, m.points, m.upvotes])).toEqual([["2025-03", points + 4, 10]]);
      // One announcement for the crossing vote, naming both badges (it carries the first one's slug).
      const notes = await announcements(t.db, reviewId);
      expect(notes.map((a) => a.announces_badge)).toEqual(["upvotes-10"]);
      expect(notes[0]!.body_md).toMatch(/^Congratulations @mara! Your review's upvotes earned you 2 new badges:\n\n- \*\*10 upvotes\*\* \(bronze\): .*\n- \*\*Crowd pleaser\*\* \(silver\): /);
      expect((await rows(t.db, "posts", `where id = ${reviewId}`))[0]).toMatchObject({ upvote_count: 10, comment_count: 1 });
      expect(await drift(t.db)).toEqual([]);
    },
    WORKERS,
  );

  it("two upvotes at once in one process (its write lock orders them): one crosses 10, each badge granted and noticed once", async () => {
    const { mara, reviewId, racers } = await reviewAt(t.db, 8, 2);
    const points = await pointsOf(t.db, mara);
    const results = await Promise.all(racers.map((r) => vote(t.db, r, "review", reviewId, "up", at(HOUR))));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual([9, 10]);
    expect(results.find((r) => r.count === 10)!.badges.map((b) => b.slug)).toEqual(["upvotes-10", "review-10-upvotes"]);
    expect(results.find((r) => r.count === 9)!.badges).toEqual([]);
    expect([await grantRows(t.db, mara, "upvotes-10"), await grantRows(t.db, mara, "review-10-upvotes")]).toEqual([1, 1]);
    expect(await badgeNotices(t.db, mara)).toEqual(["reviews-1", "upvotes-10", "review-10-upvotes"]);
    expect(await pointsOf(t.db, mara)).toBe(points + 1 + 3);
    expect((await announcements(t.db, reviewId)).map((a) => a.announces_badge)).toEqual(["upvotes-10"]);
    expect(await drift(t.db)).toEqual([]);
  });

  it(
    "four upvotes at once across 50 (two on the review, two on a comment): upvotes-50 is granted once, to the vote that made it 50",
    async () => {
      const { mara, reviewId, racers } = await reviewAt(t.db, 0, 4);
      const comment = await postComment(t.db, mara, reviewId);
      // 48 upvotes received, spread so that neither item is near ten: 8 real votes, the rest preset.
      for (const [i, fan] of (await members(t.db, "early", 4)).entries()) {
        await vote(t.db, fan, "review", reviewId, "up", at(i * MINUTE));
        await vote(t.db, fan, "comment", comment.id, "up", at(i * MINUTE));
      }
      await sqlRun(fixtureWriter(t.db), `update users set upvotes_received = 48 where id = ?`, mara.id);
      const points = await pointsOf(t.db, mara);
      const tasks = racers.map((r, i) => upvote(r, i % 2 ? "comment" : "review", i % 2 ? comment.id : reviewId));
      const results = values(await race(t.file, tasks));

      const granted = results.filter((r) => r.badges.length > 0);
      expect(granted).toHaveLength(1);
      expect(granted[0]!.badges.map((b) => b.slug)).toEqual(["upvotes-50"]);
      expect(await grantRows(t.db, mara, "upvotes-50")).toBe(1);
      expect((await badgeNotices(t.db, mara)).filter((s) => s === "upvotes-50")).toHaveLength(1);
      expect(await pointsOf(t.db, mara)).toBe(points + 1);
      expect(await holderCount(t.db, "upvotes-50")).toBe(1);
      expect((await rows(t.db, "users", `where id = '${mara.id}'`))[0]).toMatchObject({ upvotes_received: 52 });
      // The grant names the item of the vote that crossed.
      const row = (await rows(t.db, "user_badges", `where badge_slug = 'upvotes-50'`))[0]!;
      expect(row).toMatchObject({ post_id: reviewId, comment_id: granted[0]!.type === "comment" ? comment.id : null });
    },
    WORKERS,
  );

  it(
    "the same voter's upvote sent twice at once (two tabs): one vote row, one crossing, one grant",
    async () => {
      const { mara, reviewId, racers } = await reviewAt(t.db, 9, 1);
      const results = values(await race(t.file, [upvote(racers[0]!, "review", reviewId), upvote(racers[0]!, "review", reviewId)]));
      expect(results.map((r) => [r.changed, r.count]).sort()).toEqual([[false, 10], [true, 10]]);
      expect(results.filter((r) => r.badges.length).map((r) => r.badges.map((b) => b.slug))).toEqual([["upvotes-10", "review-10-upvotes"]]);
      expect(await rows(t.db, "post_votes", `where user_id = '${racers[0]!.id}'`)).toHaveLength(1);
      expect([await grantRows(t.db, mara, "upvotes-10"), await grantRows(t.db, mara, "review-10-upvotes")]).toEqual([1, 1]);
      expect(await badgeNotices(t.db, mara)).toEqual(["reviews-1", "upvotes-10", "review-10-upvotes"]);
      expect(await voteRowProblems(t.db)).toEqual([]);
      expect(await drift(t.db)).toEqual([]);
    },
    WORKERS,
  );

  it(
    "an edit of her review and an edit of her comment at once: 'Second thoughts' is granted once",
    async () => {
      const mara = await makeUser(t.db, "mara");
      const reviewId = await seedReview(t.db, mara, { title: "Harry Lime's Vienna", score: "" }, T0);
      const comment = await postComment(t.db, mara, reviewId);
      const points = await pointsOf(t.db, mara);
      const later = at(2 * HOUR);
      const results = values(
        await race(t.file, [
          { verb: "editReview", actor: mara, reviewId, form: reviewForm({ title: "Harry Lime's Vienna", score: "", body: "A second look at the rubble." }), now: later },
          { verb: "editComment", actor: mara, commentId: comment.id, body: "On reflection, the zither.", now: later },
        ]),
      );
      expect(results.map((r) => r.changed)).toEqual([true, true]);
      expect(results.flatMap((r) => r.badges.map((b) => b.slug))).toEqual(["first-edit"]);
      expect(await grantRows(t.db, mara, "first-edit")).toBe(1);
      expect((await badgeNotices(t.db, mara)).filter((s) => s === "first-edit")).toHaveLength(1);
      expect(await pointsOf(t.db, mara)).toBe(points + 1);
      expect(await holderCount(t.db, "first-edit")).toBe(1);
    },
    WORKERS,
  );

  it(
    "a vote waiting on the lock behind the one crossing 10 sees it committed: it counts 11 and grants nothing",
    async () => {
      const { mara, reviewId, racers } = await reviewAt(t.db, 9, 2);
      const [first, second] = racers as [Actor, Actor];
      // The worker casts the 10th upvote inside a transaction it keeps open (at its COMMIT).
      const held = await holdOpen(t.file, upvote(first, "review", reviewId, at(HOUR)));
      // Nothing of it is visible from this connection until it commits.
      expect(await grantRows(t.db, mara, "upvotes-10")).toBe(0);
      expect((await rows(t.db, "posts", `where id = ${reviewId}`))[0]).toMatchObject({ upvote_count: 9 });

      const done = held.release();
      // BEGIN IMMEDIATE: this waits for the worker's commit, then reads 10 and makes it 11.
      const mine = await vote(t.db, second, "review", reviewId, "up", at(2 * HOUR));
      const theirs = await done;
      expect(theirs.ok).toBe(true);
      expect((theirs as { value: { count: number } }).value.count).toBe(10);
      expect(mine).toMatchObject({ count: 11, badges: [] });
      expect((await rows(t.db, "user_badges", `where user_id = '${mara.id}' and badge_slug in ('upvotes-10', 'review-10-upvotes')`)).sort((a, b) => String(a.badge_slug).localeCompare(String(b.badge_slug)))).toEqual([
        { user_id: mara.id, badge_slug: "review-10-upvotes", granted_at: at(HOUR).getTime(), post_id: reviewId, comment_id: null },
        { user_id: mara.id, badge_slug: "upvotes-10", granted_at: at(HOUR).getTime(), post_id: reviewId, comment_id: null },
      ]);
      expect(await badgeNotices(t.db, mara)).toEqual(["reviews-1", "upvotes-10", "review-10-upvotes"]);
      expect(await pointsOf(t.db, mara)).toBe(1 + 1 + 3);
      expect(await drift(t.db)).toEqual([]);
    },
    WORKERS,
  );

  it("a vote that cannot get the write lock writes nothing at all: no vote, no count, no badge", async () => {
    const { mara, reviewId, racers } = await reviewAt(t.db, 9, 1);
    // Another process's writer holds the write lock.
    const other = await holdWriteLockElsewhere(t.file);
    let released = false;
    try {
      // Do not wait out the five-second lock wait: fail at once.
      setWriteLockWait(t.db, 0);
      const before = await snapshot(t.db);
      await expect(vote(t.db, racers[0]!, "review", reviewId, "up", at(HOUR))).rejects.toThrow(/locked|busy|lock timeout/i);
      await other.release();
      released = true;
      expect(await snapshot(t.db)).toEqual(before);
      expect(await grantRows(t.db, mara, "upvotes-10")).toBe(0);
      // Retried once the lock is free, it crosses and grants as usual.
      expect((await vote(t.db, racers[0]!, "review", reviewId, "up", at(HOUR))).badges.map((b) => b.slug)).toEqual(["upvotes-10", "review-10-upvotes"]);
    } finally {
      setWriteLockWait(t.db, 5000);
      if (!released) await other.release();
    }
  });
});
