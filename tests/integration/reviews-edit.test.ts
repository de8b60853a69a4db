import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { deleteReview } from "@/lib/reviews/delete-review";
import { editReview } from "@/lib/reviews/edit-review";
import { hotScore } from "@/lib/reviews/hot";
import { perTestDb } from "../helpers/db";
import { thrown } from "../helpers/errors";
import { DAY, HOUR, MINUTE, T0, at, countersOf, expectDomainError, makeUser, reviewForm, rowById, seedReview, snapshot, rows } from "../helpers/reviews";

const BODY = reviewForm().body as string;

describe("editReview: who may edit, and refusals", () => {
  const t = perTestDb();

  it("lets a moderator and an admin edit someone else's review", () => {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author);
    editReview(t.db, makeUser(t.db, "modest", "moderator"), postId, reviewForm({ title: "Edited by mod" }), at(MINUTE));
    editReview(t.db, makeUser(t.db, "root_ann", "admin"), postId, reviewForm({ title: "Edited by admin" }), at(2 * MINUTE));
    expect(rowById(t.db, "posts", postId)).toMatchObject({ author_id: author.id, title: "Edited by admin", revision_count: 3 });
  });

  it("refuses another member with Forbidden (403) and changes nothing", async () => {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author);
    const other = makeUser(t.db, "femi");
    const before = snapshot(t.db);
    await expectDomainError(() => editReview(t.db, other, postId, reviewForm({ title: "Mine now", filmTitle: "Brand New Film" }), at(DAY)), "Forbidden", 403);
    expect(snapshot(t.db)).toEqual(before);
  });

  it("answers Gone (410) for a deleted review and NotFound (404) for a missing one, changing nothing", async () => {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author);
    deleteReview(t.db, author, postId, at(MINUTE));
    const before = snapshot(t.db);
    await expectDomainError(() => editReview(t.db, author, postId, reviewForm({ title: "Back" }), at(DAY)), "Gone", 410);
    await expectDomainError(() => editReview(t.db, author, 9999, reviewForm(), at(DAY)), "NotFound", 404);
    expect(snapshot(t.db)).toEqual(before);
  });

  it("refuses bad input with a ZodError before touching anything", async () => {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author);
    const before = snapshot(t.db);
    expect(await thrown(() => editReview(t.db, author, postId, reviewForm({ body: "   ", score: "0" }), at(DAY)))).toBeInstanceOf(ZodError);
    expect(snapshot(t.db)).toEqual(before);
  });

  it("refuses a move to an unknown film id as Invalid on \"film\", changing nothing", async () => {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author);
    const before = snapshot(t.db);
    await expectDomainError(() => editReview(t.db, author, postId, reviewForm({ filmId: "404" }), at(DAY)), "Invalid", 422, ["film"]);
    expect(snapshot(t.db)).toEqual(before);
  });

  it("writes nothing for an edit that changes nothing, and the same edit sent twice applies once", () => {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author);
    const before = snapshot(t.db);
    const same = reviewForm({ tags: "VIENNA, #noir", title: "  Harry   Lime's Vienna ", body: BODY.replace(/\n/g, "\r\n") });
    expect(editReview(t.db, author, postId, same, at(DAY))).toEqual({ id: postId, slug: "harry-lime-s-vienna", status: "published", changed: false });
    expect(snapshot(t.db)).toEqual(before);

    const edit = reviewForm({ score: "3", reason: "changed my mind" });
    expect(editReview(t.db, author, postId, edit, at(DAY)).changed).toBe(true);
    const afterFirst = snapshot(t.db);
    expect(editReview(t.db, author, postId, edit, at(DAY + MINUTE)).changed).toBe(false);
    expect(snapshot(t.db)).toEqual(afterFirst);
  });
});

describe("editReview: film counters", () => {
  const t = perTestDb();

  it("moves the score sum when the score changes, and drops it when the score is removed", () => {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author, { score: "7" });
    const filmId = rowById(t.db, "posts", postId)?.film_id as number;
    expect(countersOf(t.db, filmId)).toEqual({ reviewCount: 1, scoreSum: 7, scoreCount: 1 });
    editReview(t.db, author, postId, reviewForm({ score: "9" }), at(DAY));
    expect(countersOf(t.db, filmId)).toEqual({ reviewCount: 1, scoreSum: 9, scoreCount: 1 });
    editReview(t.db, author, postId, reviewForm({ score: "" }), at(2 * DAY));
    expect(countersOf(t.db, filmId)).toEqual({ reviewCount: 1, scoreSum: 0, scoreCount: 0 });
  });

  it("moves the counters to another film, created on the way, and back by id", () => {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author, { score: "7" });
    const thirdMan = rowById(t.db, "posts", postId)?.film_id as number;
    const moved = editReview(t.db, author, postId, reviewForm({ score: "7", filmTitle: "Amélie", filmYear: "2001" }), at(DAY));
    expect(moved).toMatchObject({ changed: true, previousFilmId: thirdMan, filmId: expect.any(Number) });
    const amelie = (moved as { filmId: number }).filmId;
    expect(rowById(t.db, "films", amelie)).toMatchObject({ slug: "amelie-2001", title_key: "amelie", review_count: 1, score_sum: 7, score_count: 1 });
    expect(countersOf(t.db, thirdMan)).toEqual({ reviewCount: 0, scoreSum: 0, scoreCount: 0 });
    expect(rows(t.db, "post_revisions").map((r) => r.film_id)).toEqual([thirdMan, amelie]);

    editReview(t.db, author, postId, reviewForm({ score: "4", filmId: String(thirdMan) }), at(2 * DAY));
    expect(countersOf(t.db, thirdMan)).toEqual({ reviewCount: 1, scoreSum: 4, scoreCount: 1 });
    expect(countersOf(t.db, amelie)).toEqual({ reviewCount: 0, scoreSum: 0, scoreCount: 0 });
  });
});

