import { noChanges } from "@/lib/cache/changes";
import { describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { BADGES, TIER_POINTS } from "@/lib/badges/catalog";
import { getBoard, listCatalog, listHolders } from "@/lib/badges/queries";
import { grantAnniversaries } from "@/lib/maintenance/sweep";
import { editComment } from "@/lib/comments/edit-comment";
import type { Actor } from "@/lib/permissions";
import { recountAll } from "@/lib/maintenance/recount";
import { createReview } from "@/lib/reviews/create-review";
import { deleteReview } from "@/lib/reviews/delete-review";
import { editReview } from "@/lib/reviews/edit-review";
import { recordView } from "@/lib/reviews/record-view";
import { ctxAs, perTestDb } from "../helpers/db";
import { postComment } from "../helpers/comments";
import { ageAccount } from "../helpers/people";
import { DAY, HOUR, MINUTE, T0, at, makeUser, reviewForm, seedReview, makeUsers } from "../helpers/reviews";
import { vote } from "../helpers/votes";
import {
  badgeNotices,
  grantRow,
  heldBadges,
  holderCount,
  members,
  monthRows,
  newestBadgeWords,
  pointsOf,
  presetReceived,
  rows,
  setAnnouncements,
} from "../helpers/badges";

/** The rungs of one ladder a member holds, lowest first. */
async function rungsHeld(db: DB, actor: Actor, ladder: string): Promise<number[]> {
  return Object.keys(await heldBadges(db, actor))
    .filter((slug) => slug.startsWith(`${ladder}-`))
    .map((slug) => Number(slug.slice(ladder.length + 1)))
    .sort((a, b) => a - b);
}

/** The rungs of `rungs` at or below `n`: what a member should hold once a counter reached n. */
const upTo = (rungs: readonly number[], n: number) => rungs.filter((r) => r <= n);

/** A review without a score or spoilers: publishing it earns only the reviews ladder's rung. */
const plain = (title: string) => ({ title, score: "" });

// Every ladder's rungs as the brief states them, written out here rather than read from the catalog.
const UPVOTES = [10, 50, 100, 200, 500, 1000, 2000, 5000];
const REVIEWS = [1, 5, 10, 25, 50, 100];
const COMMENTS = [1, 10, 50, 100, 500];
const REPLIES = [1, 10, 50, 100, 500];
const VIEWS = [100, 1000, 10000];

// Climbing a ladder through the verbs takes hundreds of writes: room for a slow machine.
const LONG = 60_000;

describe("the catalog", () => {
  it("holds the five ladders' rungs and the six one-off badges, each with its tier's points", async () => {
    const ladder = (key: string) => BADGES.filter((b) => b.ladder === key).map((b) => [b.threshold, b.tier, b.points]);
    expect(ladder("upvotes")).toEqual([
      [10, "bronze", 1], [50, "bronze", 1], [100, "silver", 3], [200, "silver", 3], [500, "silver", 3], [1000, "gold", 10], [2000, "gold", 10], [5000, "gold", 10],
    ]);
    expect(ladder("reviews")).toEqual([[1, "bronze", 1], [5, "bronze", 1], [10, "silver", 3], [25, "silver", 3], [50, "gold", 10], [100, "gold", 10]]);
    expect(ladder("comments")).toEqual([[1, "bronze", 1], [10, "bronze", 1], [50, "silver", 3], [100, "silver", 3], [500, "gold", 10]]);
    expect(ladder("replies")).toEqual([[1, "bronze", 1], [10, "bronze", 1], [50, "silver", 3], [100, "silver", 3], [500, "gold", 10]]);
    expect(ladder("views")).toEqual([[100, "bronze", 1], [1000, "silver", 3], [10000, "gold", 10]]);
    expect(BADGES.filter((b) => !b.ladder).map((b) => [b.slug, b.tier, b.points])).toEqual([
      ["first-edit", "bronze", 1],
      ["first-scored-review", "bronze", 1],
      ["first-spoiler-review", "bronze", 1],
      ["review-10-upvotes", "silver", 3],
      ["comment-10-upvotes", "silver", 3],
      ["one-year", "silver", 3],
    ]);
    expect(TIER_POINTS).toEqual({ bronze: 1, silver: 3, gold: 10 });
  });

  const t = perTestDb();

  it("is copied into the badges table when the database opens, nobody holding anything yet", async () => {
    const inCatalogOrder = (await rows(t.db, "badges")).sort((a, b) => (a.position as number) - (b.position as number));
    expect(inCatalogOrder.map((b) => [b.slug, b.points, b.holder_count])).toEqual(BADGES.map((b) => [b.slug, b.points, 0]));
    expect((await listCatalog(t.db)).every((b) => b.holders === 0)).toBe(true);
  });
});

describe("the upvotes ladder (castVote)", () => {
  const t = perTestDb();

  it("grants 10 and 50 upvotes at exactly the 10th and the 50th upvote, not one vote before", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, plain("Harry Lime's Vienna"));
    const fans = await members(t.db, "fan", 50);
    for (const [i, fan] of fans.entries()) {
      const n = i + 1;
      const result = await vote(t.db, fan, "review", reviewId, "up", at(n * MINUTE));
      expect(await rungsHeld(t.db, mara, "upvotes"), `after upvote ${n}`).toEqual(upTo(UPVOTES, n));
      expect(result.badges.map((b) => b.slug), `badges of upvote ${n}`).toEqual(n === 10 ? ["upvotes-10", "review-10-upvotes"] : n === 50 ? ["upvotes-50"] : []);
    }
    // Dated by the vote that crossed the threshold, and pointing at the review it was cast on.
    expect(await grantRow(t.db, mara, "upvotes-10")).toEqual({ user_id: mara.id, badge_slug: "upvotes-10", granted_at: at(10 * MINUTE).getTime(), post_id: reviewId, comment_id: null });
    expect(await grantRow(t.db, mara, "upvotes-50")).toEqual({ user_id: mara.id, badge_slug: "upvotes-50", granted_at: at(50 * MINUTE).getTime(), post_id: reviewId, comment_id: null });
    // reviews-1 (1) + upvotes-10 (1) + review-10-upvotes (3) + upvotes-50 (1).
    expect(await pointsOf(t.db, mara)).toBe(6);
    expect(await badgeNotices(t.db, mara)).toEqual(["reviews-1", "upvotes-10", "review-10-upvotes", "upvotes-50"]);
    expect(await newestBadgeWords(t.db, mara)).toEqual({
      before: "New badge: ",
      subject: "50 upvotes",
      after: ". You received more than 50 upvotes. Your next target is to reach 100 upvotes.",
      href: "/u/mara/badges",
    });
    // The voters earned nothing by voting.
    for (const fan of fans) expect(await heldBadges(t.db, fan)).toEqual({});
  });

  it("adds up upvotes on reviews and comments: the 10th may land on a comment, which names the comment", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, plain("Harry Lime's Vienna"));
    const comment = await postComment(t.db, mara, reviewId);
    const fans = await members(t.db, "fan", 6);
    for (const fan of fans) await vote(t.db, fan, "review", reviewId, "up", at(HOUR));
    for (const fan of fans.slice(0, 3)) await vote(t.db, fan, "comment", comment.id, "up", at(2 * HOUR));
    expect(await rungsHeld(t.db, mara, "upvotes")).toEqual([]);
    const result = await vote(t.db, fans[3]!, "comment", comment.id, "up", at(3 * HOUR));
    expect(result.badges.map((b) => b.slug)).toEqual(["upvotes-10"]);
    expect(await grantRow(t.db, mara, "upvotes-10")).toEqual({ user_id: mara.id, badge_slug: "upvotes-10", granted_at: at(3 * HOUR).getTime(), post_id: reviewId, comment_id: comment.id });
    // Neither item reached 10 on its own.
    expect(await heldBadges(t.db, mara)).not.toHaveProperty("review-10-upvotes");
    expect(await heldBadges(t.db, mara)).not.toHaveProperty("comment-10-upvotes");
  });

  // [threshold, name, points, reached, next]
  const HIGH: [number, string, number, string, string][] = [
    [100, "100 upvotes", 3, "You received more than 100 upvotes.", "Your next target is to reach 200 upvotes."],
    [200, "200 upvotes", 3, "You received more than 200 upvotes.", "Your next target is to reach 500 upvotes."],
    [500, "500 upvotes", 3, "You received more than 500 upvotes.", "Your next target is to reach 1,000 upvotes."],
    [1000, "1,000 upvotes", 10, "You received more than 1,000 upvotes.", "Your next target is to reach 2,000 upvotes."],
    [2000, "2,000 upvotes", 10, "You received more than 2,000 upvotes.", "Your next target is to reach 5,000 upvotes."],
    [5000, "5,000 upvotes", 10, "You received more than 5,000 upvotes.", "That was the last rung: the upvotes received ladder is complete."],
  ];

  it("grants each higher rung on the vote that reaches it, with the next target, and says the last rung completes the ladder", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, plain("Harry Lime's Vienna"));
    const comment = await postComment(t.db, mara, reviewId);
    const fans = await members(t.db, "fan", HIGH.length * 2);
    let points = await pointsOf(t.db, mara);
    for (const [i, [threshold, name, worth, reached, next]] of HIGH.entries()) {
      // Start two short of the rung (no crowd of thousands); the last two steps are real votes,
      // spread over the review and the comment so neither item reaches ten on its own.
      await presetReceived(t.db, mara, "upvotes_received", threshold - 2);
      const [a, b] = [fans[2 * i]!, fans[2 * i + 1]!];
      const when = at((i + 1) * HOUR);
      expect((await vote(t.db, a, i % 2 ? "comment" : "review", i % 2 ? comment.id : reviewId, "up", when)).badges).toEqual([]);
      expect(await heldBadges(t.db, mara), `one short of ${threshold}`).not.toHaveProperty(`upvotes-${threshold}`);
      expect(await pointsOf(t.db, mara)).toBe(points);
      const result = await vote(t.db, b, i % 2 ? "review" : "comment", i % 2 ? reviewId : comment.id, "up", when);
      expect(result.badges.map((e) => e.slug)).toEqual([`upvotes-${threshold}`]);
      expect((await heldBadges(t.db, mara))[`upvotes-${threshold}`]).toBe(when.getTime());
      points += worth;
      expect(await pointsOf(t.db, mara), `points after ${threshold}`).toBe(points);
      expect(await holderCount(t.db, `upvotes-${threshold}`)).toBe(1);
      expect(await newestBadgeWords(t.db, mara)).toEqual({ before: "New badge: ", subject: name, after: `. ${reached} ${next}`, href: "/u/mara/badges" });
    }
    expect(await badgeNotices(t.db, mara)).toEqual(["reviews-1", "comments-1", ...HIGH.map(([n]) => `upvotes-${n}`)]);
  });

  it("never takes a badge back: undoing the vote that crossed 10 leaves it, and crossing again grants nothing", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, plain("Harry Lime's Vienna"));
    const fans = await members(t.db, "fan", 11);
    for (const [i, fan] of fans.slice(0, 10).entries()) await vote(t.db, fan, "review", reviewId, "up", at(i * MINUTE));
    const held = await heldBadges(t.db, mara);
    expect(Object.keys(held).sort()).toEqual(["review-10-upvotes", "reviews-1", "upvotes-10"]);
    const points = await pointsOf(t.db, mara);
    const notices = await rows(t.db, "notifications", "where kind = 'badge'");
    const comments = await rows(t.db, "comments");

    const undo = await vote(t.db, fans[9]!, "review", reviewId, "none", at(HOUR));
    expect(undo).toMatchObject({ voted: false, changed: true, count: 9, badges: [] });
    expect((await rows(t.db, "users", `where id = '${mara.id}'`))[0]).toMatchObject({ upvotes_received: 9, badge_points: points });
    expect(await heldBadges(t.db, mara)).toEqual(held);
    expect([await holderCount(t.db, "upvotes-10"), await holderCount(t.db, "review-10-upvotes")]).toEqual([1, 1]);

    // Back to 10, by the same fan and then (after another undo) by a new one: nothing is granted twice.
    expect(await vote(t.db, fans[9]!, "review", reviewId, "up", at(2 * HOUR))).toMatchObject({ count: 10, badges: [] });
    await vote(t.db, fans[0]!, "review", reviewId, "none", at(3 * HOUR));
    expect(await vote(t.db, fans[10]!, "review", reviewId, "up", at(4 * HOUR))).toMatchObject({ count: 10, badges: [] });
    expect(await heldBadges(t.db, mara)).toEqual(held);
    expect(await pointsOf(t.db, mara)).toBe(points);
    expect([await holderCount(t.db, "upvotes-10"), await holderCount(t.db, "review-10-upvotes")]).toEqual([1, 1]);
    expect(await rows(t.db, "notifications", "where kind = 'badge'")).toEqual(notices);
    // No second announcement under the review either.
    expect(await rows(t.db, "comments")).toEqual(comments);
  });

  it("keeps the badges a review earned, and their notices, when the review is deleted", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, plain("Harry Lime's Vienna"));
    for (const [i, fan] of (await members(t.db, "fan", 10)).entries()) await vote(t.db, fan, "review", reviewId, "up", at(i * MINUTE));
    const held = await heldBadges(t.db, mara);
    const points = await pointsOf(t.db, mara);
    await deleteReview(ctxAs(t.db, mara, at(HOUR)), { reviewId });
    expect(await heldBadges(t.db, mara)).toEqual(held);
    expect(await pointsOf(t.db, mara)).toBe(points);
    // A badge notice leads to the member's board, which is still there: it should not vanish with the review.
    expect(await badgeNotices(t.db, mara)).toEqual(["reviews-1", "upvotes-10", "review-10-upvotes"]);
  });
});

