import { describe, expect, it } from "vitest";
import { deleteReview } from "@/lib/reviews/delete-review";
import { deleteComment } from "@/lib/comments/delete-comment";
import { perTestDb, ctxAs } from "../helpers/db";
import { later, makeAgedUser, makeRegular, postComment } from "../helpers/comments";
import { allCounterDrift } from "../helpers/votes";
import { DAY, MINUTE, T0, at, countersOf, expectDomainError, makeUser, rowById, seedReview, snapshot, rows } from "../helpers/reviews";
import { sqlAll } from "@/tests/helpers/sql";

describe("deleteReview", () => {
  const t = perTestDb();
  const contributions = async () => await sqlAll(t.db, `select username, review_count, comment_count, is_new from users order by username`);

  async function setup() {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author, { score: "8" });
    const filmId = (await rowById(t.db, "posts", reviewId))?.film_id as number;
    await seedReview(t.db, await makeUser(t.db, "femi"), { title: "Second opinion", filmId: String(filmId), score: "5" });
    return { author, reviewId, filmId };
  }

  it("marks the author's review deleted, takes it out of the film's counters and keeps its history", async () => {
    const { author, reviewId, filmId } = await setup();
    expect(await countersOf(t.db, filmId)).toEqual({ reviewCount: 2, scoreSum: 13, scoreCount: 2 });
    expect(await contributions()).toEqual([
      { username: "femi", review_count: 1, comment_count: 0, is_new: 1 },
      { username: "mara", review_count: 1, comment_count: 0, is_new: 1 },
    ]);
    const result = await deleteReview(ctxAs(t.db, author, at(DAY)), { reviewId });
    expect(result).toEqual({ id: reviewId, slug: "harry-lime-s-vienna", filmId, authorId: author.id, tags: ["noir", "vienna"], newcomerFlipped: [], changes: expect.any(Object) });
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({
      status: "deleted",
      hot_score: 0,
      updated_at: at(DAY).getTime(),
      published_at: T0.getTime(),
      title: "Harry Lime's Vienna",
    });
    expect(await countersOf(t.db, filmId)).toEqual({ reviewCount: 1, scoreSum: 5, scoreCount: 1 });
    expect(await rows(t.db, "post_revisions", `where post_id = ${reviewId}`)).toHaveLength(1);
    // No longer one of mara's published reviews (still new: a week-young account).
    expect(await contributions()).toEqual([
      { username: "femi", review_count: 1, comment_count: 0, is_new: 1 },
      { username: "mara", review_count: 0, comment_count: 0, is_new: 1 },
    ]);
  });

  it("takes the review and the live comments on it out of everyone's contributions: members left with fewer than 3 become new", async () => {
    const mara = await makeRegular(t.db, "mara"); // a year-old account with exactly three reviews
    const reviewId = (await rows(t.db, "posts", `where title = 'mara''s review 1'`))[0]!.id as number;
    const ines = await makeAgedUser(t.db, "ines", 365);
    await seedReview(t.db, ines, { title: "Ines's only review" });
    const femi = await makeUser(t.db, "femi");
    const i1 = await postComment(t.db, ines, reviewId);
    await postComment(t.db, ines, reviewId, i1.id);
    const i3 = await postComment(t.db, ines, reviewId);
    await deleteComment(ctxAs(t.db, ines, later(t.db)), { commentId: i3.id }); // already uncounted: not taken off twice
    await postComment(t.db, femi, reviewId, i1.id);
    expect(await contributions()).toEqual([
      { username: "femi", review_count: 0, comment_count: 1, is_new: 1 },
      { username: "ines", review_count: 1, comment_count: 2, is_new: 0 },
      { username: "mara", review_count: 3, comment_count: 0, is_new: 0 },
    ]);

    const badgeNotices = await rows(t.db, "notifications", `where kind = 'badge'`);
    expect(badgeNotices.map((n) => [n.recipient_id, n.target, n.post_id])).toEqual([
      [mara.id, "reviews-1", reviewId],
      [mara.id, "first-scored-review", reviewId],
      [ines.id, "reviews-1", expect.any(Number)],
      [ines.id, "first-scored-review", expect.any(Number)],
      [ines.id, "comments-1", reviewId],
      [mara.id, "replies-1", reviewId],
      [femi.id, "comments-1", reviewId],
      [ines.id, "replies-1", reviewId],
    ]);
    const result = await deleteReview(ctxAs(t.db, mara, later(t.db)), { reviewId });
    expect(result.newcomerFlipped).toEqual([mara.id, ines.id]); // femi was new already
    expect(await contributions()).toEqual([
      { username: "femi", review_count: 0, comment_count: 0, is_new: 1 },
      { username: "ines", review_count: 1, comment_count: 0, is_new: 1 },
      { username: "mara", review_count: 2, comment_count: 0, is_new: 1 },
    ]);
    // The notices about replies on it went with it; badges stay earned, and their notices with them.
    expect(await rows(t.db, "notifications")).toEqual(badgeNotices);
    expect(await allCounterDrift(t.db, later(t.db))).toEqual([]);
  });

  it("deletes a draft without touching the film's counters", async () => {
    const { author, filmId } = await setup();
    const draftId = await seedReview(t.db, author, { title: "Draft", intent: "draft", filmId: String(filmId), score: "1" });
    await deleteReview(ctxAs(t.db, author, at(MINUTE)), { reviewId: draftId });
    expect(await rowById(t.db, "posts", draftId)).toMatchObject({ status: "deleted" });
    expect(await countersOf(t.db, filmId)).toEqual({ reviewCount: 2, scoreSum: 13, scoreCount: 2 });
  });

  it("lets a moderator delete someone else's review", async () => {
    const { reviewId, filmId } = await setup();
    await deleteReview(ctxAs(t.db, await makeUser(t.db, "modest", "moderator"), at(DAY)), { reviewId });
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ status: "deleted" });
    expect(await countersOf(t.db, filmId)).toEqual({ reviewCount: 1, scoreSum: 5, scoreCount: 1 });
  });

  it("refuses another member with Forbidden (403) and changes nothing", async () => {
    const { reviewId } = await setup();
    const troll = await makeUser(t.db, "troll");
    const before = await snapshot(t.db);
    await expectDomainError(() => deleteReview(ctxAs(t.db, troll, at(DAY)), { reviewId }), "Forbidden", 403);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("answers Gone (410) to a second delete and changes nothing", async () => {
    const { author, reviewId } = await setup();
    await deleteReview(ctxAs(t.db, author, at(DAY)), { reviewId });
    const before = await snapshot(t.db);
    await expectDomainError(() => deleteReview(ctxAs(t.db, author, at(2 * DAY)), { reviewId }), "Gone", 410);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("answers NotFound (404) for a review that never existed", async () => {
    const { author } = await setup();
    const before = await snapshot(t.db);
    await expectDomainError(() => deleteReview(ctxAs(t.db, author, at(DAY)), { reviewId: 9999 }), "NotFound", 404);
    expect(await snapshot(t.db)).toEqual(before);
  });
});
