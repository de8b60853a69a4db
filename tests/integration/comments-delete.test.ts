import { describe, expect, it } from "vitest";
import { tagsFor } from "@/lib/cache/expire";
import { deleteComment } from "@/lib/comments/delete-comment";
import { getCommentContext, listThread } from "@/lib/comments/queries";
import { buildThread } from "@/lib/comments/tree";
import { ctxAs, perTestDb } from "../helpers/db";
import { DAY, at, expectDomainError, makeUser, seedReview } from "../helpers/reviews";
import {
  commentCount,
  commentRow,
  commentSetup,
  counterDrift,
  later,
  postComment,
  removeReview,
  replyCount,
  revisionsOf,
  rows,
  shownTree,
  snapshot,
} from "../helpers/comments";
import { sqlAll } from "@/tests/helpers/sql";

describe("deleteComment", () => {
  const t = perTestDb();
  const noDrift = { reviews: [], comments: [] };
  const contributions = async () => await sqlAll(t.db, `select username, review_count, comment_count, is_new from users order by username`);

  it("deletes a reply without replies: it disappears, and the review's and parent's counts drop by one", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const top = await postComment(t.db, author, reviewId);
    const reply = await postComment(t.db, member, reviewId, top.id);
    const sibling = await postComment(t.db, author, reviewId, top.id);
    expect([await commentCount(t.db, reviewId), await replyCount(t.db, top.id)]).toEqual([3, 2]);
    expect(await contributions()).toEqual([
      { username: "femi", review_count: 0, comment_count: 1, is_new: 1 },
      { username: "mara", review_count: 1, comment_count: 2, is_new: 1 },
    ]);
    // The reply told the parent's author: a notice that goes with the reply. The badge notices
    // (mara's for publishing a scored review and her first comment, femi's first comment, and
    // mara's first reply received, which femi's reply earned) are not about the reply itself.
    const notices = async () => await sqlAll(t.db, `select kind, recipient_id, comment_id, target from notifications order by id`);
    const badges = [
      { kind: "badge", recipient_id: author.id, comment_id: null, target: "reviews-1" },
      { kind: "badge", recipient_id: author.id, comment_id: null, target: "first-scored-review" },
      { kind: "badge", recipient_id: author.id, comment_id: top.id, target: "comments-1" },
      { kind: "badge", recipient_id: member.id, comment_id: reply.id, target: "comments-1" },
      { kind: "badge", recipient_id: author.id, comment_id: reply.id, target: "replies-1" },
    ];
    expect(await notices()).toEqual([...badges, { kind: "comment_reply", recipient_id: author.id, comment_id: reply.id, target: null }]);
    const repliesReceived = async () => await sqlAll(t.db, `select username, replies_received from users order by username`);
    expect(await repliesReceived()).toEqual([
      { username: "femi", replies_received: 0 },
      { username: "mara", replies_received: 1 }, // femi's reply; her own reply to herself does not count
    ]);

    const result = await deleteComment(ctxAs(t.db, member, at(DAY)), { commentId: reply.id });
    // The parent's author (mara, who wrote the top comment) lost the reply she had received.
    expect(result).toEqual({
      id: reply.id,
      reviewId,
      slug: "harry-lime-s-vienna",
      parentId: top.id,
      authorId: member.id,
      repliedTo: author.id,
      newcomerFlipped: [],
      changes: expect.any(Object),
    });
    // What it expires: the review's card wherever it is listed, the comment's author's profile and
    // the replied-to member's, and the comment's own address.
    const filmId = (await rows(t.db, "posts"))[0]!.film_id as number;
    expect(tagsFor(result.changes).sort()).toEqual(
      [`review:${reviewId}`, "feed", `film:${filmId}`, "tag:noir", "tag:vienna", `user:${author.id}`, `user:${member.id}`, "comments:new"].sort(),
    );
    expect(await commentRow(t.db, reply.id)).toMatchObject({
      deleted_at: at(DAY).getTime(),
      updated_at: at(DAY).getTime(),
      body_md: reply.bodyMd, // kept for the record, never shown
      author_id: member.id,
      revision_count: 1,
    });
    expect(await revisionsOf(t.db, reply.id)).toHaveLength(1);
    expect([await commentCount(t.db, reviewId), await replyCount(t.db, top.id), await replyCount(t.db, sibling.id)]).toEqual([2, 1, 0]);
    expect(await shownTree(t.db, reviewId)).toEqual([[top.id, false, [[sibling.id, false, []]]]]);
    expect(await counterDrift(t.db)).toEqual(noDrift);
    // It no longer counts as femi's; mara's own comments still do.
    expect(await contributions()).toEqual([
      { username: "femi", review_count: 0, comment_count: 0, is_new: 1 },
      { username: "mara", review_count: 1, comment_count: 2, is_new: 1 },
    ]);
    // The reply notice goes with it; badges once earned stay, notices and all, while mara's
    // replies received drop back.
    expect(await notices()).toEqual(badges);
    expect(await repliesReceived()).toEqual([
      { username: "femi", replies_received: 0 },
      { username: "mara", replies_received: 0 },
    ]);
  });

  it("deletes a top-level comment without replies: only the review's count drops", async () => {
    const { reviewId, member } = await commentSetup(t.db);
    const keep = await postComment(t.db, member, reviewId);
    const gone = await postComment(t.db, member, reviewId);
    await deleteComment(ctxAs(t.db, member, at(DAY)), { commentId: gone.id });
    expect([await commentCount(t.db, reviewId), await replyCount(t.db, keep.id)]).toEqual([1, 0]);
    expect(await shownTree(t.db, reviewId)).toEqual([[keep.id, false, []]]);
    expect(await counterDrift(t.db)).toEqual(noDrift);
  });

  it("keeps a deleted comment with replies as [deleted] (no text, no author) above its intact replies", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const top = await postComment(t.db, member, reviewId);
    const r1 = await postComment(t.db, author, reviewId, top.id);
    const r2 = await postComment(t.db, member, reviewId, top.id);
    const r1a = await postComment(t.db, member, reviewId, r1.id);
    await deleteComment(ctxAs(t.db, member, at(DAY)), { commentId: top.id });

    // Its replies are still live: the review loses one comment, the deleted one keeps its reply count.
    expect([await commentCount(t.db, reviewId), await replyCount(t.db, top.id), await replyCount(t.db, r1.id)]).toEqual([3, 2, 1]);
    const [node, ...others] = buildThread(await listThread(t.db, reviewId), "oldest");
    expect(others).toEqual([]);
    expect(node).toMatchObject({ id: top.id, deleted: true, bodyHtml: "", author: null, edited: false, replyCount: 2 });
    expect(node!.children.map((c) => [c.id, c.deleted, c.author?.id, c.bodyHtml])).toEqual([
      [r1.id, false, author.id, r1.bodyHtml],
      [r2.id, false, member.id, r2.bodyHtml],
    ]);
    expect(node!.children[0]!.children.map((c) => c.id)).toEqual([r1a.id]);
    expect(await counterDrift(t.db)).toEqual(noDrift);
  });

  it("prunes a chain: deleting the last reply under a deleted comment makes both vanish", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const other = await postComment(t.db, author, reviewId);
    const a = await postComment(t.db, member, reviewId);
    const b = await postComment(t.db, author, reviewId, a.id);
    const c = await postComment(t.db, member, reviewId, b.id);
    await deleteComment(ctxAs(t.db, member, later(t.db)), { commentId: a.id });
    await deleteComment(ctxAs(t.db, author, later(t.db)), { commentId: b.id });
    expect(await shownTree(t.db, reviewId)).toEqual([
      [other.id, false, []],
      [a.id, true, [[b.id, true, [[c.id, false, []]]]]],
    ]);
    expect([await commentCount(t.db, reviewId), await replyCount(t.db, a.id), await replyCount(t.db, b.id)]).toEqual([2, 0, 1]);

    await deleteComment(ctxAs(t.db, member, later(t.db)), { commentId: c.id });
    expect(await shownTree(t.db, reviewId)).toEqual([[other.id, false, []]]);
    expect([await commentCount(t.db, reviewId), await replyCount(t.db, a.id), await replyCount(t.db, b.id)]).toEqual([1, 0, 0]);
    // The rows stay (deleted), so the permalink of the chain still resolves.
    expect((await listThread(t.db, reviewId)).map((r) => [r.id, r.deleted])).toEqual([
      [other.id, false],
      [a.id, true],
      [b.id, true],
      [c.id, true],
    ]);
    expect((await getCommentContext(t.db, c.id))?.ancestors.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(await counterDrift(t.db)).toEqual(noDrift);
  });

  it("keeps a deleted comment while one of several replies lives, and drops it with the last", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const top = await postComment(t.db, author, reviewId);
    const [x, y] = [await postComment(t.db, member, reviewId, top.id), await postComment(t.db, member, reviewId, top.id)];
    await deleteComment(ctxAs(t.db, author, later(t.db)), { commentId: top.id });
    await deleteComment(ctxAs(t.db, member, later(t.db)), { commentId: x.id });
    expect(await shownTree(t.db, reviewId)).toEqual([[top.id, true, [[y.id, false, []]]]]);
    await deleteComment(ctxAs(t.db, member, later(t.db)), { commentId: y.id });
    expect(await shownTree(t.db, reviewId)).toEqual([]);
    expect(await commentCount(t.db, reviewId)).toBe(0);
    expect(await counterDrift(t.db)).toEqual(noDrift);
  });

  it.each(["moderator", "admin"] as const)("lets a %s delete a member's comment", async (role) => {
    const { reviewId, member } = await commentSetup(t.db);
    const top = await postComment(t.db, member, reviewId);
    const reply = await postComment(t.db, member, reviewId, top.id);
    await deleteComment(ctxAs(t.db, await makeUser(t.db, `staff_${role}`, role), at(DAY)), { commentId: reply.id });
    expect(await commentRow(t.db, reply.id)).toMatchObject({ deleted_at: at(DAY).getTime(), author_id: member.id });
    expect([await commentCount(t.db, reviewId), await replyCount(t.db, top.id)]).toEqual([1, 0]);
  });

  it.each([
    ["another member", "troll"],
    ["the review's author", "mara"],
  ])("refuses %s with Forbidden (403) and changes nothing", async (_name, who) => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const actor = who === "mara" ? author : await makeUser(t.db, who);
    const top = await postComment(t.db, member, reviewId);
    const reply = await postComment(t.db, member, reviewId, top.id);
    const before = await snapshot(t.db);
    await expectDomainError(() => deleteComment(ctxAs(t.db, actor, at(DAY)), { commentId: reply.id }), "Forbidden", 403);
    await expectDomainError(() => deleteComment(ctxAs(t.db, actor, at(DAY)), { commentId: top.id }), "Forbidden", 403);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("answers Gone (410) to a second delete and changes nothing: the counts drop once", async () => {
    const { reviewId, member } = await commentSetup(t.db);
    const top = await postComment(t.db, member, reviewId);
    const reply = await postComment(t.db, member, reviewId, top.id);
    const mod = await makeUser(t.db, "modest", "moderator");
    await deleteComment(ctxAs(t.db, member, at(DAY)), { commentId: reply.id });
    const before = await snapshot(t.db);
    await expectDomainError(() => deleteComment(ctxAs(t.db, member, at(2 * DAY)), { commentId: reply.id }), "Gone", 410);
    await expectDomainError(() => deleteComment(ctxAs(t.db, mod, at(2 * DAY)), { commentId: reply.id }), "Gone", 410);
    expect(await snapshot(t.db)).toEqual(before);
    expect([await commentCount(t.db, reviewId), await replyCount(t.db, top.id)]).toEqual([1, 0]);
  });

  it("answers NotFound (404) for a comment that never existed", async () => {
    const { reviewId, member } = await commentSetup(t.db);
    await postComment(t.db, member, reviewId);
    const before = await snapshot(t.db);
    await expectDomainError(() => deleteComment(ctxAs(t.db, member, at(DAY)), { commentId: 999 }), "NotFound", 404);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("answers Gone (410) for a comment on a deleted review and changes nothing", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const top = await postComment(t.db, member, reviewId);
    await removeReview(t.db, author, reviewId, at(DAY));
    const before = await snapshot(t.db);
    await expectDomainError(() => deleteComment(ctxAs(t.db, member, at(2 * DAY)), { commentId: top.id }), "Gone", 410);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("moves only the counts of the comment's own review", async () => {
    const { author, reviewId, member } = await commentSetup(t.db);
    const secondReview = await seedReview(t.db, author, { title: "Second opinion" });
    const here = await postComment(t.db, member, reviewId);
    const there = await postComment(t.db, member, secondReview);
    const thereReply = await postComment(t.db, author, secondReview, there.id);
    await deleteComment(ctxAs(t.db, member, at(DAY)), { commentId: here.id });
    expect([await commentCount(t.db, reviewId), await commentCount(t.db, secondReview), await replyCount(t.db, there.id)]).toEqual([0, 2, 1]);
    await deleteComment(ctxAs(t.db, author, at(DAY)), { commentId: thereReply.id });
    expect([await commentCount(t.db, reviewId), await commentCount(t.db, secondReview), await replyCount(t.db, there.id)]).toEqual([0, 1, 0]);
    expect(await counterDrift(t.db)).toEqual(noDrift);
  });
});