describe("the reviews ladder (createReview, editReview publishing a draft)", () => {
  const t = perTestDb();

  it("grants a rung at the 1st, 5th, 10th, 25th, 50th and 100th published review, drafts not counting", async () => {
    const mara = await makeUser(t.db, "mara");
    for (let n = 1; n <= 100; n++) {
      const when = at(n * MINUTE);
      let result;
      if (n % 7 === 0) {
        // Saved as a draft first (which counts for nothing), published later by editReview.
        const draft = await createReview(ctxAs(t.db, mara.id, when), reviewForm({ ...plain(`Review ${n}`), intent: "draft" }));
        expect(draft.badges).toEqual([]);
        expect(await rungsHeld(t.db, mara, "reviews"), `draft ${n}`).toEqual(upTo(REVIEWS, n - 1));
        result = await editReview(ctxAs(t.db, mara, when), { ...reviewForm({ ...plain(`Review ${n}`), intent: "publish" }), reviewId: draft.id });
      } else {
        result = await createReview(ctxAs(t.db, mara.id, when), reviewForm(plain(`Review ${n}`)));
      }
      expect(await rungsHeld(t.db, mara, "reviews"), `after review ${n}`).toEqual(upTo(REVIEWS, n));
      expect(result.badges!.map((b) => b.slug), `badges of review ${n}`).toEqual(REVIEWS.includes(n) ? [`reviews-${n}`] : []);
      if (REVIEWS.includes(n)) expect(await grantRow(t.db, mara, `reviews-${n}`)).toEqual({ user_id: mara.id, badge_slug: `reviews-${n}`, granted_at: when.getTime(), post_id: result.id, comment_id: null });
    }
    // 1 + 1 + 3 + 3 + 10 + 10.
    expect(await pointsOf(t.db, mara)).toBe(28);
    expect(await newestBadgeWords(t.db, mara)).toEqual({
      before: "New badge: ",
      subject: "100 reviews",
      after: ". You published 100 reviews. That was the last rung: the reviews published ladder is complete.",
      href: "/u/mara/badges",
    });
  }, LONG);

  it("names the first review and the next target in its notice, and a deleted-then-replaced review earns nothing twice", async () => {
    const mara = await makeUser(t.db, "mara");
    const first = await seedReview(t.db, mara, plain("First"), at(MINUTE));
    expect(await newestBadgeWords(t.db, mara)).toEqual({
      before: "New badge: ",
      subject: "First review",
      after: ". You published your first review. Your next target is to publish 5 reviews.",
      href: "/u/mara/badges",
    });
    await deleteReview(ctxAs(t.db, mara, at(HOUR)), { reviewId: first });
    expect((await rows(t.db, "users", `where id = '${mara.id}'`))[0]).toMatchObject({ review_count: 0, badge_points: 1 });
    const again = await createReview(ctxAs(t.db, mara.id, at(2 * HOUR)), reviewForm(plain("Second")));
    expect(again.badges).toEqual([]);
    expect(await heldBadges(t.db, mara)).toEqual({ "reviews-1": at(MINUTE).getTime() });
    expect(await pointsOf(t.db, mara)).toBe(1);
  });
});

