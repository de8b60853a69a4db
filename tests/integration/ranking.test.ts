import { describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { RANKING_PAGE_SIZE, ownRank, rankingPage, type Period, type RankBy } from "@/lib/rankings/queries";
import type { Actor } from "@/lib/permissions";
import { createReview } from "@/lib/reviews/create-review";
import { deleteReview } from "@/lib/reviews/delete-review";
import { editReview } from "@/lib/reviews/edit-review";
import { ctxAs, fixtureWriter, perTestDb } from "../helpers/db";
import { ageAccount } from "../helpers/people";
import { DAY, HOUR, MINUTE, T0, at, makeUser, reviewForm, seedReview, makeUsers } from "../helpers/reviews";
import { vote } from "../helpers/votes";
import { announcements, members, pointsOf, rows, systemRow } from "../helpers/badges";
import { sqlRun } from "@/tests/helpers/sql";

/** One page of a ranking as [username, value] pairs, checking that ranks run on from the page's first. */
async function page(db: DB, by: RankBy, period: Period, n: number, month?: string): Promise<[string, number][]> {
  const { rows: ranked } = await rankingPage(db, by, period, n, month);
  ranked.forEach((r, i) => expect(r.rank).toBe((n - 1) * RANKING_PAGE_SIZE + i + 1));
  return ranked.map((r) => [r.username, r.value]);
}

const people = (db: DB, ...names: string[]) => makeUsers(db, ...names);

describe("the Ranking", () => {
  const t = perTestDb();

  it("orders by points, ties going to who reached the value first, then to who joined first", async () => {
    const [ana, ben, cy, dee, eve] = (await people(t.db, "ana", "ben", "cy", "dee", "eve")) as [Actor, Actor, Actor, Actor, Actor];
    await ageAccount(t.db, dee, 10);
    await ageAccount(t.db, eve, 5);
    await ageAccount(t.db, ana, 1);
    await seedReview(t.db, ana, { title: "Ana's", score: "7" }, at(2 * HOUR)); // 2 points
    await seedReview(t.db, ben, { title: "Ben's", score: "7" }, at(HOUR)); // 2 points, an hour sooner
    await seedReview(t.db, cy, { title: "Cy's", score: "7", hasSpoilers: "on" }, at(3 * HOUR)); // 3 points
    await seedReview(t.db, eve, { title: "Eve's", score: "7" }, at(4 * HOUR)); // 2 points at the same moment as dee…
    await seedReview(t.db, dee, { title: "Dee's", score: "7" }, at(4 * HOUR)); // …who joined first
    expect((await Promise.all([ana, ben, cy, dee, eve].map(async (p) => await pointsOf(t.db, p))))).toEqual([2, 2, 3, 2, 2]);

    expect(await page(t.db, "points", "all", 1)).toEqual([["cy", 3], ["ben", 2], ["ana", 2], ["dee", 2], ["eve", 2]]);
    expect((await rankingPage(t.db, "points", "all", 1)).total).toBe(5);
    expect(await Promise.all([cy, ben, ana, dee, eve].map((p) => ownRank(t.db, p.id, "points", "all")))).toEqual([1, 2, 3, 4, 5].map((rank, i) => ({ rank, value: [3, 2, 2, 2, 2][i], page: 1 })));
    // By reviews everyone has one: the order they published in, and dee before eve again.
    expect(await page(t.db, "reviews", "all", 1)).toEqual([["ben", 1], ["ana", 1], ["cy", 1], ["dee", 1], ["eve", 1]]);
    expect((await rankingPage(t.db, "points", "all", 1)).rows[0]).toEqual({ rank: 1, username: "cy", name: "cy", image: null, isNew: true, value: 3 });
  });

  it("gives a tie on upvotes to whoever reached the count first, not to whoever received their first upvote first", async () => {
    const [ana, ben] = (await people(t.db, "ana", "ben")) as [Actor, Actor];
    const anas = await seedReview(t.db, ana, { title: "Ana's", score: "" }, T0);
    const bens = await seedReview(t.db, ben, { title: "Ben's", score: "" }, T0);
    const [f1, f2, f3, f4] = (await members(t.db, "fan", 4)) as [Actor, Actor, Actor, Actor];
    await vote(t.db, f1, "review", bens, "up", at(HOUR)); // ben 1 (first to get any)
    await vote(t.db, f2, "review", anas, "up", at(2 * HOUR)); // ana 1
    await vote(t.db, f3, "review", anas, "up", at(3 * HOUR)); // ana 2: first to 2
    await vote(t.db, f4, "review", bens, "up", at(4 * HOUR)); // ben 2
    expect(await page(t.db, "upvotes", "all", 1)).toEqual([["ana", 2], ["ben", 2]]);
    expect(await ownRank(t.db, ben.id, "upvotes", "all")).toEqual({ rank: 2, value: 2, page: 1 });
    expect(await page(t.db, "upvotes", "month", 1, "2025-03")).toEqual([["ana", 2], ["ben", 2]]);
    // A third upvote for ben puts him ahead; the voters, with nothing received, are not ranked.
    await vote(t.db, f2, "review", bens, "up", at(5 * HOUR));
    expect(await page(t.db, "upvotes", "all", 1)).toEqual([["ben", 3], ["ana", 2]]);
    expect(await ownRank(t.db, f1.id, "upvotes", "all")).toBeNull();
  });

  it("ranks this month from the month's own standings, and all time from the totals", async () => {
    const [ana, ben] = (await people(t.db, "ana", "ben")) as [Actor, Actor];
    const feb = (d: number, h = 12) => new Date(Date.UTC(2025, 1, d, h));
    const mar = (d: number, h = 12) => new Date(Date.UTC(2025, 2, d, h));
    const fans = await members(t.db, "fan", 6);
    // February: ana's scored, spoiler-tagged review (3 points) and three upvotes on it.
    const anas = await seedReview(t.db, ana, { title: "Ana's", score: "8", hasSpoilers: "on" }, feb(10));
    for (const f of fans.slice(0, 3)) await vote(t.db, f, "review", anas, "up", feb(11));
    // March: ben's scored review (2 points) and two upvotes; ana's edit (1 point), one upvote and a plain second review.
    const bens = await seedReview(t.db, ben, { title: "Ben's", score: "8" }, mar(5));
    await editReview(ctxAs(t.db, ana, mar(6)), { ...reviewForm({ title: "Ana's", score: "8", hasSpoilers: "on", body: "Revised in March." }), reviewId: anas });
    for (const f of fans.slice(3, 5)) await vote(t.db, f, "review", bens, "up", mar(7));
    await vote(t.db, fans[5]!, "review", anas, "up", mar(7, 13));
    await createReview(ctxAs(t.db, ana.id, mar(8)), reviewForm({ title: "Ana's second", score: "" }));

    expect(await page(t.db, "points", "all", 1)).toEqual([["ana", 4], ["ben", 2]]);
    expect(await page(t.db, "points", "month", 1, "2025-03")).toEqual([["ben", 2], ["ana", 1]]);
    expect(await page(t.db, "points", "month", 1, "2025-02")).toEqual([["ana", 3]]);
    expect(await page(t.db, "upvotes", "all", 1)).toEqual([["ana", 4], ["ben", 2]]);
    expect(await page(t.db, "upvotes", "month", 1, "2025-03")).toEqual([["ben", 2], ["ana", 1]]);
    expect(await page(t.db, "upvotes", "month", 1, "2025-02")).toEqual([["ana", 3]]);
    expect(await page(t.db, "reviews", "all", 1)).toEqual([["ana", 2], ["ben", 1]]);
    // One review each in March: ben's came first.
    expect(await page(t.db, "reviews", "month", 1, "2025-03")).toEqual([["ben", 1], ["ana", 1]]);
    expect(await page(t.db, "reviews", "month", 1, "2025-04")).toEqual([]);

    expect(await ownRank(t.db, ana.id, "points", "month", "2025-03")).toEqual({ rank: 2, value: 1, page: 1 });
    expect(await ownRank(t.db, ben.id, "points", "month", "2025-02")).toBeNull();
    expect(await ownRank(t.db, ana.id, "points", "all")).toEqual({ rank: 1, value: 4, page: 1 });
  });

  it("leaves out whoever has nothing: an upvote taken back leaves zero, in its month as all time", async () => {
    const [ana, ben] = (await people(t.db, "ana", "ben")) as [Actor, Actor];
    const anas = await seedReview(t.db, ana, { title: "Ana's", score: "" }, new Date("2025-02-10T12:00:00Z"));
    await vote(t.db, ben, "review", anas, "up", new Date("2025-02-11T12:00:00Z"));
    expect(await page(t.db, "upvotes", "month", 1, "2025-02")).toEqual([["ana", 1]]);
    await vote(t.db, ben, "review", anas, "none", new Date("2025-03-01T12:00:00Z"));
    expect(await page(t.db, "upvotes", "all", 1)).toEqual([]);
    expect(await page(t.db, "upvotes", "month", 1, "2025-02")).toEqual([]);
    expect(await page(t.db, "upvotes", "month", 1, "2025-03")).toEqual([]);
    expect((await rankingPage(t.db, "upvotes", "all", 1)).total).toBe(0);
    expect(await ownRank(t.db, ana.id, "upvotes", "all")).toBeNull();
    // ana still has her point for publishing; ben has none.
    expect(await page(t.db, "points", "all", 1)).toEqual([["ana", 1]]);
    expect(await ownRank(t.db, ben.id, "points", "all")).toBeNull();
  });

  it("gives a member far down the list their own rank and page, in agreement with the pages", async () => {
    const crowd = await members(t.db, "m", 130);
    // Each publishes one scored review (2 points), in the reverse order of joining: rank is
    // publication order, not join order.
    for (const [i, m] of [...crowd].reverse().entries()) await seedReview(t.db, m, { title: `Review ${i + 1}`, score: "6" }, at(i * MINUTE));
    const pages = await Promise.all([1, 2, 3, 4].map((n) => page(t.db, "points", "all", n)));
    expect(pages.map((p) => p.length)).toEqual([50, 50, 30, 0]);
    expect((await rankingPage(t.db, "points", "all", 3)).total).toBe(130);
    const order = pages.flat().map(([name]) => name);
    expect(order).toEqual([...crowd].reverse().map((_, i) => `m${130 - i}`));

    // m14 published 117th.
    const m14 = crowd[13]!;
    expect(await ownRank(t.db, m14.id, "points", "all")).toEqual({ rank: 117, value: 2, page: 3 });
    expect((await rankingPage(t.db, "points", "all", 3)).rows[16]).toMatchObject({ rank: 117, username: "m14", value: 2 });
    expect(await ownRank(t.db, m14.id, "reviews", "all")).toEqual({ rank: 117, value: 1, page: 3 });
    expect(await ownRank(t.db, m14.id, "points", "month", "2025-03")).toEqual({ rank: 117, value: 2, page: 3 });
    // Everyone's own rank agrees with where the pages put them.
    for (const m of crowd) {
      const mine = (await ownRank(t.db, m.id, "points", "all"))!;
      expect(order[mine.rank - 1], `rank of ${m.id}`).toBe((await rows(t.db, "users", `where id = '${m.id}'`))[0]!.username);
      expect(mine.page).toBe(Math.ceil(mine.rank / RANKING_PAGE_SIZE));
    }
    // The last one to publish is last; page 1 starts with the first.
    expect(await ownRank(t.db, crowd[0]!.id, "points", "all")).toEqual({ rank: 130, value: 2, page: 3 });
    expect(await ownRank(t.db, crowd[129]!.id, "points", "all")).toEqual({ rank: 1, value: 2, page: 1 });
  }, 60_000);

  it("never ranks the system account, whatever its counters say", async () => {
    const ana = await makeUser(t.db, "ana");
    const anas = await seedReview(t.db, ana, { title: "Ana's", score: "" }, T0);
    const fans = await members(t.db, "fan", 10);
    for (const [i, f] of fans.entries()) await vote(t.db, f, "review", anas, "up", at(i * MINUTE));
    const [note] = await announcements(t.db, anas);
    // Its announcement takes no upvotes, so the system account receives none (nor this month's)…
    await expect(vote(t.db, fans[0]!, "comment", note!.id, "up", at(HOUR))).rejects.toThrow("Badge notes from Marquee take no upvotes.");
    const system = (await systemRow(t.db))!;
    expect(system).toMatchObject({ upvotes_received: 0, badge_points: 0, review_count: 0 });
    expect(await rows(t.db, "monthly_scores", `where user_id = '${system.id}'`)).toEqual([]);
    // …but even with upvotes, points and reviews on it, as if written by hand, it is never ranked.
    await sqlRun(fixtureWriter(t.db), `update users set upvotes_received = 999, upvotes_reached_at = ?, badge_points = 999, review_count = 99 where id = ?`, at(HOUR), system.id);
    await sqlRun(fixtureWriter(t.db), `insert into monthly_scores (user_id, month, points, points_at, upvotes, upvotes_at, reviews, reviews_at) values (?, '2025-03', 999, ?, 999, ?, 99, ?)`, system.id, at(HOUR), at(HOUR), at(HOUR));
    expect(await rows(t.db, "monthly_scores", `where user_id = '${system.id}'`)).toHaveLength(1);

    for (const by of ["points", "upvotes", "reviews"] as const) {
      for (const [period, month] of [["all", undefined], ["month", "2025-03"]] as const) {
        const ranked = await rankingPage(t.db, by, period, 1, month);
        expect(ranked.rows.map((r) => r.username), `${by} ${period}`).toEqual(["ana"]);
        expect(ranked.total).toBe(1);
        expect(await ownRank(t.db, String(system.id), by, period, month)).toBeNull();
      }
    }
    expect(await ownRank(t.db, ana.id, "upvotes", "all")).toEqual({ rank: 1, value: 10, page: 1 });
  });

  it("counts a review taken down out of the month it was published in", async () => {
    const [ana, ben] = (await people(t.db, "ana", "ben")) as [Actor, Actor];
    const anas = await seedReview(t.db, ana, { title: "Ana's", score: "" }, at(DAY));
    await seedReview(t.db, ana, { title: "Ana's second", score: "" }, at(2 * DAY));
    await seedReview(t.db, ben, { title: "Ben's", score: "" }, at(3 * DAY));
    expect(await page(t.db, "reviews", "month", 1, "2025-03")).toEqual([["ana", 2], ["ben", 1]]);
    // Deleting one of ana's leaves a tie of one each, which ana reached first.
    await deleteReview(ctxAs(t.db, ana, at(4 * DAY)), { reviewId: anas });
    expect(await page(t.db, "reviews", "month", 1, "2025-03")).toEqual([["ana", 1], ["ben", 1]]);
    expect(await page(t.db, "reviews", "all", 1)).toEqual([["ana", 1], ["ben", 1]]);
  });
});
