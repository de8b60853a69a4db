import { describe, expect, it } from "vitest";
import { noChanges } from "@/lib/cache/changes";
import { ZodError } from "zod";
import { deleteReview } from "@/lib/reviews/delete-review";
import { editReview } from "@/lib/reviews/edit-review";
import { hotScore } from "@/lib/reviews/hot";
import { perTestDb, ctxAs, fixtureWriter } from "../helpers/db";
import { thrown } from "../helpers/errors";
import { DAY, HOUR, MINUTE, T0, at, countersOf, expectDomainError, makeUser, reviewForm, rowById, seedReview, snapshot, rows } from "../helpers/reviews";
import { sqlRun } from "@/tests/helpers/sql";

const BODY = reviewForm().body as string;

describe("editReview: who may edit, and refusals", () => {
  const t = perTestDb();

  it("lets a moderator and an admin edit someone else's review", async () => {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author);
    await editReview(ctxAs(t.db, await makeUser(t.db, "modest", "moderator"), at(MINUTE)), { ...reviewForm({ title: "Edited by mod" }), reviewId });
    await editReview(ctxAs(t.db, await makeUser(t.db, "root_ann", "admin"), at(2 * MINUTE)), { ...reviewForm({ title: "Edited by admin" }), reviewId });
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ author_id: author.id, title: "Edited by admin", revision_count: 3 });
  });

  it("refuses another member with Forbidden (403) and changes nothing", async () => {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author);
    const other = await makeUser(t.db, "femi");
    const before = await snapshot(t.db);
    await expectDomainError(() => editReview(ctxAs(t.db, other, at(DAY)), { ...reviewForm({ title: "Mine now", filmTitle: "Brand New Film" }), reviewId }), "Forbidden", 403);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("answers Gone (410) for a deleted review and NotFound (404) for a missing one, changing nothing", async () => {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author);
    await deleteReview(ctxAs(t.db, author, at(MINUTE)), { reviewId });
    const before = await snapshot(t.db);
    await expectDomainError(() => editReview(ctxAs(t.db, author, at(DAY)), { ...reviewForm({ title: "Back" }), reviewId }), "Gone", 410);
    await expectDomainError(() => editReview(ctxAs(t.db, author, at(DAY)), { ...reviewForm(), reviewId: 9999 }), "NotFound", 404);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses bad input with a ZodError before touching anything", async () => {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author);
    const before = await snapshot(t.db);
    expect(await thrown(() => editReview(ctxAs(t.db, author, at(DAY)), { ...reviewForm({ body: "   ", score: "0" }), reviewId }))).toBeInstanceOf(ZodError);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a move to an unknown film id as Invalid on \"film\", changing nothing", async () => {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author);
    const before = await snapshot(t.db);
    await expectDomainError(() => editReview(ctxAs(t.db, author, at(DAY)), { ...reviewForm({ filmId: "404" }), reviewId }), "Invalid", 422, ["film"]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("writes nothing for an edit that changes nothing, and the same edit sent twice applies once", async () => {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author);
    const before = await snapshot(t.db);
    const same = reviewForm({ tags: "VIENNA, #noir", title: "  Harry   Lime's Vienna ", body: BODY.replace(/\n/g, "\r\n") });
    expect(await editReview(ctxAs(t.db, author, at(DAY)), { ...same, reviewId })).toEqual({ id: reviewId, slug: "harry-lime-s-vienna", status: "published", changed: false, changes: noChanges() });
    expect(await snapshot(t.db)).toEqual(before);

    const edit = reviewForm({ score: "3", reason: "changed my mind" });
    expect((await editReview(ctxAs(t.db, author, at(DAY)), { ...edit, reviewId })).changed).toBe(true);
    const afterFirst = await snapshot(t.db);
    expect((await editReview(ctxAs(t.db, author, at(DAY + MINUTE)), { ...edit, reviewId })).changed).toBe(false);
    expect(await snapshot(t.db)).toEqual(afterFirst);
  });
});

describe("editReview: film counters", () => {
  const t = perTestDb();

  it("moves the score sum when the score changes, and drops it when the score is removed", async () => {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author, { score: "7" });
    const filmId = (await rowById(t.db, "posts", reviewId))?.film_id as number;
    expect(await countersOf(t.db, filmId)).toEqual({ reviewCount: 1, scoreSum: 7, scoreCount: 1 });
    await editReview(ctxAs(t.db, author, at(DAY)), { ...reviewForm({ score: "9" }), reviewId });
    expect(await countersOf(t.db, filmId)).toEqual({ reviewCount: 1, scoreSum: 9, scoreCount: 1 });
    await editReview(ctxAs(t.db, author, at(2 * DAY)), { ...reviewForm({ score: "" }), reviewId });
    expect(await countersOf(t.db, filmId)).toEqual({ reviewCount: 1, scoreSum: 0, scoreCount: 0 });
  });

  it("moves the counters to another film, created on the way, and back by id", async () => {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author, { score: "7" });
    const thirdMan = (await rowById(t.db, "posts", reviewId))?.film_id as number;
    const moved = await editReview(ctxAs(t.db, author, at(DAY)), { ...reviewForm({ score: "7", filmTitle: "Amélie", filmYear: "2001" }), reviewId });
    expect(moved).toMatchObject({ changed: true, previousFilmId: thirdMan, filmId: expect.any(Number) });
    const amelie = (moved as { filmId: number }).filmId;
    expect(await rowById(t.db, "films", amelie)).toMatchObject({ slug: "amelie-2001", title_key: "amelie", review_count: 1, score_sum: 7, score_count: 1 });
    expect(await countersOf(t.db, thirdMan)).toEqual({ reviewCount: 0, scoreSum: 0, scoreCount: 0 });
    expect((await rows(t.db, "post_revisions")).map((r) => r.film_id)).toEqual([thirdMan, amelie]);

    await editReview(ctxAs(t.db, author, at(2 * DAY)), { ...reviewForm({ score: "4", filmId: String(thirdMan) }), reviewId });
    expect(await countersOf(t.db, thirdMan)).toEqual({ reviewCount: 1, scoreSum: 4, scoreCount: 1 });
    expect(await countersOf(t.db, amelie)).toEqual({ reviewCount: 0, scoreSum: 0, scoreCount: 0 });
  });
});

