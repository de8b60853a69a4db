import { describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { toFormError } from "@/lib/action-result";
import { tagsFor } from "@/lib/cache/expire";
import { MAX_THREAD_DEPTH, createComment } from "@/lib/comments/create-comment";
import { pathIds, segment } from "@/lib/comments/path";
import { getCommentContext, listThread } from "@/lib/comments/queries";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { insertComment } from "@/lib/comments/store";
import { checkHtml } from "@/tests/fixtures/hostile-markdown/oracle";
import { thrown } from "../helpers/errors";
import { ON_PG, ctxAs, fixtureWriter, perTestDb } from "../helpers/db";
import { MINUTE, T0, at, expectDomainError, makeUser, seedReview } from "../helpers/reviews";
import {
  commentCount,
  commentForm,
  commentRow,
  commentSetup,
  counterDrift,
  later,
  postComment,
  removeReview,
  replyCount,
  revisionsOf,
  rows,
  setReviewStatus,
  snapshot,
} from "../helpers/comments";
import { sqlAll, sqlGet, sqlRun } from "@/tests/helpers/sql";

describe("createComment", () => {
  const t = perTestDb();
  const contributions = async () => await sqlAll(t.db, `select username, review_count, comment_count, is_new from users order by username`);

  it("posts a top-level comment: the row, revision #1 and the review's comment_count", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const body = "Anna's walk past Holly at the end is the **whole** film.";
    const result = await createComment(ctxAs(t.db, member.id, at(MINUTE)), commentForm(reviewId, { body }));
    expect(result).toEqual({
      comment: expect.objectContaining({ id: 1, reviewId, parentId: null, authorId: member.id, depth: 1, path: "000001" }),
      review: { id: reviewId, slug: "harry-lime-s-vienna", title: "Harry Lime's Vienna", authorId: author.id },
      repliedTo: author.id, // a top-level comment answers the review's author
      newcomerFlipped: [], // a week-young account stays new, whatever it writes
      // Their first comment earns the commenter "First comment"; the review's author gets "First reply".
      badges: [
        { userId: member.id, slug: "comments-1", reviewId, commentId: 1 },
        { userId: author.id, slug: "replies-1", reviewId, commentId: 1 },
      ],
      stopped: false, // no STOP under a badge announcement
      changes: expect.any(Object),
    });
    // What it expires: the review's card wherever it is listed (feed, film, tags, its author's
    // profile), the commenter's profile, the replied-to author's, new-comment answers, and the
    // badges granted with their holders, the catalog and the Ranking.
    const filmId = (await rows(t.db, "posts"))[0]!.film_id as number;
    expect(tagsFor(result.changes).sort()).toEqual(
      [
        `review:${reviewId}`,
        "feed",
        `film:${filmId}`,
        "tag:noir",
        "tag:vienna",
        `user:${author.id}`,
        `user:${member.id}`,
        "comments:new",
        "badges",
        "ranking",
        "badge:comments-1",
        "badge:replies-1",
      ].sort(),
    );
    expect(await rows(t.db, "comments")).toEqual([
      {
        id: 1,
        post_id: reviewId,
        parent_id: null,
        author_id: member.id,
        depth: 1,
        path: "000001",
        body_md: body,
        body_html: "<p>Anna’s walk past Holly at the end is the <strong>whole</strong> film.</p>\n",
        renderer_version: 2,
        revision_count: 1,
        edited_at: null,
        deleted_at: null,
        upvote_count: 0,
        reply_count: 0,
        announces_badge: null,
        created_at: at(MINUTE).getTime(),
        updated_at: at(MINUTE).getTime(),
      },
    ]);
    expect(await rows(t.db, "comment_revisions")).toEqual([
      { id: 1, comment_id: 1, number: 1, editor_id: member.id, reason: null, body_md: body, created_at: at(MINUTE).getTime(), updated_at: at(MINUTE).getTime() },
    ]);
    expect(await commentCount(t.db, reviewId)).toBe(1);
    // The commenter's contributions count it; the review's author is told of the reply.
    expect(await contributions()).toEqual([
      { username: "femi", review_count: 0, comment_count: 1, is_new: 1 },
      { username: "mara", review_count: 1, comment_count: 0, is_new: 1 },
    ]);
    // Publishing the scored review (at T0) earned its author two badges; the comment then earned
    // one badge each, and the author hears of the reply.
    const badge = (id: number, recipient: string, slug: string, commentId: number | null, when: Date) =>
      ({ id, recipient_id: recipient, kind: "badge", actor_id: null, post_id: reviewId, comment_id: commentId, target: slug, amount: null, created_at: when.getTime(), read_at: null });
    expect(await rows(t.db, "notifications")).toEqual([
      badge(1, author.id, "reviews-1", null, T0),
      badge(2, author.id, "first-scored-review", null, T0),
      badge(3, member.id, "comments-1", 1, at(MINUTE)),
      badge(4, author.id, "replies-1", 1, at(MINUTE)),
      { id: 5, recipient_id: author.id, kind: "review_reply", actor_id: member.id, post_id: reviewId, comment_id: 1, target: null, amount: null, created_at: at(MINUTE).getTime(), read_at: null },
    ]);
    expect(await sqlAll(t.db, `select username, replies_received, badge_points from users order by username`)).toEqual([
      { username: "femi", replies_received: 0, badge_points: 1 },
      { username: "mara", replies_received: 1, badge_points: 3 },
    ]);
  });

  it("posts a reply one level down: path = parent's path + its own segment, both counts +1", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const top = await postComment(t.db, member, reviewId);
    const reply = (await createComment(ctxAs(t.db, author.id, later(t.db)), commentForm(reviewId, { parentId: String(top.id), body: "Agreed." }))).comment;
    expect(await commentRow(t.db, reply.id)).toMatchObject({ parent_id: top.id, depth: 2, path: `${top.path}${segment(reply.id)}`, author_id: author.id, reply_count: 0 });
    expect(await replyCount(t.db, top.id)).toBe(1);
    expect(await commentCount(t.db, reviewId)).toBe(2);
    // A number works as well as the form's string.
    const second = (await createComment(ctxAs(t.db, member.id, later(t.db, 2 * MINUTE)), { reviewId, parentId: reply.id, body: "Deeper." })).comment;
    expect(second).toMatchObject({ parentId: reply.id, depth: 3, path: `${reply.path}${segment(second.id)}` });
    expect([await replyCount(t.db, top.id), await replyCount(t.db, reply.id), await commentCount(t.db, reviewId)]).toEqual([1, 1, 3]);
    expect(await counterDrift(t.db)).toEqual({ reviews: [], comments: [] });
  });

  it("keeps fixed-width paths whose ids, read back, are the chain of ancestors", async () => {
    const { reviewId, member } = await commentSetup(t.db);
    const chain = [await postComment(t.db, member, reviewId)];
    for (let i = 0; i < 7; i++) chain.push(await postComment(t.db, member, reviewId, chain.at(-1)!.id));
    for (const [i, c] of chain.entries()) {
      expect(c.depth).toBe(i + 1);
      expect(c.path).toHaveLength(6 * (i + 1));
      expect(pathIds(c.path)).toEqual(chain.slice(0, i + 1).map((a) => a.id));
    }
  });

  it("lists a whole thread in one query: parents before replies, siblings oldest first, deleted ones too", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const other = await seedReview(t.db, author, { title: "Another review" });
    // Posted interleaved, so creation order is not thread order.
    const a = await postComment(t.db, member, reviewId);
    const b = await postComment(t.db, author, reviewId);
    const a1 = await postComment(t.db, author, reviewId, a.id);
    const elsewhere = await postComment(t.db, member, other);
    const b1 = await postComment(t.db, member, reviewId, b.id);
    const a2 = await postComment(t.db, member, reviewId, a.id);
    const a1x = await postComment(t.db, member, reviewId, a1.id);
    const c = await postComment(t.db, author, reviewId);
    const a1y = await postComment(t.db, author, reviewId, a1.id);
    await deleteComment(ctxAs(t.db, member, later(t.db)), { commentId: a2.id });

    // SQLite's connection prepares each statement it runs, PostgreSQL's pool sends each one.
    const client = t.db.$client as unknown as { prepare: () => unknown; query: () => unknown };
    const statements = vi.spyOn(client, ON_PG ? "query" : "prepare");
    const thread = await listThread(t.db, reviewId);
    expect(statements).toHaveBeenCalledTimes(1);
    statements.mockRestore();

    expect(thread.map((r) => r.id)).toEqual([a.id, a1.id, a1x.id, a1y.id, a2.id, b.id, b1.id, c.id]);
    expect(thread.map((r) => r.depth)).toEqual([1, 2, 3, 3, 2, 1, 2, 1]);
    expect(thread.map((r) => r.id)).not.toContain(elsewhere.id);
    expect(thread[0]).toEqual({
      id: a.id,
      parentId: null,
      depth: 1,
      path: a.path,
      bodyHtml: "<p>Comment 1: the zither again.</p>\n",
      deleted: false,
      edited: false,
      author: { id: member.id, username: "femi", name: "femi", image: null, isNew: true },
      createdAt: at(MINUTE),
      upvoteCount: 0,
      replyCount: 1,
    });
    expect(thread.find((r) => r.id === a2.id)).toMatchObject({ deleted: true, bodyHtml: "", author: null });
    expect((await listThread(t.db, other)).map((r) => r.id)).toEqual([elsewhere.id]);
  });

  it("gives a comment's context: its review, its ancestors top-level first, and its own subtree only", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const a = await postComment(t.db, member, reviewId);
    const b = await postComment(t.db, author, reviewId, a.id);
    const c = await postComment(t.db, member, reviewId, b.id);
    const c1 = await postComment(t.db, author, reviewId, c.id);
    const sibling = await postComment(t.db, author, reviewId, b.id); // after c, outside its subtree
    const c2 = await postComment(t.db, member, reviewId, c.id);
    const c1x = await postComment(t.db, member, reviewId, c1.id);
    await postComment(t.db, member, reviewId); // another top-level thread
    const context = (await getCommentContext(t.db, c.id))!;
    expect(context.review).toMatchObject({ id: reviewId, slug: "harry-lime-s-vienna", title: "Harry Lime's Vienna", status: "published", commentCount: 8 });
    expect(context.ancestors.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(context.subtree.map((r) => r.id)).toEqual([c.id, c1.id, c1x.id, c2.id]);
    expect((await getCommentContext(t.db, sibling.id))?.subtree.map((r) => r.id)).toEqual([sibling.id]);
    expect((await getCommentContext(t.db, a.id))?.ancestors).toEqual([]);
    expect(await getCommentContext(t.db, 999)).toBeNull();
  });

  it("demotes headings (h1 → h3 … capped at h6, no ids) and renders inline spoilers", async () => {
    const { reviewId, member } = await commentSetup(t.db);
    const body = "# Big\n\n## Smaller\n\n##### Five\n\nThe end: >!Harry dies in the sewer!<";
    const c = await postComment(t.db, member, reviewId, null, body);
    const html = (await commentRow(t.db, c.id))?.body_html as string;
    expect(html).toBe(
      [
        "<h3>Big</h3>",
        "<h4>Smaller</h4>",
        "<h6>Five</h6>",
        '<p>The end: <span class="spoiler" tabindex="0">Harry dies in the sewer</span></p>',
        "",
      ].join("\n"),
    );
    expect(html).not.toMatch(/<h[12][\s>]|\sid=|heading-anchor/);
  });

  it("stores hostile markdown harmless, and keeps the source as typed", async () => {
    const { reviewId, member } = await commentSetup(t.db);
    const body = [
      "<script>alert(1)</script>",
      "[x](javascript:alert(1)) and [y](JaVaScRiPt:alert(2)) and [z](data:text/html,<b>hi</b>)",
      '<img src=x onerror=alert(1)> <a href="javascript:alert(3)">click</a> <iframe src="https://evil.example"></iframe>',
      "![pixel](http://tracker.example/p.gif) [fine](https://example.com/x)",
    ].join("\n\n");
    const c = await postComment(t.db, member, reviewId, null, body);
    const row = (await commentRow(t.db, c.id))!;
    const html = row.body_html as string;
    expect(checkHtml(html)).toEqual([]);
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((tag) => /^<(?:script|img|iframe)|\son\w+=|javascript:|data:/i.test(tag))).toEqual([]);
    expect(html).toContain('<a href="https://example.com/x" rel="nofollow ugc noopener">fine</a>');
    // The only links left are https ones (the iframe's address is linkified as plain text).
    expect(html.match(/<a\s[^>]*>/g)).toEqual([
      '<a href="https://evil.example" rel="nofollow ugc noopener">',
      '<a href="https://example.com/x" rel="nofollow ugc noopener">',
    ]);
    expect(html).toContain("&#x3C;script>alert(1)&#x3C;/script>");
    expect(row.body_md).toBe(body);
    expect(await revisionsOf(t.db, c.id)).toEqual([expect.objectContaining({ number: 1, body_md: body })]);
  });

  it("normalizes the body: line endings, leading blank lines and trailing whitespace", async () => {
    const { reviewId, member } = await commentSetup(t.db);
    const c = await postComment(t.db, member, reviewId, null, "\n \n\tHolly.\r\nAnna.  \r\n\n  ");
    expect(await commentRow(t.db, c.id)).toMatchObject({ body_md: "\tHolly.\nAnna." });
    const d = await postComment(t.db, member, reviewId, null, "\n\nCalloway.   ");
    expect(await commentRow(t.db, d.id)).toMatchObject({ body_md: "Calloway.", body_html: "<p>Calloway.</p>\n" });
  });

  it("takes exactly 10,000 characters (after trimming), and refuses 10,001 on \"body\" with nothing written", async () => {
    const { reviewId, member } = await commentSetup(t.db);
    const c = await postComment(t.db, member, reviewId, null, `${"x".repeat(10_000)}\n\n   `);
    expect(((await commentRow(t.db, c.id))?.body_md as string).length).toBe(10_000);
    const before = await snapshot(t.db);
    const err = await thrown(() => createComment(ctxAs(t.db, member.id, later(t.db)), commentForm(reviewId, { body: "y".repeat(10_001) })));
    expect(err).toBeInstanceOf(ZodError);
    expect(toFormError(err, {})).toMatchObject({
      status: 422,
      fieldErrors: { body: ["A comment has at most 10,000 characters; this one has 10,001."] },
    });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it.each([
    ["empty", ""],
    ["only whitespace", "  \n\t\r\n  \u00a0 "],
    ["only invisible characters", "\u200b \u200d\ufeff\u2060"],
    ["missing", undefined],
  ])("refuses a body that is %s as 422 on \"body\" and writes nothing", async (_name, body) => {
    const { reviewId, member } = await commentSetup(t.db);
    await postComment(t.db, member, reviewId);
    const before = await snapshot(t.db);
    const err = await thrown(() => createComment(ctxAs(t.db, member.id, later(t.db)), commentForm(reviewId, { body })));
    expect(err).toBeInstanceOf(ZodError);
    expect(toFormError(err, {})).toMatchObject({ status: 422, fieldErrors: { body: ["Write something before posting."] } });
    expect(Object.keys(toFormError(err, {}).fieldErrors)).toEqual(["body"]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it.each([
    ["reviewId", { reviewId: "abc" }],
    ["reviewId", { reviewId: "0" }],
    ["parentId", { parentId: "-3" }],
    ["parentId", { parentId: "1.5" }],
  ])("refuses a malformed %s as 422 on that field and writes nothing", async (field, over) => {
    const { reviewId, member } = await commentSetup(t.db);
    const before = await snapshot(t.db);
    const err = await thrown(() => createComment(ctxAs(t.db, member.id, at(MINUTE)), commentForm(reviewId, over)));
    expect(err).toBeInstanceOf(ZodError);
    expect(Object.keys(toFormError(err, {}).fieldErrors)).toEqual([field]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it.each([
    ["a draft", "draft"],
    ["a hidden review", "hidden"],
  ] as const)("answers NotFound (404) for %s and writes nothing", async (_name, status) => {
    const { author, member } = await commentSetup(t.db);
    const reviewId = await seedReview(t.db, author, { title: "Not public", intent: status === "draft" ? "draft" : "publish" });
    if (status === "hidden") await setReviewStatus(t.db, reviewId, "hidden");
    const before = await snapshot(t.db);
    await expectDomainError(() => createComment(ctxAs(t.db, member.id, at(MINUTE)), commentForm(reviewId)), "NotFound", 404);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("answers NotFound (404) for a review that never existed and writes nothing", async () => {
    const { member } = await commentSetup(t.db);
    const before = await snapshot(t.db);
    await expectDomainError(() => createComment(ctxAs(t.db, member.id, at(MINUTE)), commentForm(9999)), "NotFound", 404);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("answers Gone (410) for a deleted review, for comments and replies, and writes nothing", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const top = await postComment(t.db, member, reviewId);
    await removeReview(t.db, author, reviewId, later(t.db));
    const before = await snapshot(t.db);
    await expectDomainError(() => createComment(ctxAs(t.db, member.id, later(t.db)), commentForm(reviewId)), "Gone", 410);
    await expectDomainError(() => createComment(ctxAs(t.db, member.id, later(t.db)), commentForm(reviewId, { parentId: String(top.id) })), "Gone", 410);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("answers NotFound (404) for a parent that does not exist and writes nothing", async () => {
    const { reviewId, member } = await commentSetup(t.db);
    await postComment(t.db, member, reviewId);
    const before = await snapshot(t.db);
    await expectDomainError(() => createComment(ctxAs(t.db, member.id, later(t.db)), commentForm(reviewId, { parentId: "999" })), "NotFound", 404);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a parent from another review as Invalid (422) with a form-level message, and writes nothing", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const other = await seedReview(t.db, author, { title: "Another review" });
    const foreign = await postComment(t.db, member, other);
    const before = await snapshot(t.db);
    const err = await expectDomainError(
      () => createComment(ctxAs(t.db, member.id, later(t.db)), commentForm(reviewId, { parentId: String(foreign.id) })),
      "Invalid",
      422,
    );
    expect(err.message).toBe("That comment belongs to another review, so you cannot reply to it here.");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("answers Gone (410) to a reply to a deleted comment and writes nothing", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const top = await postComment(t.db, member, reviewId);
    await deleteComment(ctxAs(t.db, member, later(t.db)), { commentId: top.id });
    const before = await snapshot(t.db);
    await expectDomainError(() => createComment(ctxAs(t.db, author.id, later(t.db)), commentForm(reviewId, { parentId: String(top.id) })), "Gone", 410);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses the same form sent twice in a row (a double submit): one comment, counted once", async () => {
    const { reviewId, member } = await commentSetup(t.db);
    const form = commentForm(reviewId, { body: "Posted twice by a double click." });
    await createComment(ctxAs(t.db, member.id, at(MINUTE)), form);
    const before = await snapshot(t.db);
    await expectDomainError(() => createComment(ctxAs(t.db, member.id, at(MINUTE + 300)), form), "RateLimited", 429);
    expect(await snapshot(t.db)).toEqual(before);
    expect(await rows(t.db, "comments")).toHaveLength(1);
    expect(await commentCount(t.db, reviewId)).toBe(1);
  });

  it(`stops a chain at depth ${MAX_THREAD_DEPTH} as Invalid (422), writing nothing`, async () => {
    const { reviewId, member } = await commentSetup(t.db);
    const other = await makeUser(t.db, "modest");
    let parent = await postComment(t.db, member, reviewId);
    for (let depth = 2; depth <= MAX_THREAD_DEPTH; depth++) parent = await postComment(t.db, depth % 2 ? member : other, reviewId, parent.id);
    expect(parent.depth).toBe(MAX_THREAD_DEPTH);
    expect(parent.path).toHaveLength(6 * MAX_THREAD_DEPTH);
    const before = await snapshot(t.db);
    await expectDomainError(() => createComment(ctxAs(t.db, member.id, later(t.db)), commentForm(reviewId, { parentId: String(parent.id) })), "Invalid", 422);
    expect(await snapshot(t.db)).toEqual(before);
    expect(await counterDrift(t.db)).toEqual({ reviews: [], comments: [] });
  });

  it("tells the member it answers once, and each member it mentions; an edit tells only the names it adds, a delete takes them back", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const ines = await makeUser(t.db, "ines");
    const zed = await makeUser(t.db, "zed");
    const told = async () =>
      await sqlAll(t.db, `select recipient_id as who, kind, comment_id as about from notifications where kind <> 'badge' order by id`);
    const c = await postComment(t.db, member, reviewId, null, "@mara and @Ines: mind the cuckoo clock.");
    // mara hears of the reply, so not again of the mention; ines of the mention.
    expect(await told()).toEqual([
      { who: author.id, kind: "review_reply", about: c.id },
      { who: ines.id, kind: "mention", about: c.id },
    ]);
    await editComment(ctxAs(t.db, member, later(t.db)), { commentId: c.id, body: "@mara, @ines and @zed: mind the cuckoo clock." });
    expect(await told()).toEqual([
      { who: author.id, kind: "review_reply", about: c.id },
      { who: ines.id, kind: "mention", about: c.id },
      { who: zed.id, kind: "mention", about: c.id },
    ]);
    await deleteComment(ctxAs(t.db, member, later(t.db, 2 * MINUTE)), { commentId: c.id });
    expect(await told()).toEqual([]);
  });

  it("turns badge announcements off when the review's author answers STOP under one; anyone else's STOP is an ordinary comment", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const system = await makeUser(t.db, "marquee_badges");
    await sqlRun(fixtureWriter(t.db), `update users set is_system = true where id = ?`, system.id);
    const note = await insertComment(fixtureWriter(t.db), {
      reviewId,
      parent: null,
      authorId: system.id,
      bodyMd: "Congratulations @mara!",
      bodyHtml: "<p>Congratulations @mara!</p>\n",
      now: at(MINUTE),
      announcesBadge: "upvotes-10",
    });
    const announcements = async () => ((await sqlGet(t.db, `select badge_announcements as on_ from users where id = ?`, author.id)) as { on_: number }).on_;
    const others = await createComment(ctxAs(t.db, member, later(t.db)), commentForm(reviewId, { parentId: String(note.id), body: "STOP" }));
    expect(others.stopped).toBe(false);
    expect(await rows(t.db, "comments", `where id > ${others.comment.id}`)).toEqual([]);
    expect(await announcements()).toBe(1);

    const stop = await createComment(ctxAs(t.db, author, later(t.db, 2 * MINUTE)), commentForm(reviewId, { parentId: String(note.id), body: "Stop!" }));
    expect(stop.stopped).toBe(true);
    expect(await announcements()).toBe(0);
    // The system answers under the STOP, and the counts hold.
    expect((await rows(t.db, "comments", `where id > ${stop.comment.id}`)).map((r) => [r.author_id, r.parent_id, r.depth])).toEqual([[system.id, stop.comment.id, 3]]);
    expect(await counterDrift(t.db)).toEqual({ reviews: [], comments: [] });
    expect(tagsFor(stop.changes)).toContain(`review:${reviewId}`);
  });
});
