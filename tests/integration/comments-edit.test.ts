import { afterEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { tagsFor } from "@/lib/cache/expire";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { listCommentRevisions, listThread } from "@/lib/comments/queries";
import { setTestEnv } from "../helpers/env";
import { thrown } from "../helpers/errors";
import { ctxAs, perTestDb } from "../helpers/db";
import { MINUTE, at, expectDomainError, makeUser } from "../helpers/reviews";
import {
  clearEnv,
  commentForm,
  commentRow,
  commentSetup,
  removeReview,
  revisionsOf,
  snapshot,
} from "../helpers/comments";

// The grace rule, as for reviews: the same editor, within EDIT_GRACE_SECONDS (300) of the previous
// revision's creation, changing at most 100 characters, amends that revision in place.
const BODY = commentForm(0).body as string;
const POSTED = MINUTE; // the comment is posted at T0 + 1 minute
const after = (ms: number) => at(POSTED + ms);

describe("editComment", () => {
  const t = perTestDb();
  afterEach(() => clearEnv("EDIT_GRACE_SECONDS"));

  async function setup() {
    const { author, reviewId, member } = await commentSetup(t.db);
    const { comment } = await createComment(ctxAs(t.db, member.id, at(POSTED)), commentForm(reviewId));
    return { reviewAuthor: author, reviewId, member, id: comment.id };
  }

  it("adds revision #2 after the window: new body and HTML, revision_count 2, edited_at set, reason stored", async () => {
    const { reviewId, member, id } = await setup();
    const body = `${BODY}\n\n# Afterthought\n\nThe *ferris wheel* speech.`;
    const result = await editComment(ctxAs(t.db, member, after(10 * MINUTE)), { commentId: id, body, reason: "  added   the wheel " });
    // Editing one's own published comment earns "Second thoughts".
    expect(result).toEqual({
      id,
      reviewId,
      slug: "harry-lime-s-vienna",
      changed: true,
      badges: [{ userId: member.id, slug: "first-edit", reviewId, commentId: id }],
      changes: expect.any(Object),
    });
    // What it expires: the thread and permalinks, the comment on its author's profile, and the badge.
    expect(tagsFor(result.changes).sort()).toEqual(
      [`review:${reviewId}`, "comments:new", `user:${member.id}`, "badges", "ranking", "badge:first-edit"].sort(),
    );
    expect(await revisionsOf(t.db, id)).toEqual([
      { id: 1, comment_id: id, number: 1, editor_id: member.id, reason: null, body_md: BODY, created_at: at(POSTED).getTime(), updated_at: at(POSTED).getTime() },
      { id: 2, comment_id: id, number: 2, editor_id: member.id, reason: "added the wheel", body_md: body, created_at: after(10 * MINUTE).getTime(), updated_at: after(10 * MINUTE).getTime() },
    ]);
    expect(await commentRow(t.db, id)).toMatchObject({
      author_id: member.id,
      body_md: body,
      body_html: `<p>${BODY}</p>\n<h3>Afterthought</h3>\n<p>The <em>ferris wheel</em> speech.</p>\n`,
      revision_count: 2,
      edited_at: after(10 * MINUTE).getTime(),
      updated_at: after(10 * MINUTE).getTime(),
      created_at: at(POSTED).getTime(),
    });
    expect((await listThread(t.db, reviewId)).map((c) => [c.id, c.edited])).toEqual([[id, true]]);
    expect((await listCommentRevisions(t.db, id)).map((r) => [r.number, r.editorName, r.reason])).toEqual([
      [1, "femi", null],
      [2, "femi", "added the wheel"],
    ]);
  });

  it("amends revision #1 in place for a small edit by the author within the window: not marked edited", async () => {
    const { reviewId, member, id } = await setup();
    const body = BODY.replace("cuckoo clock", "cuckoo-clock speech");
    const result = await editComment(ctxAs(t.db, member, after(4 * MINUTE)), { commentId: id, body, reason: "typo" });
    expect(result.changed).toBe(true);
    expect(await revisionsOf(t.db, id)).toEqual([
      { id: 1, comment_id: id, number: 1, editor_id: member.id, reason: "typo", body_md: body, created_at: at(POSTED).getTime(), updated_at: after(4 * MINUTE).getTime() },
    ]);
    expect(await commentRow(t.db, id)).toMatchObject({ body_md: body, body_html: `<p>${body}</p>\n`, revision_count: 1, edited_at: null, updated_at: after(4 * MINUTE).getTime() });
    expect((await listThread(t.db, reviewId)).map((c) => [c.id, c.edited])).toEqual([[id, false]]);
  });

  it("counts the window from the revision's creation: exactly 300 s amends, a millisecond later adds", async () => {
    const { member, id } = await setup();
    await editComment(ctxAs(t.db, member, after(5 * MINUTE)), { commentId: id, body: `${BODY} A.` });
    expect((await revisionsOf(t.db, id)).map((r) => r.number)).toEqual([1]);
    await editComment(ctxAs(t.db, member, after(5 * MINUTE + 1)), { commentId: id, body: `${BODY} AB.` });
    expect((await revisionsOf(t.db, id)).map((r) => [r.number, r.body_md])).toEqual([
      [1, `${BODY} A.`],
      [2, `${BODY} AB.`],
    ]);
    expect(await commentRow(t.db, id)).toMatchObject({ revision_count: 2, edited_at: after(5 * MINUTE + 1).getTime() });
  });

  it("does not stretch the window by amending: small edits at 2, 4 and 6 minutes make two revisions", async () => {
    const { member, id } = await setup();
    for (const [i, minute] of [2, 4, 6].entries()) await editComment(ctxAs(t.db, member, after(minute * MINUTE)), { commentId: id, body: `${BODY} ${"!".repeat(i + 1)}` });
    expect((await revisionsOf(t.db, id)).map((r) => [r.number, r.created_at, r.updated_at, r.body_md])).toEqual([
      [1, at(POSTED).getTime(), after(4 * MINUTE).getTime(), `${BODY} !!`],
      [2, after(6 * MINUTE).getTime(), after(6 * MINUTE).getTime(), `${BODY} !!!`],
    ]);
    // Within revision #2's own window, a small edit amends #2 and leaves edited_at where #2 put it.
    await editComment(ctxAs(t.db, member, after(7 * MINUTE)), { commentId: id, body: `${BODY} !!!!` });
    expect((await revisionsOf(t.db, id)).map((r) => r.number)).toEqual([1, 2]);
    expect(await commentRow(t.db, id)).toMatchObject({ revision_count: 2, edited_at: after(6 * MINUTE).getTime(), updated_at: after(7 * MINUTE).getTime() });
  });

  it("allows 100 changed characters in grace, not 101", async () => {
    const { member, id } = await setup();
    await editComment(ctxAs(t.db, member, after(MINUTE)), { commentId: id, body: BODY + "x".repeat(100) });
    expect(await revisionsOf(t.db, id)).toHaveLength(1);
    await editComment(ctxAs(t.db, member, after(2 * MINUTE)), { commentId: id, body: BODY + "y".repeat(101) });
    expect((await revisionsOf(t.db, id)).map((r) => r.number)).toEqual([1, 2]);
    expect(await commentRow(t.db, id)).toMatchObject({ revision_count: 2, edited_at: after(2 * MINUTE).getTime() });
  });

  it("reads the window from EDIT_GRACE_SECONDS", async () => {
    setTestEnv({ EDIT_GRACE_SECONDS: "60" });
    const { member, id } = await setup();
    await editComment(ctxAs(t.db, member, after(60_000)), { commentId: id, body: `${BODY} A.` });
    expect(await revisionsOf(t.db, id)).toHaveLength(1);
    await editComment(ctxAs(t.db, member, after(2 * MINUTE)), { commentId: id, body: `${BODY} AB.` });
    expect((await revisionsOf(t.db, id)).map((r) => r.number)).toEqual([1, 2]);
  });

  it("keeps an earlier reason on a grace edit that gives none", async () => {
    const { member, id } = await setup();
    await editComment(ctxAs(t.db, member, after(10 * MINUTE)), { commentId: id, body: `${BODY} Rewatched: still great.`, reason: "rewatched" });
    await editComment(ctxAs(t.db, member, after(11 * MINUTE)), { commentId: id, body: `${BODY} Rewatched: still great!` });
    expect((await revisionsOf(t.db, id)).map((r) => [r.number, r.reason, r.body_md])).toEqual([
      [1, null, BODY],
      [2, "rewatched", `${BODY} Rewatched: still great!`],
    ]);
  });

  it.each(["moderator", "admin"] as const)("lets a %s edit a member's comment: a new revision in their name, however small", async (role) => {
    const { member, id } = await setup();
    const staff = await makeUser(t.db, `staff_${role}`, role);
    const body = BODY.replace("cuckoo clock", "[link removed]");
    expect((await editComment(ctxAs(t.db, staff, after(MINUTE)), { commentId: id, body, reason: "removed a link" })).changed).toBe(true);
    expect((await revisionsOf(t.db, id)).map((r) => [r.number, r.editor_id, r.reason])).toEqual([
      [1, member.id, null],
      [2, staff.id, "removed a link"],
    ]);
    expect(await commentRow(t.db, id)).toMatchObject({ author_id: member.id, body_md: body, revision_count: 2, edited_at: after(MINUTE).getTime() });
    // The author's own small edit right after is not in the moderator's grace: another revision.
    await editComment(ctxAs(t.db, member, after(2 * MINUTE)), { commentId: id, body: `${body} Fair.` });
    expect((await revisionsOf(t.db, id)).map((r) => [r.number, r.editor_id])).toEqual([
      [1, member.id],
      [2, staff.id],
      [3, member.id],
    ]);
  });

  it.each([
    ["another member", "troll"],
    ["the review's author", "mara"],
  ])("refuses %s with Forbidden (403) and changes nothing", async (_name, who) => {
    const { reviewAuthor, id } = await setup();
    const actor = who === "mara" ? reviewAuthor : await makeUser(t.db, who);
    const before = await snapshot(t.db);
    await expectDomainError(() => editComment(ctxAs(t.db, actor, after(MINUTE)), { commentId: id, body: "Vandalised." }), "Forbidden", 403);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("treats an unchanged body as a no-op: changed false, no row touched, even with a reason or extra whitespace", async () => {
    const { reviewId, member, id } = await setup();
    const before = await snapshot(t.db);
    const unchanged = await editComment(ctxAs(t.db, member, after(10 * MINUTE)), { commentId: id, body: BODY });
    expect(unchanged).toEqual({ id, reviewId, slug: "harry-lime-s-vienna", changed: false, changes: expect.any(Object) });
    expect(tagsFor(unchanged.changes)).toEqual([]); // nothing to expire
    expect((await editComment(ctxAs(t.db, member, after(11 * MINUTE)), { commentId: id, body: `\n${BODY}  \r\n`, reason: "nothing really" })).changed).toBe(false);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a deleted comment with Gone (410), for its author and a moderator, and changes nothing", async () => {
    const { member, id } = await setup();
    const mod = await makeUser(t.db, "modest", "moderator");
    await deleteComment(ctxAs(t.db, member, after(MINUTE)), { commentId: id });
    const before = await snapshot(t.db);
    await expectDomainError(() => editComment(ctxAs(t.db, member, after(2 * MINUTE)), { commentId: id, body: "Back from the dead." }), "Gone", 410);
    await expectDomainError(() => editComment(ctxAs(t.db, mod, after(2 * MINUTE)), { commentId: id, body: "Mod." }), "Gone", 410);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a comment on a deleted review with Gone (410) and changes nothing", async () => {
    const { reviewAuthor, reviewId, member, id } = await setup();
    await removeReview(t.db, reviewAuthor, reviewId, after(MINUTE));
    const before = await snapshot(t.db);
    await expectDomainError(() => editComment(ctxAs(t.db, member, after(2 * MINUTE)), { commentId: id, body: "Too late." }), "Gone", 410);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("answers NotFound (404) for a comment that never existed", async () => {
    const { member } = await setup();
    const before = await snapshot(t.db);
    await expectDomainError(() => editComment(ctxAs(t.db, member, after(MINUTE)), { commentId: 999, body: "Hello?" }), "NotFound", 404);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it.each([
    ["an empty body", { body: "   \n " }, "body"],
    ["a body over 10,000 characters", { body: "z".repeat(10_001) }, "body"],
    ["a reason over 200 characters", { body: `${BODY} More.`, reason: "r".repeat(201) }, "reason"],
  ])("refuses %s with a ZodError on that field and changes nothing", async (_name, input, field) => {
    const { member, id } = await setup();
    const before = await snapshot(t.db);
    const err = await thrown(() => editComment(ctxAs(t.db, member, after(10 * MINUTE)), { ...input, commentId: id }));
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues.map((i) => i.path.join("."))).toEqual([field]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("renders an edit like a post: headings demoted, hostile HTML escaped", async () => {
    const { member, id } = await setup();
    await editComment(ctxAs(t.db, member, after(10 * MINUTE)), { commentId: id, body: "# Loud\n\n<script>alert(1)</script> [x](javascript:alert(1))" });
    const html = (await commentRow(t.db, id))?.body_html as string;
    expect(html).toBe("<h3>Loud</h3>\n<p>&#x3C;script>alert(1)&#x3C;/script> [x](javascript:alert(1))</p>\n");
  });
});
