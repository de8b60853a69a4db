import { describe, expect, it } from "vitest";
import { comments } from "@/db/schema";
import { tagsFor } from "@/lib/cache/expire";
import { createReview } from "@/lib/reviews/create-review";
import { deleteReview } from "@/lib/reviews/delete-review";
import { editReview } from "@/lib/reviews/edit-review";
import { ctxAs, fixtureWriter, perTestDb } from "../helpers/db";
import { DAY, T0, at, makeUser, reviewForm, rowById } from "../helpers/reviews";
import { one } from "@/db/query";
import { sqlRun } from "@/tests/helpers/sql";

// What each review write expires, from the changes it records: at least every tag the routes used
// to list by hand, and the tag pages as their links spell them.
describe("review writes: what they expire", () => {
  const t = perTestDb();
  const filmOf = async (id: number) => (await rowById(t.db, "posts", id))!.film_id as number;

  /** A comment row on a review, standing in for the comments domain. */
  async function commentBy(reviewId: number, authorId: string) {
    const row = await one(fixtureWriter(t.db)
      .insert(comments)
      .values({ reviewId, authorId, depth: 1, path: "x", bodyMd: "Hm.", bodyHtml: "<p>Hm.</p>", rendererVersion: 2, createdAt: T0, updatedAt: T0 })
      .returning({ id: comments.id }));
    const w = fixtureWriter(t.db);
    await sqlRun(w, "update comments set path = ? where id = ?", String(row.id).padStart(8, "0"), row.id);
    // Counted as the comments domain counts a comment, so the delete's recount of contributions holds.
    await sqlRun(w, "update posts set comment_count = comment_count + 1 where id = ?", reviewId);
    await sqlRun(w, "update users set comment_count = comment_count + 1 where id = ?", authorId);
  }

  it("publishing expires the feed, the review, its film, its author, its tags as typed (#Noir is /tags/noir) and the Ranking", async () => {
    const author = await makeUser(t.db, "mara");
    const r = await createReview(ctxAs(t.db, author, T0), reviewForm({ tags: "#Noir, Vienna" }));
    expect(tagsFor(r.changes)).toEqual(
      expect.arrayContaining(["feed", `review:${r.id}`, `film:${r.filmId}`, `user:${author.id}`, "tag:noir", "tag:vienna", "ranking"]),
    );
    expect(tagsFor(r.changes).filter((tag) => tag.startsWith("tag:")).sort()).toEqual(["tag:noir", "tag:vienna"]);
  });

  it("saving a new draft expires no listing (a film it creates aside)", async () => {
    const author = await makeUser(t.db, "mara");
    const r = await createReview(ctxAs(t.db, author, T0), reviewForm({ intent: "draft" }));
    expect(tagsFor(r.changes)).toEqual([`film:${r.filmId}`]);
    const again = await createReview(ctxAs(t.db, author, T0), reviewForm({ intent: "draft", title: "Another", filmId: String(r.filmId) }));
    expect(tagsFor(again.changes)).toEqual([]);
  });

  it("an edit that moves a review to another film and other tags expires both films and both sets of tags", async () => {
    const author = await makeUser(t.db, "mara");
    const id = (await createReview(ctxAs(t.db, author, T0), reviewForm({ tags: "noir, vienna" }))).id;
    const before = await filmOf(id);
    const r = await editReview(ctxAs(t.db, author, at(DAY)), { ...reviewForm({ tags: "#Sewers", filmTitle: "Odd Man Out", filmYear: "1947" }), reviewId: id });
    const after = await filmOf(id);
    expect(after).not.toBe(before);
    expect(tagsFor(r.changes)).toEqual(
      expect.arrayContaining(["feed", `review:${id}`, `film:${before}`, `film:${after}`, `user:${author.id}`, "tag:noir", "tag:vienna", "tag:sewers"]),
    );
  });

  it("a new title reaches the profiles of those who commented; a score change does not", async () => {
    const [author, reader] = [await makeUser(t.db, "mara"), await makeUser(t.db, "femi")];
    const id = (await createReview(ctxAs(t.db, author, T0), reviewForm())).id;
    await commentBy(id, reader.id);
    const scored = await editReview(ctxAs(t.db, author, at(DAY)), { ...reviewForm({ score: "3" }), reviewId: id });
    expect(tagsFor(scored.changes)).not.toContain(`user:${reader.id}`);
    const renamed = await editReview(ctxAs(t.db, author, at(2 * DAY)), { ...reviewForm({ score: "3", title: "Vienna, again" }), reviewId: id });
    expect(tagsFor(renamed.changes)).toContain(`user:${reader.id}`);
  });

  it("publishing a draft by an edit expires the Ranking too", async () => {
    const author = await makeUser(t.db, "mara");
    const id = (await createReview(ctxAs(t.db, author, T0), reviewForm({ intent: "draft" }))).id;
    const r = await editReview(ctxAs(t.db, author, at(DAY)), { ...reviewForm(), reviewId: id });
    expect(tagsFor(r.changes)).toEqual(expect.arrayContaining(["ranking", "feed", `review:${id}`, `film:${await filmOf(id)}`, "tag:noir", "tag:vienna"]));
  });

  it("deleting expires the Ranking, the review, its listings and its commenters' profiles", async () => {
    const [author, reader] = [await makeUser(t.db, "mara"), await makeUser(t.db, "femi")];
    const r = await createReview(ctxAs(t.db, author, T0), reviewForm());
    await commentBy(r.id, reader.id);
    const d = await deleteReview(ctxAs(t.db, author, at(DAY)), { reviewId: r.id });
    expect(tagsFor(d.changes)).toEqual(
      expect.arrayContaining(["ranking", "feed", `review:${r.id}`, `film:${r.filmId}`, `user:${author.id}`, `user:${reader.id}`, "tag:noir", "tag:vienna"]),
    );
  });
});
