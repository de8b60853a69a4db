import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deleteComment } from "@/lib/comments/delete-comment";
import { sharedPageStatus } from "@/lib/pages/address";
import { editReview } from "@/lib/reviews/edit-review";
import { encodeCursor, listFeed } from "@/lib/reviews/queries";
import { REPO_ROOT, perTestDb } from "../helpers/db";
import { commentSetup, postComment, setReviewStatus } from "../helpers/comments";
import { DAY, at, makeUser, reviewForm, seedReview } from "../helpers/reviews";
import { members } from "../helpers/badges";
import { suspend, vote } from "../helpers/votes";

// Every shape of shared address: served only when its page has content, so the pages a stranger
// can make the server render and store are bounded by what the database holds.
describe("every shape of shared address", () => {
  const t = perTestDb();
  const one = <T,>(sql: string, ...args: unknown[]) => t.db.$client.prepare(sql).pluck().get(...args) as T;
  const status = (...segments: (string | number)[]) => sharedPageStatus(t.db, segments.map(String));

  it("revision pairs: served while both revisions exist, 404 out of range, reversed, malformed or on a draft", () => {
    const { author, reviewId } = commentSetup(t.db);
    editReview(t.db, author, reviewId, reviewForm({ body: "A whole new reading of the sewers, much longer than before, and more." }), at(DAY));
    const slug = one<string>("select slug from posts where id = ?", reviewId);
    expect(one<number>("select count(*) from post_revisions where post_id = ?", reviewId)).toBe(2);
    expect(status("reviews", slug, "revisions")).toBeNull();
    expect(status("reviews", slug, "revisions", "1...2")).toBeNull();
    for (const pair of ["1...3", "2...3", "2...1", "1...1", "0...1", "01...2", "1..2", "x"]) expect(status("reviews", slug, "revisions", pair), pair).toBe(404);
    expect(status("reviews", slug, "revisions", "1...2", "more")).toBe(404);
    setReviewStatus(t.db, reviewId, "deleted");
    expect(status("reviews", slug, "revisions"), "a deleted review's history stays").toBeNull();
    expect(status("reviews", slug, "revisions", "1...2"), "but not its text").toBe(404);
    setReviewStatus(t.db, reviewId, "draft");
    expect(status("reviews", slug, "revisions")).toBe(404);
  });

  it("upvoter pages of reviews and comments: page 1 always, later pages only while they have voters", () => {
    const { author, reviewId } = commentSetup(t.db);
    const comment = postComment(t.db, author, reviewId);
    const slug = one<string>("select slug from posts where id = ?", reviewId);
    for (const m of members(t.db, "fan", 51)) {
      vote(t.db, m, "review", reviewId);
      vote(t.db, m, "comment", comment.id);
    }
    expect(one<number>("select upvote_count from posts where id = ?", reviewId)).toBe(51);
    expect(status("reviews", slug, "upvotes")).toBeNull();
    expect(status("reviews", slug, "upvotes", "2")).toBeNull();
    expect(status("comments", comment.id, "upvotes")).toBeNull();
    expect(status("comments", comment.id, "upvotes", "2")).toBeNull();
    for (const n of ["3", "1", "02", "9999999", "x"]) {
      expect(status("reviews", slug, "upvotes", n), n).toBe(404);
      expect(status("comments", comment.id, "upvotes", n), n).toBe(404);
    }
    expect(status("reviews", "no-such-review", "upvotes")).toBe(404);
    expect(status("comments", 424242, "upvotes")).toBe(404);
    deleteComment(t.db, author, comment.id);
    expect(status("comments", comment.id, "upvotes"), "a deleted comment's voters are not shown").toBe(404);
    setReviewStatus(t.db, reviewId, "deleted");
    expect(status("reviews", slug, "upvotes")).toBe(404);
  });

  it("comment pages: only the permalink, its history and its upvoters, under the one spelling of its id", () => {
    const { author, reviewId } = commentSetup(t.db);
    const comment = postComment(t.db, author, reviewId);
    expect(status("comments", comment.id, "revisions")).toBeNull();
    expect(status("comments", 424242, "revisions")).toBe(404);
    expect(status("comments", `0${comment.id}`)).toBe(404);
    expect(status("comments", comment.id, "anything")).toBe(404);
    expect(status("comments", comment.id, "revisions", "1")).toBe(404);
  });

  it("a review's pages: known sorts only, 410 for a deleted review's discussion, 404 for a draft's or an unknown page", () => {
    const { author, reviewId } = commentSetup(t.db);
    const slug = one<string>("select slug from posts where id = ?", reviewId);
    for (const sort of ["best", "newest", "oldest"]) expect(status("reviews", slug, "comments", sort), sort).toBeNull();
    for (const rest of [["comments"], ["comments", "loudest"], ["comments", "Newest"], ["comments", "newest", "x"], ["nothing"]]) expect(status("reviews", slug, ...rest), rest.join("/")).toBe(404);
    expect(status("reviews", "new", "upvotes", "5"), "the editor's address is no review").toBe(404);
    const draft = seedReview(t.db, author, { title: "Not yet", intent: "draft" });
    const draftSlug = one<string>("select slug from posts where id = ?", draft);
    expect(status("reviews", draftSlug)).toBe(404);
    expect(status("reviews", draftSlug, "comments", "newest")).toBe(404);
    expect(status("reviews", draftSlug, "edit"), "the editor decides for itself").toBeNull();
    setReviewStatus(t.db, reviewId, "deleted");
    expect(status("reviews", slug, "comments", "newest")).toBe(410);
  });

  it("feed pages: known tabs, and cursors that name a published review; a moved review's cursor leads to its current one", () => {
    const { author } = commentSetup(t.db);
    const ids = Array.from({ length: 22 }, (_, i) => seedReview(t.db, author, { title: `Review ${i}` }, at(i * DAY)));
    const next = listFeed(t.db, { tab: "top-all", now: at(30 * DAY).getTime() }).nextCursor!;
    for (const tab of ["hot", "new", "top-day", "top-all"]) expect(status("feed", tab), tab).toBeNull();
    expect(status("feed", "top-all", next)).toBeNull();
    for (const rest of [["bottom"], ["HOT"], ["new", encodeCursor(1, 424242)], ["new", "not-a-cursor"], ["new", "abc"], ["new", next, "x"]]) expect(status("feed", ...rest), rest.join("/")).toBe(404);
    expect(status("feed"), "no feed page without a tab").toBe(404);
    // The review a cursor names gains an upvote after the link was made: the link still leads on.
    const [value, id] = JSON.parse(Buffer.from(next, "base64url").toString()) as [number, number];
    expect(ids).toContain(id);
    vote(t.db, makeUser(t.db, "voter"), "review", id);
    expect(status("feed", "top-all", next)).toEqual({ redirect: ["feed", "top-all", encodeCursor(value + 1, id)] });
    expect(status("feed", "top-all", encodeCursor(value + 1, id))).toBeNull();
    // Another spelling of the same cursor (JSON with a space) is not a second page.
    const spaced = Buffer.from(`[${value + 1}, ${id}]`).toString("base64url");
    expect(status("feed", "top-all", spaced)).toEqual({ redirect: ["feed", "top-all", encodeCursor(value + 1, id)] });
    setReviewStatus(t.db, id, "draft");
    expect(status("feed", "top-all", encodeCursor(value + 1, id))).toBe(404);
  });

  it("profile pages: the name as its links spell it, cursors to the member's own reviews, nothing for a suspended member", () => {
    const { author, member } = commentSetup(t.db);
    for (let i = 0; i < 22; i++) seedReview(t.db, author, { title: `Mara ${i}` }, at(i * DAY));
    const own = listFeed(t.db, { tab: "new", authorId: author.id }).nextCursor!;
    expect(status("u", "mara", "reviews", own)).toBeNull();
    const theirs = seedReview(t.db, member, { title: "Femi's" });
    const published = one<number>("select published_at from posts where id = ?", theirs);
    expect(status("u", "mara", "reviews", encodeCursor(published, theirs)), "another member's review").toBe(404);
    expect(status("u", "mara", "reviews", encodeCursor(published, 424242))).toBe(404);
    expect(status("u", "MARA", "reviews", own)).toEqual({ redirect: ["u", "mara", "reviews", own] });
    const kim = makeUser(t.db, "Kim_Novak");
    expect(status("u", "Kim_Novak")).toBeNull();
    expect(status("u", "kim_novak")).toEqual({ redirect: ["u", "Kim_Novak"] });
    expect(status("u", "KIM_NOVAK", "badges")).toEqual({ redirect: ["u", "Kim_Novak", "badges"] });
    suspend(t.db, kim);
    expect(status("u", "Kim_Novak")).toBe(404);
    expect(status("u", "kim_novak", "badges")).toBe(404);
  });

  it("badge and ranking pages: known badges and rankings, later pages only while they have rows", () => {
    const { author } = commentSetup(t.db);
    const held = one<string>("select slug from badges where holder_count > 0 order by slug limit 1");
    const none = one<string>("select slug from badges where holder_count = 0 order by slug limit 1");
    expect(held, "the first review earns a badge").toBeTruthy();
    expect(status("badges")).toBeNull();
    expect(status("badges", held)).toBeNull();
    expect(status("badges", none), "a badge nobody holds yet still has its page").toBeNull();
    for (const rest of [["no-such-badge"], [held, "2"], [held, "1"], [held, "x"], [held, "2", "3"]]) expect(status("badges", ...rest), rest.join("/")).toBe(404);
    for (const rest of [[], ["upvotes"], ["reviews", "month"], ["points", "all", "1"]]) expect(status("ranking", ...rest), rest.join("/")).toBeNull();
    for (const rest of [["points", "all", "2"], ["loudest"], ["points", "week"], ["points", "all", "0"], ["points", "all", "1", "x"]]) expect(status("ranking", ...rest), rest.join("/")).toBe(404);
    expect(one<number>("select badge_points from users where id = ?", author.id)).toBeGreaterThan(0);
    for (const m of members(t.db, "ranked", 50)) t.db.$client.prepare("update users set badge_points = 1 where id = ?").run(m.id);
    expect(status("ranking", "points", "all", "2"), "51 ranked members fill a second page").toBeNull();
    expect(status("ranking", "points", "all", "3")).toBe(404);
  });
});