describe("the comments ladder (createComment)", () => {
  const t = perTestDb();

  it("grants a rung at the 1st, 10th, 50th, 100th and 500th comment", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, plain("Harry Lime's Vienna"));
    const femi = await makeUser(t.db, "femi");
    let last = 0;
    for (let n = 1; n <= 500; n++) {
      // Top-level comments and replies to mara alike count as femi's comments.
      const comment = await postComment(t.db, femi, reviewId, n % 2 ? null : last || null);
      if (n === 1) last = (await postComment(t.db, mara, reviewId)).id;
      expect(await rungsHeld(t.db, femi, "comments"), `after comment ${n}`).toEqual(upTo(COMMENTS, n));
      if (COMMENTS.includes(n)) {
        expect(await grantRow(t.db, femi, `comments-${n}`)).toMatchObject({ post_id: reviewId, comment_id: comment.id, granted_at: comment.createdAt.getTime() });
      }
    }
    expect((await rows(t.db, "users", `where id = '${femi.id}'`))[0]).toMatchObject({ comment_count: 500, badge_points: 1 + 1 + 3 + 3 + 10 });
    expect(await newestBadgeWords(t.db, femi)).toEqual({
      before: "New badge: ",
      subject: "500 comments",
      after: ". You wrote 500 comments. That was the last rung: the comments written ladder is complete.",
      href: "/u/femi/badges",
    });
    expect(await badgeNotices(t.db, femi)).toEqual(["comments-1", "comments-10", "comments-50", "comments-100", "comments-500"]);
  }, LONG);
});

