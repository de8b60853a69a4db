import { describe, expect, it } from "vitest";
import { deleteComment } from "@/lib/comments/delete-comment";
import { commentPermalinkStatus } from "@/lib/comments/queries";
import { editorPageStatus, sharedPageStatus } from "@/lib/pages/address";
import { ctxAs, perTestDb } from "../helpers/db";
import { commentSetup, postComment, setReviewStatus } from "../helpers/comments";
import { makeUser, seedReview } from "../helpers/reviews";
import { sqlGet } from "@/tests/helpers/sql";

// What the proxy answers for a shared page's address before the (cached) page is looked up.
describe("shared page addresses", () => {
  const t = perTestDb();
  const rowOf = async <T,>(sql: string, ...args: unknown[]) => (await sqlGet(t.db, sql, ...args)) as T;

  it("serves the pages that exist and answers 404 for made-up films, tags, members, reviews and comments", async () => {
    const { author, reviewId } = await commentSetup(t.db);
    const comment = await postComment(t.db, author, reviewId);
    const review = await rowOf<{ slug: string; film_id: number }>("select slug, film_id from posts where id = ?", reviewId);
    const film = await rowOf<{ slug: string }>("select slug from films where id = ?", review.film_id);
    const tag = await rowOf<{ tag: string }>("select tag from post_tags where post_id = ?", reviewId);
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
    for (const segments of known) expect(await sharedPageStatus(t.db, segments), segments.join("/")).toBeNull();
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
    for (const segments of unknown) expect(await sharedPageStatus(t.db, segments), segments.join("/")).toBe(404);
  });

  it("a tag only drafts carry is not a page", async () => {
    const { author } = await commentSetup(t.db);
    const draft = await seedReview(t.db, author, { title: "Unfinished", tags: "only-in-drafts", intent: "draft" });
    expect((await rowOf<{ status: string }>("select status from posts where id = ?", draft)).status).toBe("draft");
    expect(await sharedPageStatus(t.db, ["tags", "only-in-drafts"])).toBe(404);
  });

  it("a deleted comment's permalink is 410 once no reply below it remains, and a deleted review's comments are all 410", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const parent = await postComment(t.db, member, reviewId);
    const reply = await postComment(t.db, author, reviewId, parent.id);
    const lone = await postComment(t.db, member, reviewId);
    expect(await commentPermalinkStatus(t.db, lone.id)).toBe(200);
    await deleteComment(ctxAs(t.db, member), { commentId: lone.id });
    expect(await commentPermalinkStatus(t.db, lone.id)).toBe(410);
    expect(await sharedPageStatus(t.db, ["comments", String(lone.id)])).toBe(410);
    // Its history stays readable.
    expect(await sharedPageStatus(t.db, ["comments", String(lone.id), "revisions"])).toBeNull();

    await deleteComment(ctxAs(t.db, member), { commentId: parent.id });
    expect(await commentPermalinkStatus(t.db, parent.id), "a reply below it remains").toBe(200);
    await deleteComment(ctxAs(t.db, author), { commentId: reply.id });
    expect(await commentPermalinkStatus(t.db, parent.id)).toBe(410);

    const other = await postComment(t.db, member, reviewId);
    await setReviewStatus(t.db, reviewId, "deleted");
    expect(await commentPermalinkStatus(t.db, other.id)).toBe(410);
    await setReviewStatus(t.db, reviewId, "draft");
    expect(await commentPermalinkStatus(t.db, other.id)).toBe(404);
    expect(await commentPermalinkStatus(t.db, 424242)).toBe(404);
  });

  it("an editor page answers 403 to another member, 404 when there is nothing to edit, and leaves the owner, staff and the signed-out to the page", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const moderator = await makeUser(t.db, "mod", "moderator");
    const slug = (await rowOf<{ slug: string }>("select slug from posts where id = ?", reviewId)).slug;
    const comment = await postComment(t.db, author, reviewId);
    for (const segments of [["reviews", slug, "edit"], ["comments", String(comment.id), "edit"], ["comments", String(comment.id), "delete"]]) {
      expect(await editorPageStatus(t.db, segments, member), segments.join("/")).toBe(403);
      expect(await editorPageStatus(t.db, segments, author), segments.join("/")).toBeNull();
      expect(await editorPageStatus(t.db, segments, moderator), segments.join("/")).toBeNull();
      expect(await editorPageStatus(t.db, segments, null), segments.join("/")).toBeNull();
    }
    expect(await editorPageStatus(t.db, ["reviews", "no-such-review", "edit"], member)).toBe(404);
    expect(await editorPageStatus(t.db, ["comments", "424242", "edit"], member)).toBe(404);
    await deleteComment(ctxAs(t.db, author), { commentId: comment.id });
    expect(await editorPageStatus(t.db, ["comments", String(comment.id), "edit"], member), "the page says it was deleted").toBeNull();
  });
});
