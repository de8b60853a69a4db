import { describe, expect, it } from "vitest";
import { RENDERER_VERSION } from "@/lib/markdown/render";
import { rerenderReviews } from "@/lib/reviews/rerender";
import { makeUser, rows, seedReview } from "../helpers/reviews";
import { perTestDb, fixtureWriter } from "../helpers/db";
import { sqlRun } from "@/tests/helpers/sql";

describe("rerenderReviews", () => {
  const t = perTestDb();

  it("re-renders only rows from another renderer version, and every row with `all`", async () => {
    const author = await makeUser(t.db, "critic");
    const a = await seedReview(t.db, author, { title: "Old one", body: "**bold** and >!hidden!<" });
    const b = await seedReview(t.db, author, { title: "Current one", body: "plain" });
    // Simulate rows written by an older renderer, with stale HTML.
    await sqlRun(fixtureWriter(t.db), "update posts set renderer_version = ?, body_html = '<p>stale</p>', excerpt = 'stale' where id = ?", RENDERER_VERSION - 1, a);
    await sqlRun(fixtureWriter(t.db), "update posts set body_html = '<p>kept</p>' where id = ?", b);

    expect(await rerenderReviews(t.db, { batch: 1 })).toEqual({ updated: 1 });
    const [first, second] = await rows(t.db, "posts");
    expect(first).toMatchObject({ renderer_version: RENDERER_VERSION, excerpt: "bold and [spoiler]" });
    expect(String(first!.body_html)).toContain("<strong>bold</strong>");
    expect(second!.body_html).toBe("<p>kept</p>");
    expect(await rerenderReviews(t.db)).toEqual({ updated: 0 });

    expect(await rerenderReviews(t.db, { all: true })).toEqual({ updated: 2 });
    expect(String((await rows(t.db, "posts"))[1]!.body_html).trim()).toBe("<p>plain</p>");
  });
});
