import { describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { dueGrants } from "@/lib/badges/rules";
import { BACKFILL_QUIET_AFTER_MS, backfillBadges } from "@/lib/maintenance/backfill-badges";
import { rankingPage } from "@/lib/rankings/queries";
import { editReview } from "@/lib/reviews/edit-review";
import { recordView } from "@/lib/reviews/record-view";
import type { Actor } from "@/lib/permissions";
import { recountAll } from "@/lib/maintenance/recount";
import { ctxAs, perTestDb } from "../helpers/db";
import { postComment } from "../helpers/comments";
import { ageAccount } from "../helpers/people";
import { DAY, HOUR, MINUTE, at, makeUser, reviewForm, seedReview, makeUsers } from "../helpers/reviews";
import { vote } from "../helpers/votes";
import {
  allGrants,
  badgeNotices,
  forgetBadges,
  heldBadges,
  holderCount,
  members,
  monthRows,
  pointsTable,
  rows,
  setAnnouncements,
  slugsOf,
  snapshot,
} from "../helpers/badges";

const NOW = at(30 * DAY);
const noCorrections = (db: DB, now = NOW) => recountAll(db, now);
const ZERO = {
  reviewComments: 0, reviewUpvotes: 0, commentReplies: 0, commentUpvotes: 0, upvotesReceived: 0, contributions: 0, newcomers: 0,
  reachedAt: 0, badgePoints: 0, badgeHolders: 0, repliesReceived: 0, viewsReceived: 0, monthly: 0, films: 0, hotScores: 0,
};

/**
 * A month of activity through the verbs, every member's badge announcements off (they post
 * comments of their own; see the announcement tests): mara's scored, spoiler-tagged review and
 * femi's plain one, a comment of mara's on femi's, ten upvotes on each, ten comments on mara's
 * review and an edit of it. Returns the people and items.
 */
async function history(db: DB) {
  const mara = await makeUser(db, "mara");
  const femi = await makeUser(db, "femi");
  const fans = await members(db, "fan", 10);
  for (const p of [mara, femi, ...fans]) await setAnnouncements(db, p, false);
  const marasReview = await seedReview(db, mara, { title: "Harry Lime's Vienna", score: "8", hasSpoilers: "on" }, at(DAY));
  const femisReview = await seedReview(db, femi, { title: "Femi on Solaris", score: "", filmTitle: "Solaris", filmYear: "1972" }, at(2 * DAY));
  const marasComment = await postComment(db, mara, femisReview, null, "The ocean is the film.", at(3 * DAY));
  for (const [i, fan] of fans.entries()) await vote(db, fan, "review", marasReview, "up", at(4 * DAY + i * MINUTE));
  for (const [i, fan] of fans.entries()) await vote(db, fan, "comment", marasComment.id, "up", at(5 * DAY + i * MINUTE));
  const fanComments = [];
  for (const [i, fan] of fans.entries()) fanComments.push(await postComment(db, fan, marasReview, null, `Fan ${i} agrees.`, at(6 * DAY + i * MINUTE)));
  await editReview(ctxAs(db, mara, at(7 * DAY)), { ...reviewForm({ title: "Harry Lime's Vienna", score: "8", hasSpoilers: "on", body: "Rubble, revised." }), reviewId: marasReview });
  return { mara, femi, fans, marasReview, femisReview, marasComment, fanComments };
}

describe("backfillBadges", () => {
  const t = perTestDb();

  it("grants what the data earned, dated when and by what it was earned: exactly what the verbs granted", async () => {
    const { mara, marasReview, femisReview, marasComment, fanComments } = await history(t.db);
    const live = await allGrants(t.db);
    const points = await pointsTable(t.db);
    const holders = (await rows(t.db, "badges")).map((b) => [b.slug, b.holder_count]);
    const months = (await rows(t.db, "monthly_scores")).map((m) => [m.user_id, m.month, m.points, m.upvotes, m.reviews]);
    // The verbs granted these (the test spells mara's out rather than trusting them).
    expect((await allGrants(t.db)).filter(([u]) => u === "mara")).toEqual([
      ["mara", "comment-10-upvotes", at(5 * DAY + 9 * MINUTE).getTime(), femisReview, marasComment.id],
      ["mara", "comments-1", at(3 * DAY).getTime(), femisReview, marasComment.id],
      ["mara", "first-edit", at(7 * DAY).getTime(), marasReview, null],
      ["mara", "first-scored-review", at(DAY).getTime(), marasReview, null],
      ["mara", "first-spoiler-review", at(DAY).getTime(), marasReview, null],
      ["mara", "replies-1", at(6 * DAY).getTime(), marasReview, fanComments[0]!.id],
      ["mara", "replies-10", at(6 * DAY + 9 * MINUTE).getTime(), marasReview, fanComments[9]!.id],
      ["mara", "review-10-upvotes", at(4 * DAY + 9 * MINUTE).getTime(), marasReview, null],
      ["mara", "reviews-1", at(DAY).getTime(), marasReview, null],
      ["mara", "upvotes-10", at(4 * DAY + 9 * MINUTE).getTime(), marasReview, null],
    ]);

    await forgetBadges(t.db);
    expect(await allGrants(t.db)).toEqual([]);
    const result = await backfillBadges(t.db, { now: NOW });
    expect(result).toMatchObject({ members: 12, granted: live.length, notified: 0 });
    expect(await allGrants(t.db)).toEqual(live);
    expect(await pointsTable(t.db)).toEqual(points);
    expect((await rows(t.db, "badges")).map((b) => [b.slug, b.holder_count])).toEqual(holders);
    expect((await rows(t.db, "monthly_scores")).map((m) => [m.user_id, m.month, m.points, m.upvotes, m.reviews])).toEqual(months);
    // Every grant is weeks old: given quietly.
    expect(await badgeNotices(t.db, mara)).toEqual([]);
    expect(await rows(t.db, "notifications", "where kind = 'badge'")).toEqual([]);
    expect(await noCorrections(t.db)).toEqual(ZERO);
  });

  it("is idempotent: a second run, or a run over badges the verbs already granted, grants and writes nothing", async () => {
    await history(t.db);
    const live = await snapshot(t.db);
    // Over what the verbs granted: nothing to add.
    expect(await backfillBadges(t.db, { now: NOW })).toMatchObject({ members: 12, granted: 0, notified: 0, earned: [] });
    expect(await snapshot(t.db)).toEqual(live);

    await forgetBadges(t.db);
    const first = await backfillBadges(t.db, { now: NOW });
    expect(first.granted).toBeGreaterThan(0);
    const after = await snapshot(t.db);
    expect(await backfillBadges(t.db, { now: NOW })).toMatchObject({ granted: 0, notified: 0, earned: [] });
    expect(await backfillBadges(t.db, { now: at(60 * DAY) })).toMatchObject({ granted: 0, notified: 0, earned: [] });
    expect(await snapshot(t.db)).toEqual(after);
  });

  it("notifies grants at most two days old and gives older ones quietly, the boundary included", async () => {
    const [ana, ben, cy] = (await makeUsers(t.db, "ana", "ben", "cy")) as [Actor, Actor, Actor];
    await seedReview(t.db, ana, { title: "Exactly two days", score: "" }, new Date(NOW.getTime() - BACKFILL_QUIET_AFTER_MS));
    await seedReview(t.db, ben, { title: "A moment more", score: "" }, new Date(NOW.getTime() - BACKFILL_QUIET_AFTER_MS - 1));
    await seedReview(t.db, cy, { title: "An hour ago", score: "" }, new Date(NOW.getTime() - HOUR));
    expect(BACKFILL_QUIET_AFTER_MS).toBe(2 * DAY);
    await forgetBadges(t.db);
    const result = await backfillBadges(t.db, { now: NOW });
    expect(result).toMatchObject({ members: 3, granted: 3, notified: 2 });
    expect([await badgeNotices(t.db, ana), await badgeNotices(t.db, ben), await badgeNotices(t.db, cy)]).toEqual([["reviews-1"], [], ["reviews-1"]]);
    // A notice is dated with its grant.
    expect((await rows(t.db, "notifications")).map((n) => [n.recipient_id, n.target, n.created_at])).toEqual([
      [ana.id, "reviews-1", NOW.getTime() - 2 * DAY],
      [cy.id, "reviews-1", NOW.getTime() - HOUR],
    ]);
    expect(await heldBadges(t.db, ben)).toEqual({ "reviews-1": NOW.getTime() - 2 * DAY - 1 });
  });

  it("dates a views rung from the day of the reader who reached it, and a year at the pictures from the anniversary", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, { title: "Harry Lime's Vienna", score: "" }, at(DAY));
    for (let n = 1; n <= 100; n++) await recordView(ctxAs(t.db, null, n <= 60 ? new Date("2025-03-20T15:00:00Z") : new Date("2025-03-22T18:30:00Z")), { reviewId, viewer: { key: `anon:${n}`, userId: null } });
    await ageAccount(t.db, mara, 400, NOW);
    await forgetBadges(t.db);
    await backfillBadges(t.db, { now: NOW });
    expect(await heldBadges(t.db, mara)).toEqual({
      "reviews-1": at(DAY).getTime(),
      // A view row keeps its day only: the rung counts from the start of that day (UTC).
      "views-100": new Date("2025-03-22T00:00:00Z").getTime(),
      "one-year": NOW.getTime() - 400 * DAY + 365 * DAY,
    });
    expect((await rows(t.db, "user_badges", `where badge_slug = 'views-100'`))[0]).toMatchObject({ post_id: reviewId, comment_id: null });
    expect(await holderCount(t.db, "one-year")).toBe(1);
  });

  it("leaves recountAll nothing to correct on a database as migration 0005 leaves it (no monthly standings yet)", async () => {
    await history(t.db);
    await forgetBadges(t.db, "all");
    await backfillBadges(t.db, { now: NOW });
    // The Ranking's "this month" needs each month's upvotes and reviews, not only the points.
    expect(await noCorrections(t.db)).toEqual(ZERO);
  });

  it("dates a month's points when the last of them was earned, whatever order the backfill finds them in", async () => {
    // host: 3 points (first review, scored, first reply received).
    // mara: a comment on March 2, her first review on March 20 — 2 points, reached on March 20.
    // femi: a comment on March 9, her first review on March 10 — 2 points, reached on March 10.
    const [host, mara, femi] = (await makeUsers(t.db, "host", "mara", "femi")) as [Actor, Actor, Actor];
    const hostsReview = await seedReview(t.db, host, { title: "The host's review", score: "8" }, new Date("2025-03-01T00:00:00Z"));
    await postComment(t.db, mara, hostsReview, null, "Mara was here.", new Date("2025-03-02T00:00:00Z"));
    await postComment(t.db, femi, hostsReview, null, "Femi was here.", new Date("2025-03-09T00:00:00Z"));
    await seedReview(t.db, femi, { title: "Femi's", score: "" }, new Date("2025-03-10T00:00:00Z"));
    await seedReview(t.db, mara, { title: "Mara's", score: "" }, new Date("2025-03-20T00:00:00Z"));
    const byVerbs = (await rankingPage(t.db, "points", "month", 1, "2025-03")).rows.map((r) => [r.username, r.value]);
    expect(byVerbs).toEqual([["host", 3], ["femi", 2], ["mara", 2]]);
    expect((await monthRows(t.db, mara))[0]).toMatchObject({ month: "2025-03", points: 2, points_at: new Date("2025-03-20T00:00:00Z").getTime() });

    await forgetBadges(t.db);
    await backfillBadges(t.db, { now: new Date("2025-04-30T00:00:00Z") });
    // femi got to 2 points first, this month as all time.
    expect((await rankingPage(t.db, "points", "all", 1)).rows.map((r) => [r.username, r.value])).toEqual(byVerbs);
    expect((await rankingPage(t.db, "points", "month", 1, "2025-03")).rows.map((r) => [r.username, r.value])).toEqual(byVerbs);
    expect((await monthRows(t.db, mara))[0]).toMatchObject({ month: "2025-03", points: 2, points_at: new Date("2025-03-20T00:00:00Z").getTime() });
    expect((await monthRows(t.db, femi))[0]).toMatchObject({ month: "2025-03", points: 2, points_at: new Date("2025-03-10T00:00:00Z").getTime() });
  });

  it("counts no badge announcement as a reply: it grants nothing the verbs did not", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, { title: "Harry Lime's Vienna", score: "" }, at(DAY));
    // Her tenth upvote posts one announcement of its two badges under her review (announcements on, the default).
    for (const [i, fan] of (await members(t.db, "fan", 10)).entries()) await vote(t.db, fan, "review", reviewId, "up", at(2 * DAY + i * MINUTE));
    expect((await rows(t.db, "comments")).map((c) => c.announces_badge)).toEqual(["upvotes-10"]);
    expect(await slugsOf(t.db, mara)).toEqual(["review-10-upvotes", "reviews-1", "upvotes-10"]);
    const live = await allGrants(t.db);
    expect(await heldBadges(t.db, mara)).not.toHaveProperty("replies-1");
    await forgetBadges(t.db);
    await backfillBadges(t.db, { now: NOW });
    expect(await allGrants(t.db)).toEqual(live);
    // The recount the backfill ends with does not count the note as a reply to her either.
    expect((await rows(t.db, "users", `where id = '${mara.id}'`))[0]).toMatchObject({ replies_received: 0 });
  });

  it("counts a quick fix inside the grace window as the edit it is, as editReview and editComment do", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, { title: "Harry Lime's Vienna", score: "", body: "Zither music over rubble." }, at(DAY));
    // A typo fixed a minute after publishing: the revision is amended in place, no second one.
    const fixed = await editReview(ctxAs(t.db, mara, at(DAY + MINUTE)), { ...reviewForm({ title: "Harry Lime's Vienna", score: "", body: "Zither music over the rubble." }), reviewId });
    expect(fixed.badges!.map((b) => b.slug)).toEqual(["first-edit"]);
    expect(await rows(t.db, "post_revisions")).toHaveLength(1);
    const live = await allGrants(t.db);
    await forgetBadges(t.db);
    await backfillBadges(t.db, { now: NOW });
    expect(await allGrants(t.db)).toEqual(live);
  });

  it("passes over the system account and grants nothing to a member with nothing to show", async () => {
    const mara = await makeUser(t.db, "mara");
    const quiet = await makeUser(t.db, "quiet");
    const reviewId = await seedReview(t.db, mara, { title: "Harry Lime's Vienna", score: "" }, at(DAY));
    for (const [i, fan] of (await members(t.db, "fan", 10)).entries()) await vote(t.db, fan, "review", reviewId, "up", at(2 * DAY + i * MINUTE));
    const system = (await rows(t.db, "users", "where is_system = true"))[0]!;
    await forgetBadges(t.db);
    const result = await backfillBadges(t.db, { now: NOW });
    // mara, quiet and ten fans: not the system account.
    expect(result.members).toBe(12);
    expect(result.earned.every((e) => e.userId === mara.id)).toBe(true);
    expect(await rows(t.db, "user_badges", `where user_id = '${system.id}'`)).toEqual([]);
    expect(await heldBadges(t.db, quiet)).toEqual({});
  });

  it("evaluates each rule for one member exactly as for everyone: the same grants, dated and sourced alike", async () => {
    const { mara, femi, fans } = await history(t.db);
    await forgetBadges(t.db);
    const all = await dueGrants(t.db, "all", NOW);
    expect(all.length).toBeGreaterThan(0);
    const one = [];
    for (const m of [mara, femi, ...fans]) one.push(...(await dueGrants(t.db, { userId: m.id }, NOW)));
    const key = (g: { userId: string; slug: string }) => `${g.userId} ${g.slug}`;
    expect([...one].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...all].sort((a, b) => key(a).localeCompare(key(b))));
    // Nothing is due twice: a held badge is never due again.
    await backfillBadges(t.db, { now: NOW });
    expect(await dueGrants(t.db, "all", NOW)).toEqual([]);
    expect(await dueGrants(t.db, { userId: mara.id }, NOW)).toEqual([]);
  });

  it("backfills only the members it is given", async () => {
    const { mara, femi } = await history(t.db);
    const live = await allGrants(t.db);
    await forgetBadges(t.db);
    const result = await backfillBadges(t.db, { now: NOW, userIds: [mara.id] });
    expect(result.members).toBe(1);
    expect(result.earned.every((e) => e.userId === mara.id)).toBe(true);
    expect(await allGrants(t.db)).toEqual(live.filter(([u]) => u === "mara"));
    expect(await heldBadges(t.db, femi)).toEqual({});
  });
});
