import { describe, expect, it } from "vitest";
import { deleteReview } from "@/lib/reviews/delete-review";
import { perTestDb } from "../helpers/db";
import { DAY, MINUTE, T0, at, countersOf, expectDomainError, makeUser, rowById, seedReview, snapshot, rows } from "../helpers/reviews";

describe("deleteReview", () => {
  const t = perTestDb();

  function setup() {
    const author = makeUser(t.db, "mara");
    const postId = seedReview(t.db, author, { score: "8" });
    const filmId = rowById(t.db, "posts", postId)?.film_id as number;
    seedReview(t.db, makeUser(t.db, "femi"), { title: "Second opinion", filmId: String(filmId), score: "5" });
    return { author, postId, filmId };
  }

  it("marks the author's review deleted, takes it out of the film's counters and keeps its history", () => {
    const { author, postId, filmId } = setup();
    expect(countersOf(t.db, filmId)).toEqual({ reviewCount: 2, scoreSum: 13, scoreCount: 2 });
    const result = deleteReview(t.db, author, postId, at(DAY));
    expect(result).toEqual({ id: postId, slug: "harry-lime-s-vienna", filmId, authorId: author.id, tags: [] });
    expect(rowById(t.db, "posts", postId)).toMatchObject({
      status: "deleted",
      hot_score: 0,
      updated_at: at(DAY).getTime(),
      published_at: T0.getTime(),
      title: "Harry Lime's Vienna",
    });
    expect(countersOf(t.db, filmId)).toEqual({ reviewCount: 1, scoreSum: 5, scoreCount: 1 });
    expect(rows(t.db, "post_revisions", `where post_id = ${postId}`)).toHaveLength(1);
  });

  it("deletes a draft without touching the film's counters", () => {
    const { author, filmId } = setup();
    const draftId = seedReview(t.db, author, { title: "Draft", intent: "draft", filmId: String(filmId), score: "1" });
    deleteReview(t.db, author, draftId, at(MINUTE));
    expect(rowById(t.db, "posts", draftId)).toMatchObject({ status: "deleted" });
    expect(countersOf(t.db, filmId)).toEqual({ reviewCount: 2, scoreSum: 13, scoreCount: 2 });
  });

  it("lets a moderator delete someone else's review", () => {
    const { postId, filmId } = setup();
    deleteReview(t.db, makeUser(t.db, "modest", "moderator"), postId, at(DAY));
    expect(rowById(t.db, "posts", postId)).toMatchObject({ status: "deleted" });
    expect(countersOf(t.db, filmId)).toEqual({ reviewCount: 1, scoreSum: 5, scoreCount: 1 });
  });

  it("refuses another member with Forbidden (403) and changes nothing", async () => {
    const { postId } = setup();
    const troll = makeUser(t.db, "troll");
    const before = snapshot(t.db);
    await expectDomainError(() => deleteReview(t.db, troll, postId, at(DAY)), "Forbidden", 403);
    expect(snapshot(t.db)).toEqual(before);
  });

  it("answers Gone (410) to a second delete and changes nothing", async () => {
    const { author, postId } = setup();
    deleteReview(t.db, author, postId, at(DAY));
    const before = snapshot(t.db);
    await expectDomainError(() => deleteReview(t.db, author, postId, at(2 * DAY)), "Gone", 410);
    expect(snapshot(t.db)).toEqual(before);
  });

  it("answers NotFound (404) for a review that never existed", async () => {
    const { author } = setup();
    const before = snapshot(t.db);
    await expectDomainError(() => deleteReview(t.db, author, 9999, at(DAY)), "NotFound", 404);
    expect(snapshot(t.db)).toEqual(before);
  });
});