describe("editReview: drafts", () => {
  const t = perTestDb();

  it("amends revision #1 on every draft save, then publishing sets the time, hot score and counters", async () => {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author, { intent: "draft", body: "", score: "6" });
    const filmId = (await rowById(t.db, "posts", reviewId))?.film_id as number;

    const longer = `${"A long draft. ".repeat(40)}`;
    const saved = await editReview(ctxAs(t.db, author, at(HOUR)), { ...reviewForm({ intent: "draft", body: longer, score: "9", tags: "noir" }), reviewId });
    expect(saved).toMatchObject({ status: "draft", changed: true });
    expect(await rows(t.db, "post_revisions")).toEqual([
      expect.objectContaining({ number: 1, body_md: longer, score: 9, tags: JSON.stringify(["noir"]), created_at: T0.getTime(), updated_at: at(HOUR).getTime() }),
    ]);
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ status: "draft", published_at: null, hot_score: 0, revision_count: 1, edited_at: null });
    expect(await countersOf(t.db, filmId)).toEqual({ reviewCount: 0, scoreSum: 0, scoreCount: 0 });

    const published = await editReview(ctxAs(t.db, author, at(2 * HOUR)), { ...reviewForm({ intent: "publish", body: longer, score: "9", tags: "noir" }), reviewId });
    expect(published).toMatchObject({ status: "published", changed: true });
    const review = await rowById(t.db, "posts", reviewId);
    expect(review).toMatchObject({ status: "published", published_at: at(2 * HOUR).getTime(), revision_count: 1, edited_at: null, edited_after_comments: null });
    expect(review?.hot_score).toBeCloseTo(hotScore(0, at(2 * HOUR)), 9);
    expect(await rows(t.db, "post_revisions")).toEqual([expect.objectContaining({ number: 1, created_at: at(2 * HOUR).getTime(), updated_at: at(2 * HOUR).getTime() })]);
    expect(await countersOf(t.db, filmId)).toEqual({ reviewCount: 1, scoreSum: 9, scoreCount: 1 });

    // After publication the grace window runs from the publication.
    await editReview(ctxAs(t.db, author, at(2 * HOUR + MINUTE)), { ...reviewForm({ intent: "publish", body: `${longer}!`, score: "9", tags: "noir" }), reviewId });
    await editReview(ctxAs(t.db, author, at(3 * HOUR)), { ...reviewForm({ intent: "publish", body: `${longer}!!`, score: "9", tags: "noir" }), reviewId });
    expect((await rows(t.db, "post_revisions")).map((r) => r.number)).toEqual([1, 2]);
  });

  it("publishes a draft even when nothing else changed", async () => {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author, { intent: "draft" });
    expect(await editReview(ctxAs(t.db, author, at(HOUR)), { ...reviewForm({ intent: "publish" }), reviewId })).toMatchObject({ status: "published", changed: true });
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ status: "published", published_at: at(HOUR).getTime() });
  });
});

describe("editReview: edited after comments", () => {
  const t = perTestDb();

  it("records the comment count at a substantive edit, but not at a grace edit", async () => {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author);
    await sqlRun(fixtureWriter(t.db), "update posts set comment_count = 3 where id = ?", reviewId);

    await editReview(ctxAs(t.db, author, at(MINUTE)), { ...reviewForm({ body: `${BODY} (typo)` }), reviewId });
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ revision_count: 1, edited_at: null, edited_after_comments: null });

    await editReview(ctxAs(t.db, author, at(10 * MINUTE)), { ...reviewForm({ body: `${BODY} (typo)`, score: "5" }), reviewId });
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ revision_count: 2, edited_at: at(10 * MINUTE).getTime(), edited_after_comments: 3, comment_count: 3 });

    await sqlRun(fixtureWriter(t.db), "update posts set comment_count = 5 where id = ?", reviewId);
    await editReview(ctxAs(t.db, author, at(11 * MINUTE)), { ...reviewForm({ body: `${BODY} (typo)`, score: "5", title: "Retitled" }), reviewId });
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ revision_count: 2, edited_at: at(10 * MINUTE).getTime(), edited_after_comments: 3 });
  });

  it("leaves it unset for a substantive edit before anyone commented", async () => {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author);
    await editReview(ctxAs(t.db, author, at(DAY)), { ...reviewForm({ score: "2" }), reviewId });
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ revision_count: 2, edited_at: at(DAY).getTime(), edited_after_comments: null });
  });
});