describe("the replies ladder (createComment)", () => {
  const t = perTestDb();

  it("grants a rung at the 1st, 10th, 50th, 100th and 500th reply by someone else to one's reviews and comments", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, plain("Harry Lime's Vienna"));
    const hers = await postComment(t.db, mara, reviewId);
    // Her own comment on her review and her own reply to her comment are no replies received.
    await postComment(t.db, mara, reviewId, hers.id);
    expect((await rows(t.db, "users", `where id = '${mara.id}'`))[0]).toMatchObject({ replies_received: 0 });
    expect(await rungsHeld(t.db, mara, "replies")).toEqual([]);
    const others = await members(t.db, "reader", 5);
    for (let n = 1; n <= 500; n++) {
      // Alternately a comment on her review and a reply to her comment.
      const reply = await postComment(t.db, others[n % 5]!, reviewId, n % 2 ? null : hers.id);
      expect(await rungsHeld(t.db, mara, "replies"), `after reply ${n}`).toEqual(upTo(REPLIES, n));
      if (REPLIES.includes(n)) expect(await grantRow(t.db, mara, `replies-${n}`)).toMatchObject({ post_id: reviewId, comment_id: reply.id, granted_at: reply.createdAt.getTime() });
    }
    expect((await rows(t.db, "users", `where id = '${mara.id}'`))[0]).toMatchObject({ replies_received: 500 });
    expect((await badgeNotices(t.db, mara)).filter((s) => s.startsWith("replies-"))).toEqual(REPLIES.map((n) => `replies-${n}`));
    expect(await newestBadgeWords(t.db, mara)).toEqual({
      before: "New badge: ",
      subject: "500 replies",
      after: ". You received 500 replies. That was the last rung: the replies received ladder is complete.",
      href: "/u/mara/badges",
    });
  }, LONG);

  it("words the first reply's notice with the next target", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, plain("Harry Lime's Vienna"));
    await postComment(t.db, await makeUser(t.db, "femi"), reviewId);
    expect(await newestBadgeWords(t.db, mara)).toEqual({
      before: "New badge: ",
      subject: "First reply",
      after: ". Someone replied to you for the first time. Your next target is to receive 10 replies.",
      href: "/u/mara/badges",
    });
  });
});

