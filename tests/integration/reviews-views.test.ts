import { describe, expect, it } from "vitest";
import { noChanges } from "@/lib/cache/changes";
import { deleteReview } from "@/lib/reviews/delete-review";
import { recordView } from "@/lib/reviews/record-view";
import { isLikelyBot, viewerKey } from "@/lib/reviews/viewer-key";
import { perTestDb, ctxAs } from "../helpers/db";
import { HOUR, T0, at, makeUser, rowById, seedReview, snapshot, rows } from "../helpers/reviews";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const ADDRESS = "203.0.113.9";

describe("recordView", () => {
  const t = perTestDb();

  async function setup() {
    const author = await makeUser(t.db, "mara");
    const reader = await makeUser(t.db, "femi");
    const reviewId = await seedReview(t.db, author);
    const as = (u: { id: string }, day = "2025-03-14") => ({ key: viewerKey(u.id, ADDRESS, FIREFOX, day), userId: u.id });
    return { author, reader, reviewId, as };
  }
  const views = async () => await rows(t.db, "post_views");

  it("counts a reader's first view: one post_views row and the counter at 1", async () => {
    const { author, reader, reviewId, as } = await setup();
    const viewsReceived = async () => (await rows(t.db, "users", `where id = '${author.id}'`))[0]!.views_received;
    expect(await viewsReceived()).toBe(0);
    // One view is no rung of the views ladder (100, 1,000, 10,000): no badge, but the author's
    // views received count it.
    expect(await recordView(ctxAs(t.db, null, T0), { reviewId, viewer: as(reader) })).toEqual({ counted: true, views: 1, badges: [], changes: noChanges() });
    expect(await views()).toEqual([{ post_id: reviewId, viewer_key: `u:${reader.id}`, day: "2025-03-14" }]);
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ view_count: 1 });
    expect(await viewsReceived()).toBe(1);
  });

  it("counts the same reader once per UTC day", async () => {
    const { reader, reviewId, as } = await setup();
    await recordView(ctxAs(t.db, null, T0), { reviewId, viewer: as(reader) });
    const before = await snapshot(t.db);
    expect(await recordView(ctxAs(t.db, null, at(11 * HOUR + 59 * 60_000)), { reviewId, viewer: as(reader) })).toEqual({ counted: false, views: 1, changes: noChanges() });
    expect(await snapshot(t.db)).toEqual(before);
    expect(await recordView(ctxAs(t.db, null, at(12 * HOUR)), { reviewId, viewer: as(reader) })).toEqual({ counted: true, views: 2, badges: [], changes: noChanges() });
    expect((await views()).map((v) => v.day)).toEqual(["2025-03-14", "2025-03-15"]);
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ view_count: 2 });
    expect((await rows(t.db, "users", `where username = 'mara'`))[0]).toMatchObject({ views_received: 2 });
  });

  it("counts different readers separately, anonymous ones by their hashed key", async () => {
    const { reader, reviewId, as } = await setup();
    const anon = (address: string) => ({ key: viewerKey(null, address, FIREFOX, "2025-03-14"), userId: null });
    await recordView(ctxAs(t.db, null, T0), { reviewId, viewer: as(reader) });
    await recordView(ctxAs(t.db, null, T0), { reviewId, viewer: anon(ADDRESS) });
    await recordView(ctxAs(t.db, null, T0), { reviewId, viewer: anon("198.51.100.7") });
    expect(await recordView(ctxAs(t.db, null, at(HOUR)), { reviewId, viewer: anon(ADDRESS) })).toEqual({ counted: false, views: 3, changes: noChanges() });
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ view_count: 3 });
    expect(await views()).toHaveLength(3);
    expect(JSON.stringify(await snapshot(t.db))).not.toContain(ADDRESS);
  });

  it("does not count the author, nor a bot (no viewer), but tells them the count", async () => {
    const { author, reader, reviewId, as } = await setup();
    await recordView(ctxAs(t.db, null, T0), { reviewId, viewer: as(reader) });
    const before = await snapshot(t.db);
    expect(await recordView(ctxAs(t.db, null, at(HOUR)), { reviewId, viewer: as(author) })).toEqual({ counted: false, views: 1, changes: noChanges() });
    expect(await recordView(ctxAs(t.db, null, at(HOUR)), { reviewId, viewer: null })).toEqual({ counted: false, views: 1, changes: noChanges() });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("answers null for a draft, a deleted review and a missing one, writing nothing", async () => {
    const { author, reader, reviewId, as } = await setup();
    const draftId = await seedReview(t.db, author, { title: "Draft", intent: "draft" });
    await deleteReview(ctxAs(t.db, author, at(HOUR)), { reviewId });
    const before = await snapshot(t.db);
    expect(await recordView(ctxAs(t.db, null, at(2 * HOUR)), { reviewId: draftId, viewer: as(reader) })).toBeNull();
    expect(await recordView(ctxAs(t.db, null, at(2 * HOUR)), { reviewId, viewer: as(reader) })).toBeNull();
    expect(await recordView(ctxAs(t.db, null, at(2 * HOUR)), { reviewId: 9999, viewer: as(reader) })).toBeNull();
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("viewerKey and isLikelyBot", () => {
  it("keys a signed-in reader by user id", async () => {
    expect(viewerKey("user-1", ADDRESS, FIREFOX, "2025-03-14")).toBe("u:user-1");
  });

  it("never holds an anonymous reader's raw address, and changes with the day", async () => {
    const monday = viewerKey(null, ADDRESS, FIREFOX, "2025-03-14");
    const tuesday = viewerKey(null, ADDRESS, FIREFOX, "2025-03-15");
    expect(monday).toMatch(/^a:[\w-]{32}$/);
    expect(monday).not.toContain(ADDRESS);
    expect(monday).not.toContain("203");
    expect(tuesday).not.toBe(monday);
    expect(viewerKey(null, ADDRESS, FIREFOX, "2025-03-14")).toBe(monday);
    expect(viewerKey(null, "203.0.113.10", FIREFOX, "2025-03-14")).not.toBe(monday);
    expect(viewerKey(null, ADDRESS, `${FIREFOX} Edg/128`, "2025-03-14")).not.toBe(monday);
  });

  it.each([
    [null, true],
    ["", true],
    ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true],
    ["curl/8.5.0", true],
    ["python-requests/2.32", true],
    ["Mozilla/5.0 HeadlessChrome/126.0", true],
    [FIREFOX, false],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1", false],
  ])("treats the agent %j as a bot: %j", async (ua, bot) => {
    expect(isLikelyBot(ua)).toBe(bot);
  });
});
