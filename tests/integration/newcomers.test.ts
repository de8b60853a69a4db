import { describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { tagsFor } from "@/lib/cache/expire";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import type { Actor } from "@/lib/permissions";
import { recountAll } from "@/lib/maintenance/recount";
import { createReview } from "@/lib/reviews/create-review";
import { deleteReview } from "@/lib/reviews/delete-review";
import { editReview } from "@/lib/reviews/edit-review";
import { NEWCOMER_CONTRIBUTIONS, NEWCOMER_DAYS, adjustContributions, countPublishedReview, endFirstWeeks, isNewcomerRow } from "@/lib/users/newcomer";
import { recordPresence } from "@/lib/users/presence";
import { write, type Write } from "@/lib/write";
import { ctxAs, fixtureWriter, perTestDb } from "../helpers/db";
import { commentForm, later, postComment } from "../helpers/comments";
import { DAY, HOUR, MINUTE, T0, at, makeUser, reviewForm, rowById, seedReview } from "../helpers/reviews";
import { RECOUNT_NOTHING, allCounterDrift, vote } from "../helpers/votes";
import { ageAccount, rows, snapshot, standing } from "../helpers/people";
import { sqlColumn, sqlRun } from "@/tests/helpers/sql";

const WEEK = NEWCOMER_DAYS * DAY;

/** A member whose account was made a month before T0: only their contributions keep them new. */
async function veteran(db: DB, username: string): Promise<Actor> {
  const actor = await makeUser(db, username);
  await ageAccount(db, actor, 30);
  return actor;
}

/** A member's row as the newcomer rule reads it (undefined when there is no such member). */
const contributions = async (db: DB, id: string) => {
  const row = await rowById(db, "users", id);
  return row && { createdAt: new Date(row.created_at as number), reviewCount: row.review_count as number, commentCount: row.comment_count as number };
};
const firstReview = async (db: DB, id: number) => (await rowById(db, "posts", id))!.first_review;

/** Runs `fn` in a write of its own at `now` (no actor): what it returned, and the cache tags its changes map to. */
async function inWrite<T>(db: DB, now: Date, fn: (w: Write) => Promise<T>): Promise<{ value: T; tags: string[] }> {
  const { value, changes } = await write(ctxAs(db, null, now), async (w) => ({ value: await fn(w) }));
  return { value, tags: tagsFor(changes) };
}
const endWeeks = async (db: DB, now: Date) => (await inWrite(db, now, endFirstWeeks)).value;
/** Every cache tag of a page that shows this member, as a write that flips their marker records it. */
const presenceTags = async (db: DB, userId: string) => (await inWrite(db, T0, (w) => recordPresence(w, userId))).tags;

describe("isNewcomerRow", () => {
  it("is new while the account is younger than 7 days or has fewer than 3 published contributions", async () => {
    expect([NEWCOMER_DAYS, NEWCOMER_CONTRIBUTIONS]).toEqual([7, 3]);
    const row = (ageMs: number, reviewCount: number, commentCount: number) => isNewcomerRow({ createdAt: new Date(T0.getTime() - ageMs), reviewCount, commentCount }, T0);
    expect(await row(WEEK - 1, 10, 10)).toBe(true);
    expect(await row(WEEK, 10, 10)).toBe(false);
    expect(await row(WEEK, 1, 1)).toBe(true);
    expect(await row(WEEK, 3, 0)).toBe(false);
    expect(await row(WEEK, 0, 3)).toBe(false);
    expect(await row(WEEK, 1, 2)).toBe(false);
    expect(await row(365 * DAY, 0, 2)).toBe(true);
  });
});

describe("contributions and the New marker", () => {
  const t = perTestDb();

  it("adjustContributions moves the counts and flips the marker only when it changes, saying so", async () => {
    const femi = await veteran(t.db, "femi");
    const adjust = async (delta: { reviews?: number; comments?: number }) => (await inWrite(t.db, T0, (w) => adjustContributions(w, femi.id, delta))).value;
    expect(await standing(t.db, femi)).toEqual({ reviews: 0, comments: 0, isNew: 1 });
    // It says whether the marker flipped, and the counts as they now stand (for the badge ladders).
    expect(await adjust({ comments: 1 })).toEqual({ flipped: false, reviewCount: 0, commentCount: 1 });
    expect(await adjust({ comments: 1 })).toEqual({ flipped: false, reviewCount: 0, commentCount: 2 });
    expect(await standing(t.db, femi)).toEqual({ reviews: 0, comments: 2, isNew: 1 });
    expect(await adjust({ reviews: 1 })).toEqual({ flipped: true, reviewCount: 1, commentCount: 2 });
    expect(await standing(t.db, femi)).toEqual({ reviews: 1, comments: 2, isNew: 0 });
    expect(isNewcomerRow((await contributions(t.db, femi.id))!, T0)).toBe(false);
    expect(await adjust({ reviews: 2, comments: -1 })).toEqual({ flipped: false, reviewCount: 3, commentCount: 1 });
    expect(await adjust({ reviews: -3 })).toEqual({ flipped: true, reviewCount: 0, commentCount: 1 });
    expect(await standing(t.db, femi)).toEqual({ reviews: 0, comments: 1, isNew: 1 });
    // No account, or none given: nothing happens.
    const before = await snapshot(t.db);
    const none = { flipped: false, reviewCount: 0, commentCount: 0 };
    expect((await inWrite(t.db, T0, (w) => adjustContributions(w, null, { comments: 5 }))).value).toEqual(none);
    expect((await inWrite(t.db, T0, (w) => adjustContributions(w, "00000000-0000-4000-8000-000000000000", { comments: 5 }))).value).toEqual(none);
    expect(await snapshot(t.db)).toEqual(before);
    expect(await contributions(t.db, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });

  it("counts a member's published reviews and live comments on published reviews through every verb", async () => {
    const mara = await makeUser(t.db, "mara");
    const femi = await makeUser(t.db, "femi");
    const review = await seedReview(t.db, mara);
    const draft = await seedReview(t.db, mara, { title: "Unfinished", intent: "draft" });
    expect(await standing(t.db, mara)).toMatchObject({ reviews: 1, comments: 0 });
    const a = await postComment(t.db, femi, review);
    await postComment(t.db, femi, review, a.id);
    const own = await postComment(t.db, mara, review, a.id);
    expect([await standing(t.db, mara), await standing(t.db, femi)]).toEqual([
      { reviews: 1, comments: 1, isNew: 1 },
      { reviews: 0, comments: 2, isNew: 1 },
    ]);
    await deleteComment(ctxAs(t.db, femi, later(t.db)), { commentId: a.id });
    await deleteComment(ctxAs(t.db, mara, later(t.db)), { commentId: own.id });
    expect([await standing(t.db, mara), await standing(t.db, femi)]).toEqual([
      { reviews: 1, comments: 0, isNew: 1 },
      { reviews: 0, comments: 1, isNew: 1 },
    ]);
    await editReview(ctxAs(t.db, mara, later(t.db)), { ...reviewForm({ title: "Unfinished", intent: "publish" }), reviewId: draft });
    expect(await standing(t.db, mara)).toMatchObject({ reviews: 2 });
    // A later edit of a published review counts nothing more.
    await editReview(ctxAs(t.db, mara, later(t.db, DAY)), { ...reviewForm({ title: "Finished now" }), reviewId: draft });
    expect(await standing(t.db, mara)).toMatchObject({ reviews: 2 });
    await postComment(t.db, mara, draft);
    await deleteReview(ctxAs(t.db, mara, later(t.db, 2 * DAY)), { reviewId: review });
    expect([await standing(t.db, mara), await standing(t.db, femi)]).toEqual([
      { reviews: 1, comments: 1, isNew: 1 },
      { reviews: 0, comments: 0, isNew: 1 },
    ]);
    // Deleting a draft changes no count.
    const other = await seedReview(t.db, mara, { title: "Another draft", intent: "draft" });
    await deleteReview(ctxAs(t.db, mara, later(t.db, 3 * DAY)), { reviewId: other });
    expect(await standing(t.db, mara)).toMatchObject({ reviews: 1, comments: 1 });
    expect(await allCounterDrift(t.db, later(t.db, 3 * DAY))).toEqual([]);
    expect(await recountAll(t.db, later(t.db, 3 * DAY))).toMatchObject({ contributions: 0, newcomers: 0 });
  });

  it("flips a month-old member's marker with their third contribution, and back, and the verbs say whose flipped", async () => {
    const mara = await veteran(t.db, "mara");
    const femi = await veteran(t.db, "femi");
    const review = await seedReview(t.db, mara, {}, at(MINUTE)); // mara: 1
    const comments = [await postComment(t.db, femi, review), await postComment(t.db, femi, review)]; // femi: 2
    let step = 0;
    const next = () => later(t.db, ++step * MINUTE); // postComment's clock does not see createComment
    const third = await createComment(ctxAs(t.db, femi.id, next()), commentForm(review, { body: "My third." }));
    expect(third.newcomerFlipped).toEqual([femi.id]);
    expect(await standing(t.db, femi)).toEqual({ reviews: 0, comments: 3, isNew: 0 });
    // A fourth flips nothing.
    expect((await createComment(ctxAs(t.db, femi.id, next()), commentForm(review, { body: "My fourth." }))).newcomerFlipped).toEqual([]);
    expect((await deleteComment(ctxAs(t.db, femi, next()), { commentId: third.comment.id })).newcomerFlipped).toEqual([]);
    expect((await deleteComment(ctxAs(t.db, femi, next()), { commentId: comments[0]!.id })).newcomerFlipped).toEqual([femi.id]);
    expect(await standing(t.db, femi)).toEqual({ reviews: 0, comments: 2, isNew: 1 });

    // mara: two more reviews, one published at once and one from a draft.
    const second = await createReview(ctxAs(t.db, mara.id, next()), reviewForm({ title: "Second" }));
    expect(second.newcomerFlipped).toEqual([]);
    const draft = await createReview(ctxAs(t.db, mara.id, next()), reviewForm({ title: "Third", intent: "draft" }));
    expect(draft.newcomerFlipped).toEqual([]);
    const published = await editReview(ctxAs(t.db, mara, next()), { ...reviewForm({ title: "Third", intent: "publish" }), reviewId: draft.id });
    expect(published).toMatchObject({ status: "published", newcomerFlipped: [mara.id] });
    expect(await standing(t.db, mara)).toEqual({ reviews: 3, comments: 0, isNew: 0 });

    // Deleting the review with femi's two comments on it flips mara (2 reviews left: new) and femi (0).
    const gone = await deleteReview(ctxAs(t.db, mara, next()), { reviewId: review });
    expect(gone.newcomerFlipped).toEqual([mara.id]);
    expect(await standing(t.db, femi)).toEqual({ reviews: 0, comments: 0, isNew: 1 });
    expect(await allCounterDrift(t.db, next())).toEqual([]);
  });

  it("deleting a review flips each of its commenters whose contributions drop below three", async () => {
    const mara = await veteran(t.db, "mara");
    const femi = await veteran(t.db, "femi");
    const ines = await veteran(t.db, "ines");
    const review = await seedReview(t.db, mara);
    await seedReview(t.db, ines, { title: "Ines's own" });
    for (let i = 0; i < 3; i++) await postComment(t.db, femi, review);
    await postComment(t.db, ines, review);
    await postComment(t.db, ines, review);
    expect([(await standing(t.db, femi))!.isNew, (await standing(t.db, ines))!.isNew]).toEqual([0, 0]);
    const result = await deleteReview(ctxAs(t.db, mara, later(t.db)), { reviewId: review });
    expect([...result.newcomerFlipped].sort()).toEqual([femi.id, ines.id].sort());
    expect([await standing(t.db, mara), await standing(t.db, femi), await standing(t.db, ines)]).toEqual([
      { reviews: 0, comments: 0, isNew: 1 },
      { reviews: 0, comments: 0, isNew: 1 },
      { reviews: 1, comments: 0, isNew: 1 },
    ]);
    expect(await allCounterDrift(t.db, later(t.db))).toEqual([]);
  });

  it("keeps a week-young member new whatever they write, until endFirstWeeks after their seventh day", async () => {
    const mara = await makeUser(t.db, "mara");
    const femi = await makeUser(t.db, "femi");
    const ines = await makeUser(t.db, "ines");
    for (const a of [mara, femi, ines]) await ageAccount(t.db, a, 0); // made at T0
    const review = await seedReview(t.db, mara, {}, at(MINUTE));
    for (let i = 0; i < 3; i++) expect((await createComment(ctxAs(t.db, femi.id, at((i + 2) * HOUR)), commentForm(review, { body: `Young ${i}` }))).newcomerFlipped).toEqual([]);
    await postComment(t.db, ines, review);
    expect(await standing(t.db, femi)).toEqual({ reviews: 0, comments: 3, isNew: 1 });

    const none = await inWrite(t.db, at(WEEK - 1), endFirstWeeks);
    expect(none).toEqual({ value: [], tags: [] });
    expect((await standing(t.db, femi))!.isNew).toBe(1);
    const before = await snapshot(t.db);
    const ended = await inWrite(t.db, at(WEEK), endFirstWeeks);
    expect(ended.value).toEqual([femi.id]);
    // The pages that show femi lose the marker: his profile, the directory, the review he commented on.
    expect(ended.tags).toEqual(expect.arrayContaining([`user:${femi.id}`, "members", `review:${review}`]));
    // Only femi's marker moved: mara and ines have too few contributions.
    const after = await snapshot(t.db);
    expect(after.users!.filter((u, i) => JSON.stringify(u) !== JSON.stringify(before.users![i])).map((u) => [u.username, u.is_new])).toEqual([["femi", 0]]);
    // Besides the tags it expired, recorded for every server process (lib/cache/shared-tags.ts).
    expect(after.cache_tags!.filter((r) => !before.cache_tags!.some((b) => JSON.stringify(b) === JSON.stringify(r))).map((r) => r.tag).sort()).toEqual([...ended.tags].sort());
    expect({ ...after, users: [], cache_tags: [] }).toEqual({ ...before, users: [], cache_tags: [] });
    expect(await endWeeks(t.db, at(2 * WEEK))).toEqual([]);
    expect(await allCounterDrift(t.db, at(WEEK))).toEqual([]);
  });
});

describe("first reviews", () => {
  const t = perTestDb();

  it("marks a newcomer's first published review, and none after it", async () => {
    const mara = await makeUser(t.db, "mara");
    const first = await seedReview(t.db, mara, { title: "One" });
    const second = await seedReview(t.db, mara, { title: "Two" });
    expect([await firstReview(t.db, first), await firstReview(t.db, second)]).toEqual([1, 0]);
    // An edit keeps the mark.
    await editReview(ctxAs(t.db, mara, at(DAY)), { ...reviewForm({ title: "One, revised" }), reviewId: first });
    expect(await firstReview(t.db, first)).toBe(1);
  });

  it("marks a draft published through an edit when it is the first, and not a draft saved", async () => {
    const mara = await makeUser(t.db, "mara");
    const draft = await seedReview(t.db, mara, { title: "Draft", intent: "draft" });
    expect(await firstReview(t.db, draft)).toBe(0);
    await editReview(ctxAs(t.db, mara, at(HOUR)), { ...reviewForm({ title: "Draft", intent: "draft", body: "More words." }), reviewId: draft });
    expect(await firstReview(t.db, draft)).toBe(0);
    await editReview(ctxAs(t.db, mara, at(2 * HOUR)), { ...reviewForm({ title: "Draft", intent: "publish" }), reviewId: draft });
    expect(await firstReview(t.db, draft)).toBe(1);
  });

  it("does not mark a draft published after another review went out first", async () => {
    const mara = await makeUser(t.db, "mara");
    const draft = await seedReview(t.db, mara, { title: "Slow one", intent: "draft" });
    const quick = await seedReview(t.db, mara, { title: "Quick one" }, at(HOUR));
    await editReview(ctxAs(t.db, mara, at(2 * HOUR)), { ...reviewForm({ title: "Slow one", intent: "publish" }), reviewId: draft });
    expect([await firstReview(t.db, draft), await firstReview(t.db, quick)]).toEqual([0, 1]);
  });

  it("does not mark a review after an earlier one was published and deleted", async () => {
    const mara = await makeUser(t.db, "mara");
    const gone = await seedReview(t.db, mara, { title: "Regretted" });
    await deleteReview(ctxAs(t.db, mara, at(HOUR)), { reviewId: gone });
    const again = await seedReview(t.db, mara, { title: "Second go" }, at(2 * HOUR));
    expect([await firstReview(t.db, gone), await firstReview(t.db, again)]).toEqual([1, 0]);
  });

  it("does not mark the first review of a member who is no longer a newcomer", async () => {
    const mara = await makeUser(t.db, "mara");
    const femi = await veteran(t.db, "femi");
    const review = await seedReview(t.db, mara);
    for (let i = 0; i < 3; i++) await postComment(t.db, femi, review);
    expect((await standing(t.db, femi))!.isNew).toBe(0);
    const his = await seedReview(t.db, femi, { title: "Femi's first" }, later(t.db));
    expect(await firstReview(t.db, his)).toBe(0);
  });

  it("countPublishedReview counts the review and says whether it is a newcomer's first", async () => {
    const mara = await makeUser(t.db, "mara");
    const result = (await inWrite(t.db, T0, (w) => countPublishedReview(w, mara.id, null))).value;
    expect(result).toEqual({ first: true, flipped: false, reviewCount: 1, commentCount: 0 });
    expect(await standing(t.db, mara)).toMatchObject({ reviews: 1 });
  });
});

describe("presenceTags", () => {
  const t = perTestDb();

  it("lists the member's profile, the member lists, and every page that shows them", async () => {
    const mara = await makeUser(t.db, "mara");
    const femi = await makeUser(t.db, "femi");
    const mod = await makeUser(t.db, "modest", "moderator");
    const own = await seedReview(t.db, femi, { title: "Femi's", tags: "noir, vienna" });
    const ownSolaris = await seedReview(t.db, femi, { title: "Femi on Solaris", tags: "space", filmTitle: "Solaris", filmYear: "1972" });
    const draft = await seedReview(t.db, femi, { title: "Femi's draft", tags: "drafty", filmTitle: "Stalker", filmYear: "1979", intent: "draft" });
    const commented = await seedReview(t.db, mara, { title: "Commented on" });
    const votedReview = await seedReview(t.db, mara, { title: "Voted on" });
    const votedComment = await seedReview(t.db, mara, { title: "Comment voted on" });
    const edited = await seedReview(t.db, mara, { title: "Moderated" });
    const untouched = await seedReview(t.db, mara, { title: "Never seen by femi" });
    await postComment(t.db, femi, commented);
    await vote(t.db, femi, "review", votedReview, "up", later(t.db));
    const c = await postComment(t.db, mara, votedComment);
    await vote(t.db, femi, "comment", c.id, "up", later(t.db));
    await editReview(ctxAs(t.db, mod, at(DAY)), { ...reviewForm({ title: "Moderated", body: "Tidied by a moderator." }), reviewId: edited });

    const film = async (id: number) => (await rowById(t.db, "posts", id))!.film_id as number;
    const held = (await sqlColumn(t.db, "select badge_slug from user_badges where user_id = ?", femi.id)) as string[];
    expect(held.length).toBeGreaterThan(0);
    const tags = await presenceTags(t.db, femi.id);
    expect(new Set(tags)).toEqual(
      new Set([
        `user:${femi.id}`,
        "members",
        "ranking",
        // The holders' lists name them (the catalog's counts do not change).
        ...held.map((slug) => `badge:${slug}`),
        "feed",
        ...[own, ownSolaris, draft, commented, votedReview, votedComment].map((id) => `review:${id}`),
        `film:${await film(own)}`,
        `film:${await film(ownSolaris)}`,
        "tag:noir",
        "tag:vienna",
        "tag:space",
      ]),
    );
    expect(tags).not.toContain(`review:${untouched}`);
    expect(tags).not.toContain(`film:${await film(draft)}`);
    expect(await presenceTags(t.db, mod.id)).toEqual(expect.arrayContaining([`review:${edited}`]));
  });

  it("lists only the profile, the member lists and the Ranking for a member who has done nothing", async () => {
    const ines = await makeUser(t.db, "ines");
    expect((await presenceTags(t.db, ines.id)).sort()).toEqual([`user:${ines.id}`, "members", "ranking"].sort());
  });
});

describe("recountAll: contributions and newcomers", () => {
  const t = perTestDb();

  it("puts drifted contribution counts and New markers right, and reports how many rows it fixed", async () => {
    const mara = await veteran(t.db, "mara");
    const femi = await veteran(t.db, "femi");
    const ines = await makeUser(t.db, "ines");
    const review = await seedReview(t.db, mara);
    for (let i = 0; i < 3; i++) await postComment(t.db, femi, review);
    const now = later(t.db);
    expect(await recountAll(t.db, now)).toMatchObject({ contributions: 0, newcomers: 0 });
    const exact = await snapshot(t.db);

    const set = async (sql: string, id: string) => await sqlRun(fixtureWriter(t.db), sql, id);
    await set(`update users set review_count = 5 where id = ?`, mara.id);
    await set(`update users set comment_count = 0 where id = ?`, femi.id);
    await set(`update users set is_new = false where id = ?`, ines.id);
    const fixed = await recountAll(t.db, now);
    expect(fixed).toEqual({ ...RECOUNT_NOTHING, contributions: 2, newcomers: 1 });
    expect(await snapshot(t.db)).toEqual(exact);
    expect(await standing(t.db, femi)).toEqual({ reviews: 0, comments: 3, isNew: 0 });
  });

  it("turns a marker that ran past its week off, given the time", async () => {
    const femi = await makeUser(t.db, "femi");
    await ageAccount(t.db, femi, 0);
    const mara = await makeUser(t.db, "mara");
    const review = await seedReview(t.db, mara);
    for (let i = 0; i < 3; i++) await postComment(t.db, femi, review);
    expect((await recountAll(t.db, at(WEEK - 1))).newcomers).toBe(0);
    expect((await recountAll(t.db, at(WEEK))).newcomers).toBe(1);
    expect(await standing(t.db, femi)).toEqual({ reviews: 0, comments: 3, isNew: 0 });
    expect((await rows(t.db, "users")).map((u) => [u.username, u.is_new]).sort()).toEqual([
      ["femi", 0],
      ["mara", 1],
    ]);
  });
});