describe("the views ladder (recordView)", () => {
  const t = perTestDb();

  it("grants 100 and 1,000 views at exactly the 100th and 1,000th counted reader", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, plain("Harry Lime's Vienna"));
    const day = at(HOUR);
    for (let n = 1; n <= 1000; n++) {
      const result = await recordView(ctxAs(t.db, null, day), { reviewId, viewer: { key: `anon:${n}`, userId: null } });
      // The author, a bot and a reader already counted today add nothing, even right below a rung.
      if (n === 99 || n === 999) {
        expect(await recordView(ctxAs(t.db, null, day), { reviewId, viewer: { key: `u:${mara.id}`, userId: mara.id } })).toEqual({ counted: false, views: n, changes: noChanges() });
        expect(await recordView(ctxAs(t.db, null, day), { reviewId, viewer: null })).toEqual({ counted: false, views: n, changes: noChanges() });
        expect(await recordView(ctxAs(t.db, null, day), { reviewId, viewer: { key: `anon:${n}`, userId: null } })).toEqual({ counted: false, views: n, changes: noChanges() });
      }
      expect(await rungsHeld(t.db, mara, "views"), `after view ${n}`).toEqual(upTo(VIEWS, n));
      expect(result!.badges!.map((b) => b.slug)).toEqual(VIEWS.includes(n) ? [`views-${n}`] : []);
    }
    expect(await grantRow(t.db, mara, "views-1000")).toEqual({ user_id: mara.id, badge_slug: "views-1000", granted_at: day.getTime(), post_id: reviewId, comment_id: null });
    expect((await rows(t.db, "users", `where id = '${mara.id}'`))[0]).toMatchObject({ views_received: 1000 });
    expect(await newestBadgeWords(t.db, mara)).toEqual({
      before: "New badge: ",
      subject: "1,000 views",
      after: ". Your reviews were read 1,000 times. Your next target is to reach 10,000 views.",
      href: "/u/mara/badges",
    });
  }, LONG);

  it("grants the last rung at the 10,000th view and says the ladder is complete", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, plain("Harry Lime's Vienna"));
    await presetReceived(t.db, mara, "views_received", 9998);
    await recordView(ctxAs(t.db, null, at(HOUR)), { reviewId, viewer: { key: "anon:a", userId: null } });
    expect(await rungsHeld(t.db, mara, "views")).toEqual([]);
    // The next day the same reader counts again: that is the 10,000th view.
    const result = await recordView(ctxAs(t.db, null, at(DAY + HOUR)), { reviewId, viewer: { key: "anon:a", userId: null } });
    expect(result!.badges!.map((b) => b.slug)).toEqual(["views-10000"]);
    expect(await pointsOf(t.db, mara)).toBe(1 + 10);
    expect(await newestBadgeWords(t.db, mara)).toEqual({
      before: "New badge: ",
      subject: "10,000 views",
      after: ". Your reviews were read 10,000 times. That was the last rung: the views received ladder is complete.",
      href: "/u/mara/badges",
    });
  });
});

