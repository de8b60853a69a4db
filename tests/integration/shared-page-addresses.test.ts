import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deleteComment } from "@/lib/comments/delete-comment";
import { sharedPageStatus } from "@/lib/pages/address";
import { editReview } from "@/lib/reviews/edit-review";
import { encodeCursor, listFeed } from "@/lib/reviews/queries";
import { REPO_ROOT, perTestDb, ctxAs, fixtureWriter } from "../helpers/db";
import { commentSetup, postComment, setReviewStatus } from "../helpers/comments";
import { DAY, at, makeUser, reviewForm, seedReview } from "../helpers/reviews";
import { members } from "../helpers/badges";
import { suspend, vote } from "../helpers/votes";
import { sqlRun, sqlValue } from "@/tests/helpers/sql";

// Every shape of shared address: served only when its page has content, so the pages a stranger
// can make the server render and store are bounded by what the database holds.
describe("every shape of shared address", () => {
  const t = perTestDb();
  const one = async <T,>(sql: string, ...args: unknown[]) => (await sqlValue(t.db, sql, ...args)) as T;
  const status = (...segments: (string | number)[]) => sharedPageStatus(t.db, segments.map(String));

  it("revision pairs: served while both revisions exist, 404 out of range, reversed, malformed or on a draft", async () => {
    const { author, reviewId } = await commentSetup(t.db);
    await editReview(ctxAs(t.db, author, at(DAY)), { ...reviewForm({ body: "A whole new reading of the sewers, much longer than before, and more." }), reviewId });
    const slug = await one<string>("select slug from posts where id = ?", reviewId);
    expect(await one<number>("select count(*) from post_revisions where post_id = ?", reviewId)).toBe(2);
    expect(await status("reviews", slug, "revisions")).toBeNull();
    expect(await status("reviews", slug, "revisions", "1...2")).toBeNull();
    for (const pair of ["1...3", "2...3", "2...1", "1...1", "0...1", "01...2", "1..2", "x"]) expect(await status("reviews", slug, "revisions", pair), pair).toBe(404);
    expect(await status("reviews", slug, "revisions", "1...2", "more")).toBe(404);
    await setReviewStatus(t.db, reviewId, "deleted");
    expect(await status("reviews", slug, "revisions"), "a deleted review's history stays").toBeNull();
    expect(await status("reviews", slug, "revisions", "1...2"), "but not its text").toBe(404);
    await setReviewStatus(t.db, reviewId, "draft");
    expect(await status("reviews", slug, "revisions")).toBe(404);
  });

  it("upvoter pages of reviews and comments: page 1 always, later pages only while they have voters", async () => {
    const { author, reviewId } = await commentSetup(t.db);
    const comment = await postComment(t.db, author, reviewId);
    const slug = await one<string>("select slug from posts where id = ?", reviewId);
    for (const m of await members(t.db, "fan", 51)) {
      await vote(t.db, m, "review", reviewId);
      await vote(t.db, m, "comment", comment.id);
    }
    expect(await one<number>("select upvote_count from posts where id = ?", reviewId)).toBe(51);
    expect(await status("reviews", slug, "upvotes")).toBeNull();
    expect(await status("reviews", slug, "upvotes", "2")).toBeNull();
    expect(await status("comments", comment.id, "upvotes")).toBeNull();
    expect(await status("comments", comment.id, "upvotes", "2")).toBeNull();
    for (const n of ["3", "1", "02", "9999999", "x"]) {
      expect(await status("reviews", slug, "upvotes", n), n).toBe(404);
      expect(await status("comments", comment.id, "upvotes", n), n).toBe(404);
    }
    expect(await status("reviews", "no-such-review", "upvotes")).toBe(404);
    expect(await status("comments", 424242, "upvotes")).toBe(404);
    await deleteComment(ctxAs(t.db, author), { commentId: comment.id });
    expect(await status("comments", comment.id, "upvotes"), "a deleted comment's voters are not shown").toBe(404);
    await setReviewStatus(t.db, reviewId, "deleted");
    expect(await status("reviews", slug, "upvotes")).toBe(404);
  });

  it("comment pages: only the permalink, its history and its upvoters, under the one spelling of its id", async () => {
    const { author, reviewId } = await commentSetup(t.db);
    const comment = await postComment(t.db, author, reviewId);
    expect(await status("comments", comment.id, "revisions")).toBeNull();
    expect(await status("comments", 424242, "revisions")).toBe(404);
    expect(await status("comments", `0${comment.id}`)).toBe(404);
    expect(await status("comments", comment.id, "anything")).toBe(404);
    expect(await status("comments", comment.id, "revisions", "1")).toBe(404);
  });

  it("a review's pages: known sorts only, 410 for a deleted review's discussion, 404 for a draft's or an unknown page", async () => {
    const { author, reviewId } = await commentSetup(t.db);
    const slug = await one<string>("select slug from posts where id = ?", reviewId);
    for (const sort of ["best", "newest", "oldest"]) expect(await status("reviews", slug, "comments", sort), sort).toBeNull();
    for (const rest of [["comments"], ["comments", "loudest"], ["comments", "Newest"], ["comments", "newest", "x"], ["nothing"]]) expect(await status("reviews", slug, ...rest), rest.join("/")).toBe(404);
    expect(await status("reviews", "new", "upvotes", "5"), "the editor's address is no review").toBe(404);
    const draft = await seedReview(t.db, author, { title: "Not yet", intent: "draft" });
    const draftSlug = await one<string>("select slug from posts where id = ?", draft);
    expect(await status("reviews", draftSlug)).toBe(404);
    expect(await status("reviews", draftSlug, "comments", "newest")).toBe(404);
    expect(await status("reviews", draftSlug, "edit"), "the editor decides for itself").toBeNull();
    await setReviewStatus(t.db, reviewId, "deleted");
    expect(await status("reviews", slug, "comments", "newest")).toBe(410);
  });

  it("feed pages: known tabs, and cursors that name a published review; a moved review's cursor leads to its current one", async () => {
    const { author } = await commentSetup(t.db);
    const ids: number[] = [];
    for (let i = 0; i < 22; i++) ids.push(await seedReview(t.db, author, { title: `Review ${i}` }, at(i * DAY)));
    const next = (await listFeed(t.db, { tab: "top-all", now: at(30 * DAY).getTime() })).nextCursor!;
    for (const tab of ["hot", "new", "top-day", "top-all"]) expect(await status("feed", tab), tab).toBeNull();
    expect(await status("feed", "top-all", next)).toBeNull();
    for (const rest of [["bottom"], ["HOT"], ["new", encodeCursor(1, 424242)], ["new", "not-a-cursor"], ["new", "abc"], ["new", next, "x"]]) expect(await status("feed", ...rest), rest.join("/")).toBe(404);
    expect(await status("feed"), "no feed page without a tab").toBe(404);
    // The review a cursor names gains an upvote after the link was made: the link still leads on.
    const [value, id] = JSON.parse(Buffer.from(next, "base64url").toString()) as [number, number];
    expect(ids).toContain(id);
    await vote(t.db, await makeUser(t.db, "voter"), "review", id);
    expect(await status("feed", "top-all", next)).toEqual({ redirect: ["feed", "top-all", encodeCursor(value + 1, id)] });
    expect(await status("feed", "top-all", encodeCursor(value + 1, id))).toBeNull();
    // Another spelling of the same cursor (JSON with a space) is not a second page.
    const spaced = Buffer.from(`[${value + 1}, ${id}]`).toString("base64url");
    expect(await status("feed", "top-all", spaced)).toEqual({ redirect: ["feed", "top-all", encodeCursor(value + 1, id)] });
    await setReviewStatus(t.db, id, "draft");
    expect(await status("feed", "top-all", encodeCursor(value + 1, id))).toBe(404);
  });

  it("profile pages: the name as its links spell it, cursors to the member's own reviews, nothing for a suspended member", async () => {
    const { author, member } = await commentSetup(t.db);
    for (let i = 0; i < 22; i++) await seedReview(t.db, author, { title: `Mara ${i}` }, at(i * DAY));
    const own = (await listFeed(t.db, { tab: "new", authorId: author.id })).nextCursor!;
    expect(await status("u", "mara", "reviews", own)).toBeNull();
    const theirs = await seedReview(t.db, member, { title: "Femi's" });
    const published = await one<number>("select published_at from posts where id = ?", theirs);
    expect(await status("u", "mara", "reviews", encodeCursor(published, theirs)), "another member's review").toBe(404);
    expect(await status("u", "mara", "reviews", encodeCursor(published, 424242))).toBe(404);
    expect(await status("u", "MARA", "reviews", own)).toEqual({ redirect: ["u", "mara", "reviews", own] });
    const kim = await makeUser(t.db, "Kim_Novak");
    expect(await status("u", "Kim_Novak")).toBeNull();
    expect(await status("u", "kim_novak")).toEqual({ redirect: ["u", "Kim_Novak"] });
    expect(await status("u", "KIM_NOVAK", "badges")).toEqual({ redirect: ["u", "Kim_Novak", "badges"] });
    await suspend(t.db, kim);
    expect(await status("u", "Kim_Novak")).toBe(404);
    expect(await status("u", "kim_novak", "badges")).toBe(404);
  });

  it("badge and ranking pages: known badges and rankings, later pages only while they have rows", async () => {
    const { author } = await commentSetup(t.db);
    const held = await one<string>("select slug from badges where holder_count > 0 order by slug limit 1");
    const none = await one<string>("select slug from badges where holder_count = 0 order by slug limit 1");
    expect(held, "the first review earns a badge").toBeTruthy();
    expect(await status("badges")).toBeNull();
    expect(await status("badges", held)).toBeNull();
    expect(await status("badges", none), "a badge nobody holds yet still has its page").toBeNull();
    for (const rest of [["no-such-badge"], [held, "2"], [held, "1"], [held, "x"], [held, "2", "3"]]) expect(await status("badges", ...rest), rest.join("/")).toBe(404);
    for (const rest of [[], ["upvotes"], ["reviews", "month"], ["points", "all", "1"]]) expect(await status("ranking", ...rest), rest.join("/")).toBeNull();
    for (const rest of [["points", "all", "2"], ["loudest"], ["points", "week"], ["points", "all", "0"], ["points", "all", "1", "x"]]) expect(await status("ranking", ...rest), rest.join("/")).toBe(404);
    expect(await one<number>("select badge_points from users where id = ?", author.id)).toBeGreaterThan(0);
    for (const m of await members(t.db, "ranked", 50)) await sqlRun(fixtureWriter(t.db), "update users set badge_points = 1 where id = ?", m.id);
    expect(await status("ranking", "points", "all", "2"), "51 ranked members fill a second page").toBeNull();
    expect(await status("ranking", "points", "all", "3")).toBe(404);
  });
});

