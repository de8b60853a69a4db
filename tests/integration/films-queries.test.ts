import { describe, expect, it } from "vitest";
import { deleteReview } from "@/lib/reviews/delete-review";
import { editReview } from "@/lib/reviews/edit-review";
import { getFilmBySlug, searchFilms } from "@/lib/films/queries";
import { perTestDb, ctxAs } from "../helpers/db";
import { DAY, T0, at, makeUser, reviewForm, seedReview } from "../helpers/reviews";

describe("getFilmBySlug", () => {
  const t = perTestDb();

  it("answers null for an unknown slug", async () => {
    expect(await getFilmBySlug(t.db, "no-such-film")).toBeNull();
  });

  it("shows a 1–10 histogram of published scores, and the average only from 3 scored reviews", async () => {
    const [a, b] = [await makeUser(t.db, "mara"), await makeUser(t.db, "femi")];
    const first = await seedReview(t.db, a, { score: "8" });
    await seedReview(t.db, b, { title: "Unscored", score: "" });
    await seedReview(t.db, b, { title: "Draft ten", score: "10", intent: "draft" });
    const doomed = await seedReview(t.db, b, { title: "Deleted one", score: "1" });
    await deleteReview(ctxAs(t.db, b, at(DAY)), { reviewId: doomed });
    await seedReview(t.db, b, { title: "Another eight", score: "8" });

    const two = await getFilmBySlug(t.db, "the-third-man-1949");
    expect(two).toMatchObject({ title: "The Third Man", year: 1949, reviewCount: 3, scoreSum: 16, scoreCount: 2, average: null });
    expect(two?.histogram).toEqual([0, 0, 0, 0, 0, 0, 0, 2, 0, 0]);

    await seedReview(t.db, a, { title: "A three", score: "3" });
    const three = await getFilmBySlug(t.db, "the-third-man-1949");
    expect(three).toMatchObject({ reviewCount: 4, scoreSum: 19, scoreCount: 3 });
    expect(three?.average).toBeCloseTo(19 / 3, 10);
    expect(three?.histogram).toEqual([0, 0, 1, 0, 0, 0, 0, 2, 0, 0]);

    await editReview(ctxAs(t.db, a, at(2 * DAY)), { ...reviewForm({ score: "" }), reviewId: first });
    const again = await getFilmBySlug(t.db, "the-third-man-1949");
    expect(again).toMatchObject({ scoreCount: 2, average: null });
    expect(again?.histogram).toEqual([0, 0, 1, 0, 0, 0, 0, 1, 0, 0]);
  });

  it("keeps the histogram and the counters in agreement", async () => {
    const a = await makeUser(t.db, "mara");
    for (const [i, score] of ["1", "10", "10", "5", ""].entries()) await seedReview(t.db, a, { title: `R${i}`, score }, T0);
    const film = (await getFilmBySlug(t.db, "the-third-man-1949"))!;
    expect(film.histogram).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 2]);
    expect(film.histogram.reduce((s, n) => s + n, 0)).toBe(film.scoreCount);
    expect(film.histogram.reduce((s, n, i) => s + n * (i + 1), 0)).toBe(film.scoreSum);
    expect(film).toMatchObject({ reviewCount: 5, average: 26 / 4 });
  });
});

describe("searchFilms", () => {
  const t = perTestDb();

  async function seedFilms() {
    const a = await makeUser(t.db, "mara");
    const films: [string, number, number][] = [["Amélie", 2001, 3], ["The Third Man", 1949, 1], ["Amarcord", 1973, 0], ["Three Colours: Blue", 1993, 2], ["Solaris", 1972, 0], ["Solaris", 2002, 0]];
    for (const [title, year, reviews] of films) {
      for (let i = 0; i < Math.max(reviews, 1); i++) await seedReview(t.db, a, { title: `${title} ${i}`, filmTitle: title, filmYear: String(year), intent: reviews ? "publish" : "draft" });
    }
  }
  const names = async (q: string, limit?: number) => (await searchFilms(t.db, q, limit)).map((f) => `${f.title} (${f.year})`);

  it("matches a title prefix whatever the case and accents", async () => {
    await seedFilms();
    for (const q of ["amé", "AME", "Ame", "amel", "  amÉLIE  ", "ＡＭＥ", "Ame\u0301"]) expect(await names(q)).toEqual(["Amélie (2001)"]);
    expect(await names("am")).toEqual(["Amarcord (1973)", "Amélie (2001)"]);
    expect(await names("Amélie!")).toEqual(["Amélie (2001)"]);
  });

  it("matches across words and punctuation, but only from the start of the title", async () => {
    await seedFilms();
    expect(await names("the th")).toEqual(["The Third Man (1949)"]);
    expect(await names("three colours blue")).toEqual(["Three Colours: Blue (1993)"]);
    expect(await names("third")).toEqual([]);
    expect(await names("zzz")).toEqual([]);
  });

  it("lists films of the same title by year, and honours the limit", async () => {
    await seedFilms();
    expect(await names("solaris")).toEqual(["Solaris (1972)", "Solaris (2002)"]);
    expect(await names("s", 1)).toEqual(["Solaris (1972)"]);
  });

  it("offers the most reviewed films for an empty query", async () => {
    await seedFilms();
    expect(await names("", 3)).toEqual(["Amélie (2001)", "Three Colours: Blue (1993)", "The Third Man (1949)"]);
    expect(await names("  !! ", 2)).toEqual(["Amélie (2001)", "Three Colours: Blue (1993)"]);
  });
});