describe("one-off badges", () => {
  const t = perTestDb();

  it("first scored review and first spoiler review come with the first such review, once", async () => {
    const mara = await makeUser(t.db, "mara");
    await seedReview(t.db, mara, plain("Unscored"), at(MINUTE));
    expect(Object.keys(await heldBadges(t.db, mara))).toEqual(["reviews-1"]);
    const scored = await createReview(ctxAs(t.db, mara.id, at(2 * MINUTE)), reviewForm({ title: "Scored", score: "7" }));
    expect(scored.badges.map((b) => b.slug)).toEqual(["first-scored-review"]);
    const spoiler = await createReview(ctxAs(t.db, mara.id, at(3 * MINUTE)), reviewForm({ title: "Spoiled", score: "6", hasSpoilers: "on" }));
    expect(spoiler.badges.map((b) => b.slug)).toEqual(["first-spoiler-review"]);
    expect((await createReview(ctxAs(t.db, mara.id, at(4 * MINUTE)), reviewForm({ title: "Again", score: "6", hasSpoilers: "on" }))).badges).toEqual([]);
    expect(await grantRow(t.db, mara, "first-spoiler-review")).toMatchObject({ post_id: spoiler.id, granted_at: at(3 * MINUTE).getTime() });
    expect(await newestBadgeWords(t.db, mara)).toEqual({
      before: "New badge: ",
      subject: "Spoiler alert",
      after: ". You published your first review marked as containing spoilers.",
      href: "/u/mara/badges",
    });
  });

  it("first edit comes with editing one's own published review or comment, not a draft and not someone else's", async () => {
    const mara = await makeUser(t.db, "mara");
    const mod = await makeUser(t.db, "moda", "moderator");
    const draft = await createReview(ctxAs(t.db, mara.id, at(MINUTE)), reviewForm({ ...plain("Draft"), intent: "draft" }));
    await editReview(ctxAs(t.db, mara, at(2 * MINUTE)), { ...reviewForm({ ...plain("Draft"), body: "Still a draft.", intent: "draft" }), reviewId: draft.id });
    expect(await heldBadges(t.db, mara)).toEqual({});
    const reviewId = await seedReview(t.db, mara, plain("Published"), at(3 * MINUTE));
    const comment = await postComment(t.db, mara, reviewId);
    // A moderator's edit earns the moderator nothing, and the author nothing.
    await editComment(ctxAs(t.db, mod, at(HOUR)), { commentId: comment.id, body: "Edited by a moderator." });
    expect(Object.keys(await heldBadges(t.db, mara)).sort()).toEqual(["comments-1", "reviews-1"]);
    expect(await heldBadges(t.db, mod)).toEqual({});
    const edited = await editComment(ctxAs(t.db, mara, at(2 * HOUR)), { commentId: comment.id, body: "Edited by mara herself." });
    expect(edited).toMatchObject({ changed: true, badges: [{ userId: mara.id, slug: "first-edit", reviewId, commentId: comment.id }] });
    expect(await grantRow(t.db, mara, "first-edit")).toEqual({ user_id: mara.id, badge_slug: "first-edit", granted_at: at(2 * HOUR).getTime(), post_id: reviewId, comment_id: comment.id });
    const again = await editReview(ctxAs(t.db, mara, at(3 * HOUR)), { ...reviewForm({ ...plain("Published"), body: "A second look." }), reviewId });
    expect(again.badges).toEqual([]);
    expect(await holderCount(t.db, "first-edit")).toBe(1);
  });

  it("ten upvotes on one comment earn 'Well said' once, on the tenth", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, await makeUser(t.db, "femi"), plain("Femi's"));
    const comment = await postComment(t.db, mara, reviewId);
    const fans = await members(t.db, "fan", 10);
    for (const [i, fan] of fans.entries()) {
      const result = await vote(t.db, fan, "comment", comment.id, "up", at((i + 1) * MINUTE));
      expect(result.badges.map((b) => b.slug), `upvote ${i + 1}`).toEqual(i === 9 ? ["upvotes-10", "comment-10-upvotes"] : []);
    }
    expect(await grantRow(t.db, mara, "comment-10-upvotes")).toEqual({ user_id: mara.id, badge_slug: "comment-10-upvotes", granted_at: at(10 * MINUTE).getTime(), post_id: reviewId, comment_id: comment.id });
    // comments-1 (1) + upvotes-10 (1) + comment-10-upvotes (3).
    expect(await pointsOf(t.db, mara)).toBe(5);
  });

  it("a year at the pictures comes with the sweep once the account is 365 days old, once", async () => {
    const old = await makeUser(t.db, "old");
    const young = await makeUser(t.db, "young");
    await ageAccount(t.db, old, 365);
    await ageAccount(t.db, young, 364);
    expect((await grantAnniversaries(t.db, T0)).earned.map((e) => e.userId)).toEqual([old.id]);
    expect((await grantAnniversaries(t.db, T0)).earned).toEqual([]);
    expect(await heldBadges(t.db, old)).toEqual({ "one-year": T0.getTime() });
    expect(await heldBadges(t.db, young)).toEqual({});
    expect(await pointsOf(t.db, old)).toBe(3);
    expect(await newestBadgeWords(t.db, old)).toEqual({ before: "New badge: ", subject: "A year at the pictures", after: ". You have been a member for a year.", href: "/u/old/badges" });
    expect((await grantAnniversaries(t.db, at(DAY))).earned.map((e) => e.userId)).toEqual([young.id]);
  });
});

