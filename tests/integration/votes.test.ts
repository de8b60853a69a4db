import { describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import type { DB } from "@/db";
import { toFormError } from "@/lib/action-result";
import { deleteComment } from "@/lib/comments/delete-comment";
import type { Actor } from "@/lib/permissions";
import { deleteReview } from "@/lib/reviews/delete-review";
import { listFeed } from "@/lib/reviews/queries";
import { castVote } from "@/lib/votes/cast-vote";
import { VOTERS_PAGE_SIZE, listVoters, listVotesOnReview } from "@/lib/votes/queries";
import { thrown } from "../helpers/errors";
import { perTestDb } from "../helpers/db";
import { HOUR, T0, at, expectDomainError, makeUser, rowById, seedReview } from "../helpers/reviews";
import { makeRegular, postComment, setReviewStatus } from "../helpers/comments";
import {
  allCounterDrift,
  expectedHot,
  ghost,
  hotScoreOf,
  rows,
  snapshot,
  suspend,
  upvoteCount,
  upvotesReceived,
  vote,
  voteRowProblems,
} from "../helpers/votes";

/** Author, a published review of theirs, a comment of theirs on it, and two other members. */
function voteSetup(db: DB) {
  const mara = makeUser(db, "mara");
  const reviewId = seedReview(db, mara);
  const femi = makeUser(db, "femi");
  const ines = makeUser(db, "ines");
  const comment = postComment(db, mara, reviewId);
  return { mara, reviewId, femi, ines, commentId: comment.id };
}

describe("castVote", () => {
  const t = perTestDb();

  /** Expects a DomainError that leaves every table as it was; returns it. */
  async function expectRefused(fn: () => unknown, kind: Parameters<typeof expectDomainError>[1], status: number, message?: string) {
    const before = snapshot(t.db);
    const err = await expectDomainError(fn, kind, status);
    if (message !== undefined) expect(err.message).toBe(message);
    expect(snapshot(t.db)).toEqual(before);
    return err;
  }

  it("upvotes a review: the row, its count, its author's upvotes received and its hot score, then takes it back", () => {
    const { mara, reviewId, femi, ines } = voteSetup(t.db);
    const published = T0.getTime();
    expect(hotScoreOf(t.db, reviewId)).toBe(expectedHot(0, published));

    const result = vote(t.db, femi, "review", reviewId, "up", at(HOUR));
    expect(result).toMatchObject({ type: "review", id: reviewId, postId: reviewId, slug: "harry-lime-s-vienna", authorId: mara.id, voted: true, changed: true, count: 1 });
    expect(rows(t.db, "post_votes")).toEqual([{ user_id: femi.id, post_id: reviewId, created_at: at(HOUR).getTime() }]);
    expect([upvoteCount(t.db, "review", reviewId), upvotesReceived(t.db, mara), upvotesReceived(t.db, femi)]).toEqual([1, 1, 0]);
    // log10(max(n, 1)): the first upvote leaves the hot score where it was, the second lifts it.
    expect(hotScoreOf(t.db, reviewId)).toBe(expectedHot(1, published));
    vote(t.db, ines, "review", reviewId, "up", at(HOUR));
    expect(hotScoreOf(t.db, reviewId)).toBeCloseTo(expectedHot(2, published), 9);
    expect(hotScoreOf(t.db, reviewId) - expectedHot(0, published)).toBeCloseTo(Math.log10(2), 9);

    expect(vote(t.db, femi, "review", reviewId, "none", at(2 * HOUR))).toMatchObject({ voted: false, changed: true, count: 1 });
    expect(rows(t.db, "post_votes")).toEqual([{ user_id: ines.id, post_id: reviewId, created_at: at(HOUR).getTime() }]);
    vote(t.db, ines, "review", reviewId, "none", at(2 * HOUR));
    expect(rows(t.db, "post_votes")).toEqual([]);
    expect([upvoteCount(t.db, "review", reviewId), upvotesReceived(t.db, mara)]).toEqual([0, 0]);
    expect(hotScoreOf(t.db, reviewId)).toBe(expectedHot(0, published));
    expect(allCounterDrift(t.db)).toEqual([]);
  });

  it("upvotes a comment: the row filed under its review, the comment's count and its author's, not the review's", () => {
    const { mara, reviewId, femi, commentId } = voteSetup(t.db);
    const hot = hotScoreOf(t.db, reviewId);
    const result = vote(t.db, femi, "comment", commentId, "up", at(HOUR));
    expect(result).toMatchObject({ type: "comment", id: commentId, postId: reviewId, authorId: mara.id, voted: true, changed: true, count: 1 });
    expect(rows(t.db, "comment_votes")).toEqual([{ user_id: femi.id, comment_id: commentId, post_id: reviewId, created_at: at(HOUR).getTime() }]);
    expect([upvoteCount(t.db, "comment", commentId), upvoteCount(t.db, "review", reviewId), upvotesReceived(t.db, mara)]).toEqual([1, 0, 1]);
    expect(hotScoreOf(t.db, reviewId)).toBe(hot);

    expect(vote(t.db, femi, "comment", commentId, "none", at(HOUR))).toMatchObject({ voted: false, changed: true, count: 0 });
    expect(rows(t.db, "comment_votes")).toEqual([]);
    expect([upvoteCount(t.db, "comment", commentId), upvotesReceived(t.db, mara)]).toEqual([0, 0]);
    expect(allCounterDrift(t.db)).toEqual([]);
  });

  it("adds up a person's upvotes received over their reviews and comments, from every voter", () => {
    const { mara, reviewId, femi, ines, commentId } = voteSetup(t.db);
    const femisReview = seedReview(t.db, femi, { title: "Femi on Solaris", filmTitle: "Solaris", filmYear: "1972" });
    const maraElsewhere = postComment(t.db, mara, femisReview);
    const femisComment = postComment(t.db, femi, reviewId);
    vote(t.db, femi, "review", reviewId);
    vote(t.db, femi, "comment", commentId);
    vote(t.db, femi, "comment", maraElsewhere.id);
    vote(t.db, ines, "review", reviewId);
    vote(t.db, ines, "comment", femisComment.id);
    vote(t.db, mara, "review", femisReview);
    expect([upvotesReceived(t.db, mara), upvotesReceived(t.db, femi), upvotesReceived(t.db, ines)]).toEqual([4, 2, 0]);
    vote(t.db, femi, "comment", maraElsewhere.id, "none");
    expect(upvotesReceived(t.db, mara)).toBe(3);
    expect(allCounterDrift(t.db)).toEqual([]);
    expect(voteRowProblems(t.db)).toEqual([]);
  });

  it("treats the same vote twice as one: a single row, no change the second time, nothing written", () => {
    const { mara, reviewId, femi, ines, commentId } = voteSetup(t.db);
    vote(t.db, femi, "review", reviewId, "up", at(HOUR));
    vote(t.db, femi, "comment", commentId, "up", at(HOUR));
    const before = snapshot(t.db);
    expect(vote(t.db, femi, "review", reviewId, "up", at(2 * HOUR))).toMatchObject({ voted: true, changed: false, count: 1 });
    expect(vote(t.db, femi, "comment", commentId, "up", at(2 * HOUR))).toMatchObject({ voted: true, changed: false, count: 1 });
    // Nothing at all: not the vote's time, not a counter, not a rate-limit slot.
    expect(snapshot(t.db)).toEqual(before);
    expect(rows(t.db, "post_votes")).toHaveLength(1);
    expect(upvotesReceived(t.db, mara)).toBe(2);

    vote(t.db, femi, "review", reviewId, "none", at(3 * HOUR));
    const undone = snapshot(t.db);
    expect(vote(t.db, femi, "review", reviewId, "none", at(3 * HOUR))).toMatchObject({ voted: false, changed: false, count: 0 });
    expect(snapshot(t.db)).toEqual(undone);
    // Taking back a vote never cast is a no-op too.
    const fresh = snapshot(t.db);
    expect(vote(t.db, ines, "comment", commentId, "none")).toMatchObject({ voted: false, changed: false, count: 1 });
    expect(snapshot(t.db)).toEqual(fresh);
    expect(allCounterDrift(t.db)).toEqual([]);
  });

  it("refuses an upvote on one's own review or comment (403), and its undo, changing nothing", async () => {
    const { mara, reviewId, commentId } = voteSetup(t.db);
    await expectRefused(() => vote(t.db, mara, "review", reviewId), "Forbidden", 403, "You can't upvote your own review.");
    await expectRefused(() => vote(t.db, mara, "comment", commentId), "Forbidden", 403, "You can't upvote your own comment.");
    await expectRefused(() => vote(t.db, mara, "review", reviewId, "none"), "Forbidden", 403);
    // Staff are no exception.
    const modest = makeUser(t.db, "modest", "moderator");
    const own = seedReview(t.db, modest, { title: "The moderator's own" });
    await expectRefused(() => vote(t.db, modest, "review", own), "Forbidden", 403, "You can't upvote your own review.");
    expect(vote(t.db, modest, "review", reviewId).changed).toBe(true);
  });

  it("answers 404 for a review that is missing, a draft or hidden, and 410 for a deleted one", async () => {
    const { mara, femi } = voteSetup(t.db);
    const draft = seedReview(t.db, mara, { title: "Unfinished", intent: "draft" });
    const hidden = seedReview(t.db, mara, { title: "Hidden by a moderator" });
    setReviewStatus(t.db, hidden, "hidden");
    const deleted = seedReview(t.db, mara, { title: "Thought better of it" });
    deleteReview(t.db, mara, deleted);
    for (const id of [999, draft, hidden]) await expectRefused(() => vote(t.db, femi, "review", id), "NotFound", 404, "There is no such review.");
    await expectRefused(() => vote(t.db, femi, "review", deleted), "Gone", 410, "This review was deleted, so it takes no more votes.");
    await expectRefused(() => vote(t.db, femi, "review", deleted, "none"), "Gone", 410);
  });

  it("answers 404 for a missing comment or one on a draft or hidden review, 410 for a deleted comment or review", async () => {
    const { mara, femi, reviewId } = voteSetup(t.db);
    const doomed = postComment(t.db, mara, reviewId);
    deleteComment(t.db, mara, doomed.id, at(HOUR));
    const onHidden = seedReview(t.db, mara, { title: "Hidden later" });
    const hiddenComment = postComment(t.db, mara, onHidden);
    setReviewStatus(t.db, onHidden, "hidden");
    const onDraft = seedReview(t.db, mara, { title: "Back to draft" });
    const draftComment = postComment(t.db, mara, onDraft);
    setReviewStatus(t.db, onDraft, "draft");
    const onDeleted = seedReview(t.db, mara, { title: "Deleted later" });
    const orphan = postComment(t.db, mara, onDeleted);
    deleteReview(t.db, mara, onDeleted);

    for (const id of [999, hiddenComment.id, draftComment.id]) await expectRefused(() => vote(t.db, femi, "comment", id), "NotFound", 404, "There is no such comment.");
    await expectRefused(() => vote(t.db, femi, "comment", doomed.id), "Gone", 410, "This comment was deleted, so it takes no more votes.");
    await expectRefused(() => vote(t.db, femi, "comment", orphan.id), "Gone", 410, "This comment's review was deleted, so it takes no more votes.");
  });

  it("keeps votes on an item deleted later: still counted for its author, and no longer undoable (410)", async () => {
    const { mara, femi, reviewId, commentId } = voteSetup(t.db);
    const reply = postComment(t.db, mara, reviewId, commentId);
    vote(t.db, femi, "review", reviewId);
    vote(t.db, femi, "comment", reply.id);
    deleteComment(t.db, mara, reply.id, at(HOUR));
    await expectRefused(() => vote(t.db, femi, "comment", reply.id, "none"), "Gone", 410);
    deleteReview(t.db, mara, reviewId, at(HOUR));
    await expectRefused(() => vote(t.db, femi, "review", reviewId, "none"), "Gone", 410);
    await expectRefused(() => vote(t.db, femi, "comment", commentId), "Gone", 410);
    expect([upvoteCount(t.db, "review", reviewId), upvoteCount(t.db, "comment", reply.id), upvotesReceived(t.db, mara)]).toEqual([1, 1, 2]);
    // A deleted review drops out of the hot ranking.
    expect(hotScoreOf(t.db, reviewId)).toBe(0);
    expect(allCounterDrift(t.db)).toEqual([]);
  });

  it("counts a vote on a review whose author's account is gone, for nobody", () => {
    const { mara, femi, reviewId } = voteSetup(t.db);
    // The account row goes (as lib/users/delete-account.ts does, taking its badges out of the
    // holder counts first): its review and comment keep no author.
    expect(t.db.$client.prepare(`select badge_slug from user_badges where user_id = ? order by rowid`).pluck().all(mara.id)).toEqual(["reviews-1", "first-scored-review", "comments-1"]);
    t.db.$client.prepare(`update badges set holder_count = holder_count - 1 where slug in (select badge_slug from user_badges where user_id = ?)`).run(mara.id);
    t.db.$client.prepare(`delete from users where id = ?`).run(mara.id);
    expect(rowById(t.db, "posts", reviewId)).toMatchObject({ author_id: null });
    expect(vote(t.db, femi, "review", reviewId)).toMatchObject({ authorId: null, changed: true, count: 1 });
    expect([upvotesReceived(t.db, mara), upvotesReceived(t.db, femi)]).toEqual([undefined, 0]);
    expect(allCounterDrift(t.db)).toEqual([]);
  });

  it("refuses a suspended voter (403) and an unknown one (401), changing nothing", async () => {
    const { femi, reviewId, commentId } = voteSetup(t.db);
    vote(t.db, femi, "review", reviewId);
    suspend(t.db, femi);
    const msg = "This account is suspended, so it cannot vote.";
    await expectRefused(() => vote(t.db, femi, "comment", commentId), "Forbidden", 403, msg);
    await expectRefused(() => vote(t.db, femi, "review", reviewId, "none"), "Forbidden", 403, msg);
    await expectRefused(() => vote(t.db, ghost, "review", reviewId), "Unauthenticated", 401, "Please sign in to vote.");
    // Who is voting is settled before what: an unknown voter on a missing review is still a 401.
    await expectRefused(() => vote(t.db, ghost, "review", 999), "Unauthenticated", 401);
  });

  it("accepts the form's strings and numbers alike, and ignores fields it does not know", () => {
    const { femi, ines, reviewId, commentId } = voteSetup(t.db);
    expect(castVote(t.db, femi, { type: "review", id: reviewId, value: "up" }, T0).changed).toBe(true);
    expect(castVote(t.db, femi, { type: "comment", id: ` ${commentId} `, value: "up" }, T0).changed).toBe(true);
    // A forged user id in the form does not vote as someone else.
    castVote(t.db, femi, { type: "review", id: String(reviewId), value: "none", userId: ines.id, user_id: ines.id }, T0);
    expect(rows(t.db, "post_votes")).toEqual([]);
    expect(rows(t.db, "comment_votes").map((r) => r.user_id)).toEqual([femi.id]);
  });

  const forged: [string, unknown, string | null][] = [
    ["an unknown type", { type: "post", id: "1", value: "up" }, "type"],
    ["a type in capitals", { type: "Review", id: "1", value: "up" }, "type"],
    ["no type", { id: "1", value: "up" }, "type"],
    ["id 0", { type: "review", id: "0", value: "up" }, "id"],
    ["a negative id", { type: "review", id: "-1", value: "up" }, "id"],
    ["a fractional id", { type: "review", id: 1.5, value: "up" }, "id"],
    ["an id in exponent form", { type: "review", id: "1e3", value: "up" }, "id"],
    ["a hex id", { type: "review", id: "0x1", value: "up" }, "id"],
    ["an empty id", { type: "comment", id: "", value: "up" }, "id"],
    ["an id past 2^53", { type: "comment", id: 2 ** 53, value: "up" }, "id"],
    ["a 16-digit id", { type: "comment", id: "9007199254740993", value: "up" }, "id"],
    ["an id as an array", { type: "comment", id: [1], value: "up" }, "id"],
    ["a downvote", { type: "review", id: "1", value: "down" }, "value"],
    ["a value in capitals", { type: "review", id: "1", value: "UP" }, "value"],
    ["a value as a boolean", { type: "review", id: "1", value: true }, "value"],
    ["no value", { type: "review", id: "1" }, "value"],
    ["no object at all", null, null],
    ["a string body", "type=review&id=1&value=up", null],
  ];
  it.each(forged)("rejects %s with a ZodError (422 on the form), changing nothing", async (_name, raw, field) => {
    const { femi } = voteSetup(t.db);
    const before = snapshot(t.db);
    const err = await thrown(() => castVote(t.db, femi, raw, T0));
    expect(err).toBeInstanceOf(ZodError);
    const form = toFormError(err, {});
    expect(form).toMatchObject({ status: 422, ok: false });
    expect(Object.keys(form.fieldErrors)).toEqual(field ? [field] : []);
    expect(form.message).toEqual(expect.any(String));
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe("hot feed after votes", () => {
  const t = perTestDb();

  it("moves reviews up and down the hot feed as their votes come and go", () => {
    const mara = makeUser(t.db, "mara");
    const [older, old, fresh] = [2, 1, 0].map((h) => seedReview(t.db, mara, { title: `Published ${h}h before T0` }, at(-h * HOUR))) as [number, number, number];
    const voters = ["femi", "ines", "jun"].map((n) => makeUser(t.db, n));
    const hot = () => listFeed(t.db, { tab: "hot" }).items.map((c) => c.id);
    expect(hot()).toEqual([fresh, old, older]);
    // One upvote is log10(1) = 0: no move.
    vote(t.db, voters[0]!, "review", old);
    expect(hot()).toEqual([fresh, old, older]);
    // Two are worth log10(2) × 12.5 h ≈ 3.8 h of freshness.
    vote(t.db, voters[1]!, "review", old);
    expect(hot()).toEqual([old, fresh, older]);
    vote(t.db, voters[0]!, "review", older);
    vote(t.db, voters[1]!, "review", older);
    expect(hot()).toEqual([old, older, fresh]);
    vote(t.db, voters[2]!, "review", older);
    expect(hot()).toEqual([older, old, fresh]);
    vote(t.db, voters[1]!, "review", old, "none");
    expect(hot()).toEqual([older, fresh, old]);
    expect(listFeed(t.db, { tab: "hot" }).items.map((c) => c.upvoteCount)).toEqual([3, 0, 1]);
    for (const [id, n, h] of [[older, 3, 2], [old, 1, 1], [fresh, 0, 0]] as const) {
      expect(hotScoreOf(t.db, id)).toBeCloseTo(expectedHot(n, at(-h * HOUR).getTime()), 9);
    }
    expect(allCounterDrift(t.db)).toEqual([]);
  });
});

describe("vote queries", () => {
  const t = perTestDb();

  it("lists a reader's votes on a review and its comments in one query, and no one else's", () => {
    const { mara, reviewId, femi, ines, commentId } = voteSetup(t.db);
    const c2 = postComment(t.db, ines, reviewId, commentId);
    const c3 = postComment(t.db, mara, reviewId);
    const elsewhere = seedReview(t.db, ines, { title: "Ines elsewhere" });
    const elsewhereComment = postComment(t.db, mara, elsewhere);
    vote(t.db, femi, "review", reviewId);
    vote(t.db, femi, "comment", commentId);
    vote(t.db, femi, "comment", c3.id);
    vote(t.db, femi, "review", elsewhere);
    vote(t.db, femi, "comment", elsewhereComment.id);
    vote(t.db, ines, "comment", c3.id);
    vote(t.db, mara, "comment", c2.id);

    const prepare = vi.spyOn(t.db.$client, "prepare");
    const keys = listVotesOnReview(t.db, femi.id, reviewId);
    expect(prepare).toHaveBeenCalledTimes(1);
    prepare.mockRestore();
    expect([...keys].sort()).toEqual([`c${commentId}`, `c${c3.id}`, `r${reviewId}`].sort());
    expect(listVotesOnReview(t.db, ines.id, reviewId)).toEqual([`c${c3.id}`]);
    expect(listVotesOnReview(t.db, femi.id, elsewhere).sort()).toEqual([`c${elsewhereComment.id}`, `r${elsewhere}`]);
    vote(t.db, femi, "review", reviewId, "none");
    expect(listVotesOnReview(t.db, femi.id, reviewId).sort()).toEqual([`c${commentId}`, `c${c3.id}`].sort());
    expect(listVotesOnReview(t.db, ghost.id, reviewId)).toEqual([]);
  });

  /** `n` members who each upvote the item, one a second from T0 (or all at T0). */
  function voters(db: DB, n: number, type: "review" | "comment", id: number, sameTime = false): Actor[] {
    return Array.from({ length: n }, (_, i) => {
      const v = makeUser(db, `voter${String(i + 1).padStart(2, "0")}`);
      vote(db, v, type, id, "up", at(sameTime ? 0 : i * 1000));
      return v;
    });
  }

  it("lists who upvoted a review, newest first, 50 to a page", () => {
    const { reviewId } = voteSetup(t.db);
    const all = voters(t.db, VOTERS_PAGE_SIZE + 5, "review", reviewId);
    const names = (page: number) => listVoters(t.db, "review", reviewId, page).map((v) => v.username);
    const newestFirst = all.map((_, i) => `voter${String(i + 1).padStart(2, "0")}`).reverse();
    expect(VOTERS_PAGE_SIZE).toBe(50);
    expect(names(1)).toEqual(newestFirst.slice(0, 50));
    expect(names(2)).toEqual(newestFirst.slice(50));
    expect(names(3)).toEqual([]);
    expect(listVoters(t.db, "review", reviewId, 1)[0]).toEqual({ username: "voter55", name: "voter55", image: null, isNew: true, votedAt: at(54_000) });
    // A vote taken back leaves the list.
    vote(t.db, all[54]!, "review", reviewId, "none");
    expect(names(1)[0]).toBe("voter54");
    expect(names(2)).toEqual(newestFirst.slice(51));
    expect(listVoters(t.db, "comment", reviewId, 1)).toEqual([]);
    // A regular (a year-old account with three reviews) carries no "New" marker.
    const regular = makeRegular(t.db, "regular");
    vote(t.db, regular, "review", reviewId, "up", at(60_000));
    expect(listVoters(t.db, "review", reviewId, 1)[0]).toEqual({ username: "regular", name: "regular", image: null, isNew: false, votedAt: at(60_000) });
  });

  it("lists who upvoted a comment, and pages through votes cast at the same instant without repeats or gaps", () => {
    const { commentId } = voteSetup(t.db);
    voters(t.db, 52, "comment", commentId, true);
    const pages = [1, 2].map((p) => listVoters(t.db, "comment", commentId, p).map((v) => v.username));
    expect(pages.map((p) => p.length)).toEqual([50, 2]);
    expect(new Set(pages.flat()).size).toBe(52);
    expect(upvoteCount(t.db, "comment", commentId)).toBe(52);
  });
});