// The class, not the instances: every shared page that takes a parameter is covered by the proxy.
describe("the shared routes and the proxy", () => {
  const t = perTestDb();
  const shared = path.join(REPO_ROOT, "app", "(shared)");
  const pages = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pages(path.join(dir, e.name)) : e.name === "page.tsx" ? [path.relative(shared, dir)] : []));

  it("every shared route with a parameter is in the proxy's matcher, and a made-up value of it answers 404", async () => {
    const proxy = fs.readFileSync(path.join(REPO_ROOT, "proxy.ts"), "utf8");
    const routes = pages(shared).filter((r) => r.includes("["));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const [section] = route.split(path.sep);
      expect(proxy, `${route}: the proxy sees its addresses`).toContain(`"/${section}/:path*"`);
      // Each parameter made up (and an optional one given): no page has it.
      const segments = route.split(path.sep).map((s) => (s.startsWith("[") ? `made-up-${s.replace(/\W/g, "")}` : s));
      expect(await sharedPageStatus(t.db, segments), segments.join("/")).toBe(404);
    }
  });

  it("a shared page without a parameter is never refused by the proxy", async () => {
    const routes = pages(shared).filter((r) => !r.includes("["));
    expect(routes).toContain("badges");
    for (const route of routes) expect(await sharedPageStatus(t.db, route ? route.split(path.sep) : []), route || "/").toBeNull();
  });
});