describe("points, holders, boards and months", () => {
  const t = perTestDb();

  it("counts holders per badge, lists them first to earn first, and shows each member's board", async () => {
    const [ana, ben, cy] = (await makeUsers(t.db, "ana", "ben", "cy")) as [Actor, Actor, Actor];
    await seedReview(t.db, ben, plain("Ben's"), at(MINUTE));
    await seedReview(t.db, ana, { title: "Ana's", score: "9" }, at(2 * MINUTE));
    const cysReview = await seedReview(t.db, cy, plain("Cy's"), at(3 * MINUTE));
    await postComment(t.db, ana, cysReview, null, "First!", at(HOUR));
    const catalog = new Map((await listCatalog(t.db)).map((b) => [b.slug, b.holders]));
    expect([catalog.get("reviews-1"), catalog.get("first-scored-review"), catalog.get("comments-1"), catalog.get("replies-1"), catalog.get("reviews-5")]).toEqual([3, 1, 1, 1, 0]);
    expect(await holderCount(t.db, "reviews-1")).toBe(3);
    const holders = await listHolders(t.db, "reviews-1", 1);
    expect(holders.total).toBe(3);
    expect(holders.holders.map((h) => [h.username, h.grantedAt.getTime()])).toEqual([
      ["ben", at(MINUTE).getTime()],
      ["ana", at(2 * MINUTE).getTime()],
      ["cy", at(3 * MINUTE).getTime()],
    ]);
    expect([await pointsOf(t.db, ana), await pointsOf(t.db, ben), await pointsOf(t.db, cy)]).toEqual([3, 1, 2]);

    const board = (await getBoard(t.db, ana.id))!;
    expect(board.points).toBe(3);
    // Newest first: the comment an hour later, then the two the review earned together (in either order).
    const earned = board.earned.map((e) => [e.slug, e.grantedAt.getTime(), e.reviewTitle]);
    expect(earned[0]).toEqual(["comments-1", at(HOUR).getTime(), "Cy's"]);
    expect(earned.slice(1).sort()).toEqual([
      ["first-scored-review", at(2 * MINUTE).getTime(), "Ana's"],
      ["reviews-1", at(2 * MINUTE).getTime(), "Ana's"],
    ]);
    const reviews = board.ladders.find((l) => l.key === "reviews")!;
    expect({ value: reviews.value, target: reviews.target, percent: reviews.percent, progress: reviews.progress }).toEqual({ value: 1, target: 5, percent: 20, progress: "1 review published" });
    expect(reviews.rungs.map((r) => [r.badge.slug, r.held?.reviewTitle ?? null])).toEqual([
      ["reviews-1", "Ana's"], ["reviews-5", null], ["reviews-10", null], ["reviews-25", null], ["reviews-50", null], ["reviews-100", null],
    ]);
  });

  it("books points, upvotes and reviews in the month they happen; an undo takes the upvote from the month it was given in", async () => {
    const mara = await makeUser(t.db, "mara");
    const feb = new Date("2025-02-27T10:00:00.000Z");
    const mar = new Date("2025-03-02T10:00:00.000Z");
    const reviewId = await seedReview(t.db, mara, plain("Harry Lime's Vienna"), feb);
    const fans = await members(t.db, "fan", 10);
    for (const fan of fans.slice(0, 9)) await vote(t.db, fan, "review", reviewId, "up", feb);
    await vote(t.db, fans[9]!, "review", reviewId, "up", mar);
    expect(await monthRows(t.db, mara)).toEqual([
      { user_id: mara.id, month: "2025-02", points: 1, points_at: feb.getTime(), upvotes: 9, upvotes_at: feb.getTime(), reviews: 1, reviews_at: feb.getTime() },
      // upvotes-10 (1) and review-10-upvotes (3) were earned in March.
      { user_id: mara.id, month: "2025-03", points: 4, points_at: mar.getTime(), upvotes: 1, upvotes_at: mar.getTime(), reviews: 0, reviews_at: null },
    ]);
    // A February upvote taken back in March leaves March alone; the badges stay.
    await vote(t.db, fans[0]!, "review", reviewId, "none", new Date("2025-03-05T10:00:00.000Z"));
    expect((await monthRows(t.db, mara)).map((m) => [m.month, m.points, m.upvotes, m.reviews])).toEqual([
      ["2025-02", 1, 8, 1],
      ["2025-03", 4, 1, 0],
    ]);
    expect(await pointsOf(t.db, mara)).toBe(5);
  });

  it("leaves every counter as recountAll finds it after the ladders are climbed through the verbs", async () => {
    const mara = await makeUser(t.db, "mara");
    // No announcements: they are tested (with their own counters) in badges-announce.test.ts.
    await setAnnouncements(t.db, mara, false);
    const reviewId = await seedReview(t.db, mara, { title: "Scored", score: "8", hasSpoilers: "on" }, at(MINUTE));
    const comment = await postComment(t.db, mara, reviewId);
    const fans = await members(t.db, "fan", 12);
    for (const [i, fan] of fans.entries()) {
      await vote(t.db, fan, "review", reviewId, "up", at(HOUR + i * MINUTE));
      if (i < 10) await vote(t.db, fan, "comment", comment.id, "up", at(2 * HOUR + i * MINUTE));
      await postComment(t.db, fan, reviewId, i % 2 ? comment.id : null);
    }
    for (let n = 0; n < 120; n++) await recordView(ctxAs(t.db, null, at(3 * HOUR)), { reviewId, viewer: { key: `anon:${n}`, userId: null } });
    await editComment(ctxAs(t.db, mara, at(4 * HOUR)), { commentId: comment.id, body: "Second thoughts on the zither." });
    await vote(t.db, fans[0]!, "review", reviewId, "none", at(5 * HOUR));
    expect(Object.keys(await heldBadges(t.db, mara)).sort()).toEqual([
      "comment-10-upvotes", "comments-1", "first-edit", "first-scored-review", "first-spoiler-review", "replies-1", "replies-10",
      "review-10-upvotes", "reviews-1", "upvotes-10", "views-100",
    ]);
    expect(Object.values(await recountAll(t.db, at(6 * HOUR))).every((n) => n === 0)).toBe(true);
  });
});