describe("editReview: drafts", () => {
  const t = perTestDb();

  it("amends revision #1 on every draft save, then publishing sets the time, hot score and counters", () => {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author, { intent: "draft", body: "", score: "6" });
    const filmId = rowById(t.db, "posts", postId)?.film_id as number;

    const longer = `${"A long draft. ".repeat(40)}`;
    const saved = editReview(t.db, author, postId, reviewForm({ intent: "draft", body: longer, score: "9", tags: "noir" }), at(HOUR));
    expect(saved).toMatchObject({ status: "draft", changed: true });
    expect(rows(t.db, "post_revisions")).toEqual([
      expect.objectContaining({ number: 1, body_md: longer, score: 9, tags: JSON.stringify(["noir"]), created_at: T0.getTime(), updated_at: at(HOUR).getTime() }),
    ]);
    expect(rowById(t.db, "posts", postId)).toMatchObject({ status: "draft", published_at: null, hot_score: 0, revision_count: 1, edited_at: null });
    expect(countersOf(t.db, filmId)).toEqual({ reviewCount: 0, scoreSum: 0, scoreCount: 0 });

    const published = editReview(t.db, author, postId, reviewForm({ intent: "publish", body: longer, score: "9", tags: "noir" }), at(2 * HOUR));
    expect(published).toMatchObject({ status: "published", changed: true });
    const post = rowById(t.db, "posts", postId);
    expect(post).toMatchObject({ status: "published", published_at: at(2 * HOUR).getTime(), revision_count: 1, edited_at: null, edited_after_comments: null });
    expect(post?.hot_score).toBeCloseTo(hotScore(0, at(2 * HOUR)), 9);
    expect(rows(t.db, "post_revisions")).toEqual([expect.objectContaining({ number: 1, created_at: at(2 * HOUR).getTime(), updated_at: at(2 * HOUR).getTime() })]);
    expect(countersOf(t.db, filmId)).toEqual({ reviewCount: 1, scoreSum: 9, scoreCount: 1 });

    // After publication the grace window runs from the publication.
    editReview(t.db, author, postId, reviewForm({ intent: "publish", body: `${longer}!`, score: "9", tags: "noir" }), at(2 * HOUR + MINUTE));
    editReview(t.db, author, postId, reviewForm({ intent: "publish", body: `${longer}!!`, score: "9", tags: "noir" }), at(3 * HOUR));
    expect(rows(t.db, "post_revisions").map((r) => r.number)).toEqual([1, 2]);
  });

  it("publishes a draft even when nothing else changed", () => {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author, { intent: "draft" });
    expect(editReview(t.db, author, postId, reviewForm({ intent: "publish" }), at(HOUR))).toMatchObject({ status: "published", changed: true });
    expect(rowById(t.db, "posts", postId)).toMatchObject({ status: "published", published_at: at(HOUR).getTime() });
  });
});

describe("editReview: edited after comments", () => {
  const t = perTestDb();

  it("records the comment count at a substantive edit, but not at a grace edit", () => {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author);
    t.db.$client.prepare("update posts set comment_count = 3 where id = ?").run(postId);

    editReview(t.db, author, postId, reviewForm({ body: `${BODY} (typo)` }), at(MINUTE));
    expect(rowById(t.db, "posts", postId)).toMatchObject({ revision_count: 1, edited_at: null, edited_after_comments: null });

    editReview(t.db, author, postId, reviewForm({ body: `${BODY} (typo)`, score: "5" }), at(10 * MINUTE));
    expect(rowById(t.db, "posts", postId)).toMatchObject({ revision_count: 2, edited_at: at(10 * MINUTE).getTime(), edited_after_comments: 3, comment_count: 3 });

    t.db.$client.prepare("update posts set comment_count = 5 where id = ?").run(postId);
    editReview(t.db, author, postId, reviewForm({ body: `${BODY} (typo)`, score: "5", title: "Retitled" }), at(11 * MINUTE));
    expect(rowById(t.db, "posts", postId)).toMatchObject({ revision_count: 2, edited_at: at(10 * MINUTE).getTime(), edited_after_comments: 3 });
  });

  it("leaves it unset for a substantive edit before anyone commented", () => {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author);
    editReview(t.db, author, postId, reviewForm({ score: "2" }), at(DAY));
    expect(rowById(t.db, "posts", postId)).toMatchObject({ revision_count: 2, edited_at: at(DAY).getTime(), edited_after_comments: null });
  });
});
