import { describe, expect, it } from "vitest";
import { createReview } from "@/lib/reviews/create-review";
import { perTestDb, ctxAs } from "../helpers/db";
import { T0, makeUser, reviewForm, rows } from "../helpers/reviews";

// The film a review names is found by (folded title, year) or created with a "title-year" slug.
describe("films: resolving the film a review is about", () => {
  const t = perTestDb();

  const filmOf = async (authorId: string, filmTitle: string, filmYear: string | number, title = filmTitle) =>
    (await createReview(ctxAs(t.db, authorId, T0), reviewForm({ title, filmTitle, filmYear }))).filmId;

  it("creates a film with its folded title key and a title-year slug", async () => {
    const a = await makeUser(t.db, "mara");
    await filmOf(a.id, "  Amélie   ", "2001");
    expect(await rows(t.db, "films")).toEqual([
      expect.objectContaining({ slug: "amelie-2001", title: "Amélie", title_key: "amelie", year: 2001, director: null, country: null }),
    ]);
  });

  it.each([
    ["The Third Man", ["the third man", "THE THIRD MAN", "The  Third\tMan", "The Third Man!", "ｔｈｅ ｔｈｉｒｄ ｍａｎ"]],
    ["Amélie", ["Amelie", "AMÉLIE", "amélie", "Ame\u0301lie"]],
  ])("reuses %j when typed as %j in the same year", async (first, variants) => {
    const a = await makeUser(t.db, "mara");
    const id = await filmOf(a.id, first, 1990);
    for (const v of variants) expect(await filmOf(a.id, v, "1990")).toBe(id);
    expect(await rows(t.db, "films")).toEqual([expect.objectContaining({ id, title: first, review_count: variants.length + 1 })]);
  });

  it("keeps films of the same title in different years apart", async () => {
    const a = await makeUser(t.db, "mara");
    const first = await filmOf(a.id, "Solaris", 1972);
    const second = await filmOf(a.id, "Solaris", 2002);
    expect(second).not.toBe(first);
    expect((await rows(t.db, "films")).map((f) => [f.slug, f.year])).toEqual([["solaris-1972", 1972], ["solaris-2002", 2002]]);
  });

  it("gives a second film whose slug would collide the next free one", async () => {
    const a = await makeUser(t.db, "mara");
    const base = "The Extraordinarily Long Title Of A Film That Goes On And On, Part";
    await filmOf(a.id, `${base} One`, 1999);
    await filmOf(a.id, `${base} Two`, 1999);
    const slugs = (await rows(t.db, "films")).map((f) => f.slug as string);
    expect(slugs[1]).toBe(`${slugs[0]}-2`);
    expect(slugs[0]!.length).toBeLessThanOrEqual(60);
  });

  it("slugs a film with no letters or digits by its year alone", async () => {
    const a = await makeUser(t.db, "mara");
    await filmOf(a.id, "…", 2010, "Dots");
    expect((await rows(t.db, "films")).map((f) => [f.slug, f.title, f.title_key])).toEqual([["2010", "...", ""]]);
  });
});