// The class, not the instances: every shared page that takes a parameter is covered by the proxy.
describe("the shared routes and the proxy", () => {
  const t = perTestDb();
  const shared = path.join(REPO_ROOT, "app", "(shared)");
  const pages = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pages(path.join(dir, e.name)) : e.name === "page.tsx" ? [path.relative(shared, dir)] : []));

  it("every shared route with a parameter is in the proxy's matcher, and a made-up value of it answers 404", () => {
    const proxy = fs.readFileSync(path.join(REPO_ROOT, "proxy.ts"), "utf8");
    const routes = pages(shared).filter((r) => r.includes("["));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const [section] = route.split(path.sep);
      expect(proxy, `${route}: the proxy sees its addresses`).toContain(`"/${section}/:path*"`);
      // Each parameter made up (and an optional one given): no page has it.
      const segments = route.split(path.sep).map((s) => (s.startsWith("[") ? `made-up-${s.replace(/\W/g, "")}` : s));
      expect(sharedPageStatus(t.db, segments), segments.join("/")).toBe(404);
    }
  });

  it("a shared page without a parameter is never refused by the proxy", () => {
    const routes = pages(shared).filter((r) => !r.includes("["));
    expect(routes).toContain("badges");
    for (const route of routes) expect(sharedPageStatus(t.db, route ? route.split(path.sep) : []), route || "/").toBeNull();
  });
});
