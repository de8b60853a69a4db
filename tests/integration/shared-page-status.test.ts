import { describe, expect, it } from "vitest";
import { deleteComment } from "@/lib/comments/delete-comment";
import { commentPermalinkStatus } from "@/lib/comments/queries";
import { editorPageStatus, sharedPageStatus } from "@/lib/pages/address";
import { perTestDb } from "../helpers/db";
import { commentSetup, postComment, setReviewStatus } from "../helpers/comments";
import { makeUser, seedReview } from "../helpers/reviews";

// What the proxy answers for a shared page's address before the (cached) page is looked up.
describe("shared page addresses", () => {
  const t = perTestDb();
  const rowOf = <T,>(sql: string, ...args: unknown[]) => t.db.$client.prepare(sql).get(...args) as T;

  it("serves the pages that exist and answers 404 for made-up films, tags, members, reviews and comments", () => {
    const { author, reviewId } = commentSetup(t.db);
    const comment = postComment(t.db, author, reviewId);
    const review = rowOf<{ slug: string; film_id: number }>("select slug, film_id from posts where id = ?", reviewId);
    const film = rowOf<{ slug: string }>("select slug from films where id = ?", review.film_id);
    const tag = rowOf<{ tag: string }>("select tag from post_tags where post_id = ?", reviewId);
    expect(tag, "the seeded review has a tag").toBeDefined();
    const known = [
      ["films", film.slug],
      ["tags", tag.tag],
      ["u", "mara"],
      ["u", "mara", "badges"],
      ["u", "mara", "comments", String(comment.id)],
      ["reviews", review.slug],
      ["reviews", review.slug, "comments", "newest"],
      ["comments", String(comment.id)],
      ["reviews", "new"],
      ["comments", "424242", "edit"],
      ["not-yours", "review"],
    ];
    for (const segments of known) expect(sharedPageStatus(t.db, segments), segments.join("/")).toBeNull();
    const unknown = [
      ["films", "no-such-film"],
      ["films", film.slug, "extra"],
      ["tags", "no-such-tag"],
      ["tags", "NOT A TAG"],
      ["u", "nobody_here"],
      ["u", "mara", "nothing"],
      ["u", "mara", "comments", "424242"],
      ["reviews", "no-such-review"],
      ["comments", "424242"],
      ["comments", "abc"],
      ["not-yours", "anything"],
    ];
    for (const segments of unknown) expect(sharedPageStatus(t.db, segments), segments.join("/")).toBe(404);
  });

  it("a tag only drafts carry is not a page", () => {
    const { author } = commentSetup(t.db);
    const draft = seedReview(t.db, author, { title: "Unfinished", tags: "only-in-drafts", intent: "draft" });
    expect(rowOf<{ status: string }>("select status from posts where id = ?", draft).status).toBe("draft");
    expect(sharedPageStatus(t.db, ["tags", "only-in-drafts"])).toBe(404);
  });

  it("a deleted comment's permalink is 410 once no reply below it remains, and a deleted review's comments are all 410", () => {
    const { author, reviewId, member } = commentSetup(t.db);
    const parent = postComment(t.db, member, reviewId);
    const reply = postComment(t.db, author, reviewId, parent.id);
    const lone = postComment(t.db, member, reviewId);
    expect(commentPermalinkStatus(t.db, lone.id)).toBe(200);
    deleteComment(t.db, member, lone.id);
    expect(commentPermalinkStatus(t.db, lone.id)).toBe(410);
    expect(sharedPageStatus(t.db, ["comments", String(lone.id)])).toBe(410);
    // Its history stays readable.
    expect(sharedPageStatus(t.db, ["comments", String(lone.id), "revisions"])).toBeNull();

    deleteComment(t.db, member, parent.id);
    expect(commentPermalinkStatus(t.db, parent.id), "a reply below it remains").toBe(200);
    deleteComment(t.db, author, reply.id);
    expect(commentPermalinkStatus(t.db, parent.id)).toBe(410);

    const other = postComment(t.db, member, reviewId);
    setReviewStatus(t.db, reviewId, "deleted");
    expect(commentPermalinkStatus(t.db, other.id)).toBe(410);
    setReviewStatus(t.db, reviewId, "draft");
    expect(commentPermalinkStatus(t.db, other.id)).toBe(404);
    expect(commentPermalinkStatus(t.db, 424242)).toBe(404);
  });

  it("an editor page answers 403 to another member, 404 when there is nothing to edit, and leaves the owner, staff and the signed-out to the page", () => {
    const { author, reviewId, member } = commentSetup(t.db);
    const moderator = makeUser(t.db, "mod", "moderator");
    const slug = rowOf<{ slug: string }>("select slug from posts where id = ?", reviewId).slug;
    const comment = postComment(t.db, author, reviewId);
    for (const segments of [["reviews", slug, "edit"], ["comments", String(comment.id), "edit"], ["comments", String(comment.id), "delete"]]) {
      expect(editorPageStatus(t.db, segments, member), segments.join("/")).toBe(403);
      expect(editorPageStatus(t.db, segments, author), segments.join("/")).toBeNull();
      expect(editorPageStatus(t.db, segments, moderator), segments.join("/")).toBeNull();
      expect(editorPageStatus(t.db, segments, null), segments.join("/")).toBeNull();
    }
    expect(editorPageStatus(t.db, ["reviews", "no-such-review", "edit"], member)).toBe(404);
    expect(editorPageStatus(t.db, ["comments", "424242", "edit"], member)).toBe(404);
    deleteComment(t.db, author, comment.id);
    expect(editorPageStatus(t.db, ["comments", String(comment.id), "edit"], member), "the page says it was deleted").toBeNull();
  });
});
