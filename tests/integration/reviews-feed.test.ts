import { describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { deleteReview } from "@/lib/reviews/delete-review";
import { hotScore } from "@/lib/reviews/hot";
import { FEED_TABS, listDrafts, listFeed, type FeedTab } from "@/lib/reviews/queries";
import { perTestDb, ctxAs, fixtureWriter } from "../helpers/db";
import { DAY, HOUR, MINUTE, T0, at, makeUser, rowById, seedReview } from "../helpers/reviews";
import { sqlRun } from "@/tests/helpers/sql";

/** Stands in for votes (a later verb): the upvote counter and the hot score it implies. */
async function setUpvotes(db: DB, reviewId: number, upvotes: number) {
  const publishedAt = new Date((await rowById(db, "posts", reviewId))?.published_at as number);
  await sqlRun(fixtureWriter(db), "update posts set upvote_count = ?, hot_score = ? where id = ?", upvotes, hotScore(upvotes, publishedAt), reviewId);
}

const titles = (r: { items: { title: string }[] }) => r.items.map((c) => c.title);

describe("listFeed: order and filters", () => {
  const t = perTestDb();

  it("lists published reviews newest first, leaving out drafts and deleted ones", async () => {
    const a = await makeUser(t.db, "mara");
    await seedReview(t.db, a, { title: "Oldest" }, T0);
    await seedReview(t.db, a, { title: "Newest" }, at(2 * HOUR));
    await seedReview(t.db, a, { title: "Middle" }, at(HOUR));
    await seedReview(t.db, a, { title: "A draft", intent: "draft" }, at(3 * HOUR));
    await deleteReview(ctxAs(t.db, a, at(5 * HOUR)), { reviewId: await seedReview(t.db, a, { title: "Deleted" }, at(4 * HOUR)) });
    const feed = await listFeed(t.db, { tab: "new" });
    expect(titles(feed)).toEqual(["Newest", "Middle", "Oldest"]);
    expect(feed.nextCursor).toBeNull();
  });

  it("ranks hot by log10(upvotes) plus publication time: 100 upvotes are worth 25 hours", async () => {
    const a = await makeUser(t.db, "mara");
    const old = await seedReview(t.db, a, { title: "Old, 100 upvotes" }, T0);
    await seedReview(t.db, a, { title: "24h later, none" }, at(24 * HOUR));
    await seedReview(t.db, a, { title: "26h later, none" }, at(26 * HOUR));
    await setUpvotes(t.db, old, 100);
    expect(titles(await listFeed(t.db, { tab: "hot" }))).toEqual(["26h later, none", "Old, 100 upvotes", "24h later, none"]);
  });

  it("ranks top by upvotes, newer id first on a tie, and limits top-day to the last 24 hours of `now`", async () => {
    const a = await makeUser(t.db, "mara");
    const now = at(2 * DAY);
    await setUpvotes(t.db, await seedReview(t.db, a, { title: "Two days ago" }, T0), 50);
    await setUpvotes(t.db, await seedReview(t.db, a, { title: "Exactly a day ago" }, at(DAY)), 3);
    await setUpvotes(t.db, await seedReview(t.db, a, { title: "An hour ago" }, at(2 * DAY - HOUR)), 3);
    await setUpvotes(t.db, await seedReview(t.db, a, { title: "Last year" }, at(-400 * DAY)), 90);
    const top = async (tab: FeedTab) => titles(await listFeed(t.db, { tab, now: now.getTime() }));
    expect(await top("top-day")).toEqual(["An hour ago", "Exactly a day ago"]);
    expect(await top("top-week")).toEqual(["Two days ago", "An hour ago", "Exactly a day ago"]);
    expect(await top("top-year")).toEqual(["Two days ago", "An hour ago", "Exactly a day ago"]);
    expect(await top("top-all")).toEqual(["Last year", "Two days ago", "An hour ago", "Exactly a day ago"]);
  });

  it("filters by tag and by film", async () => {
    const a = await makeUser(t.db, "mara");
    const noir = await seedReview(t.db, a, { title: "Noir one", tags: "noir" });
    await seedReview(t.db, a, { title: "Vienna one", tags: "vienna" });
    await seedReview(t.db, a, { title: "Amélie one", tags: "noir paris", filmTitle: "Amélie", filmYear: "2001" });
    await seedReview(t.db, a, { title: "Noir draft", tags: "noir", intent: "draft" });
    const thirdMan = (await rowById(t.db, "posts", noir))?.film_id as number;
    expect(titles(await listFeed(t.db, { tab: "new", tag: "noir" })).sort()).toEqual(["Amélie one", "Noir one"]);
    expect(titles(await listFeed(t.db, { tab: "new", tag: "nothing" }))).toEqual([]);
    expect(titles(await listFeed(t.db, { tab: "new", filmId: thirdMan })).sort()).toEqual(["Noir one", "Vienna one"]);
    expect(titles(await listFeed(t.db, { tab: "top-all", filmId: thirdMan, tag: "vienna" }))).toEqual(["Vienna one"]);
  });

  it("builds cards with author, film and sorted tags, and an empty excerpt for spoiler-flagged reviews", async () => {
    const a = await makeUser(t.db, "mara");
    await seedReview(t.db, a, { title: "Safe", tags: "vienna noir", body: "The ferris wheel scene." }, T0);
    await seedReview(t.db, a, { title: "Spoilers", hasSpoilers: "on", body: "Harry dies in the sewer." }, at(MINUTE));
    const [spoilers, safe] = (await listFeed(t.db, { tab: "new" })).items;
    expect(safe).toMatchObject({
      title: "Safe",
      excerpt: "The ferris wheel scene.",
      hasSpoilers: false,
      score: 8,
      status: "published",
      publishedAt: T0,
      readingMinutes: 1,
      author: { id: a.id, username: "mara", name: "mara", image: null },
      film: { slug: "the-third-man-1949", title: "The Third Man", year: 1949 },
      tags: ["noir", "vienna"],
    });
    expect(spoilers).toMatchObject({ title: "Spoilers", hasSpoilers: true, excerpt: "" });
    expect(JSON.stringify(await listFeed(t.db, { tab: "hot" }))).not.toContain("sewer");
  });

  it("shows a review whose author account is gone with no author", async () => {
    const a = await makeUser(t.db, "mara");
    await seedReview(t.db, a);
    await sqlRun(fixtureWriter(t.db), "delete from users where id = ?", a.id);
    expect((await listFeed(t.db, { tab: "new" })).items).toEqual([expect.objectContaining({ author: null })]);
  });
});

describe("listFeed: cursor pagination", () => {
  const t = perTestDb();

  /** 45 reviews with many ties: four share each publication minute, upvotes cycle 0–2. */
  async function seed45(): Promise<number[]> {
    const a = await makeUser(t.db, "mara");
    const ids: number[] = [];
    for (let i = 0; i < 45; i++) {
      const id = await seedReview(t.db, a, { title: `Review ${i}`, body: `Body ${i}.` }, at(Math.floor(i / 4) * MINUTE));
      await setUpvotes(t.db, id, i % 3);
      ids.push(id);
    }
    return ids;
  }

  async function walk(tab: FeedTab, limit: number) {
    const pages: number[][] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await listFeed(t.db, { tab, cursor, limit, now: at(DAY).getTime() });
      pages.push(page.items.map((c) => c.id));
      if (!page.nextCursor) return pages;
      cursor = page.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  it.each(FEED_TABS.map((tab) => [tab]))("pages %s as 20 / 20 / 5 with no duplicates or gaps, in the one-page order", async (tab) => {
    const ids = await seed45();
    const pages = await walk(tab, 20);
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(45);
    expect([...all].sort((x, y) => x - y)).toEqual(ids);
    expect(all).toEqual((await listFeed(t.db, { tab, limit: 100, now: at(DAY).getTime() })).items.map((c) => c.id));
  });

  it("ends without a further cursor when the last page is exactly full", async () => {
    await seed45();
    expect((await walk("new", 15)).map((p) => p.length)).toEqual([15, 15, 15]);
  });

  it("treats a malformed cursor as the first page", async () => {
    await seed45();
    const first = (await listFeed(t.db, { tab: "new" })).items.map((c) => c.id);
    for (const cursor of ["garbage", Buffer.from('["x",1]').toString("base64url"), Buffer.from("[1e999,1]").toString("base64url")]) {
      expect((await listFeed(t.db, { tab: "new", cursor })).items.map((c) => c.id)).toEqual(first);
    }
  });
});

describe("listDrafts", () => {
  const t = perTestDb();

  it("lists only the author's own drafts, most recently saved first", async () => {
    const [mara, femi] = [await makeUser(t.db, "mara"), await makeUser(t.db, "femi")];
    await seedReview(t.db, mara, { title: "Older draft", intent: "draft" }, T0);
    await seedReview(t.db, mara, { title: "Newer draft", intent: "draft", body: "" }, at(HOUR));
    await seedReview(t.db, mara, { title: "Published" }, at(2 * HOUR));
    await deleteReview(ctxAs(t.db, mara, at(3 * HOUR)), { reviewId: await seedReview(t.db, mara, { title: "Deleted draft", intent: "draft" }, at(3 * HOUR)) });
    await seedReview(t.db, femi, { title: "Femi's draft", intent: "draft" }, at(4 * HOUR));
    expect((await listDrafts(t.db, mara.id)).map((c) => [c.title, c.status])).toEqual([
      ["Newer draft", "draft"],
      ["Older draft", "draft"],
    ]);
    expect((await listDrafts(t.db, femi.id)).map((c) => c.title)).toEqual(["Femi's draft"]);
    expect(await listDrafts(t.db, (await makeUser(t.db, "nobody")).id)).toEqual([]);
  });
});
