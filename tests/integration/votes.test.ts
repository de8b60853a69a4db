import { describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import type { DB } from "@/db";
import { toFormError } from "@/lib/action-result";
import { isUnchanged } from "@/lib/cache/changes";
import { tagsFor } from "@/lib/cache/expire";
import { deleteComment } from "@/lib/comments/delete-comment";
import type { Actor } from "@/lib/permissions";
import { deleteReview } from "@/lib/reviews/delete-review";
import { listFeed } from "@/lib/reviews/queries";
import { castVote } from "@/lib/votes/cast-vote";
import { VOTERS_PAGE_SIZE, listVoters, listVotesOnReview } from "@/lib/votes/queries";
import { thrown } from "../helpers/errors";
import { ON_PG, ctxAs, fixtureWriter, perTestDb } from "../helpers/db";
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
import { sqlColumn, sqlGet, sqlRun, sqlValue } from "@/tests/helpers/sql";

/** Author, a published review of theirs, a comment of theirs on it, and two other members. */
async function voteSetup(db: DB) {
  const mara = await makeUser(db, "mara");
  const reviewId = await seedReview(db, mara);
  const femi = await makeUser(db, "femi");
  const ines = await makeUser(db, "ines");
  const comment = await postComment(db, mara, reviewId);
  return { mara, reviewId, femi, ines, commentId: comment.id };
}

describe("castVote", () => {
  const t = perTestDb();

  /** Expects a DomainError that leaves every table as it was; returns it. */
  async function expectRefused(fn: () => unknown, kind: Parameters<typeof expectDomainError>[1], status: number, message?: string) {
    const before = await snapshot(t.db);
    const err = await expectDomainError(fn, kind, status);
    if (message !== undefined) expect(err.message).toBe(message);
    expect(await snapshot(t.db)).toEqual(before);
    return err;
  }

  it("upvotes a review: the row, its count, its author's upvotes received and its hot score, then takes it back", async () => {
    const { mara, reviewId, femi, ines } = await voteSetup(t.db);
    const published = T0.getTime();
    expect(await hotScoreOf(t.db, reviewId)).toBe(expectedHot(0, published));

    const result = await vote(t.db, femi, "review", reviewId, "up", at(HOUR));
    expect(result).toMatchObject({ type: "review", id: reviewId, reviewId, slug: "harry-lime-s-vienna", authorId: mara.id, voted: true, changed: true, count: 1 });
    expect(await rows(t.db, "post_votes")).toEqual([{ user_id: femi.id, post_id: reviewId, created_at: at(HOUR).getTime() }]);
    expect([await upvoteCount(t.db, "review", reviewId), await upvotesReceived(t.db, mara), await upvotesReceived(t.db, femi)]).toEqual([1, 1, 0]);
    // log10(max(n, 1)): the first upvote leaves the hot score where it was, the second lifts it.
    expect(await hotScoreOf(t.db, reviewId)).toBe(expectedHot(1, published));
    await vote(t.db, ines, "review", reviewId, "up", at(HOUR));
    expect(await hotScoreOf(t.db, reviewId)).toBeCloseTo(expectedHot(2, published), 9);
    expect(await hotScoreOf(t.db, reviewId) - expectedHot(0, published)).toBeCloseTo(Math.log10(2), 9);

    expect(await vote(t.db, femi, "review", reviewId, "none", at(2 * HOUR))).toMatchObject({ voted: false, changed: true, count: 1 });
    expect(await rows(t.db, "post_votes")).toEqual([{ user_id: ines.id, post_id: reviewId, created_at: at(HOUR).getTime() }]);
    await vote(t.db, ines, "review", reviewId, "none", at(2 * HOUR));
    expect(await rows(t.db, "post_votes")).toEqual([]);
    expect([await upvoteCount(t.db, "review", reviewId), await upvotesReceived(t.db, mara)]).toEqual([0, 0]);
    expect(await hotScoreOf(t.db, reviewId)).toBe(expectedHot(0, published));
    expect(await allCounterDrift(t.db)).toEqual([]);
  });

  it("upvotes a comment: the row filed under its review, the comment's count and its author's, not the review's", async () => {
    const { mara, reviewId, femi, commentId } = await voteSetup(t.db);
    const hot = await hotScoreOf(t.db, reviewId);
    const result = await vote(t.db, femi, "comment", commentId, "up", at(HOUR));
    expect(result).toMatchObject({ type: "comment", id: commentId, reviewId, authorId: mara.id, voted: true, changed: true, count: 1 });
    expect(await rows(t.db, "comment_votes")).toEqual([{ user_id: femi.id, comment_id: commentId, post_id: reviewId, created_at: at(HOUR).getTime() }]);
    expect([await upvoteCount(t.db, "comment", commentId), await upvoteCount(t.db, "review", reviewId), await upvotesReceived(t.db, mara)]).toEqual([1, 0, 1]);
    expect(await hotScoreOf(t.db, reviewId)).toBe(hot);

    expect(await vote(t.db, femi, "comment", commentId, "none", at(HOUR))).toMatchObject({ voted: false, changed: true, count: 0 });
    expect(await rows(t.db, "comment_votes")).toEqual([]);
    expect([await upvoteCount(t.db, "comment", commentId), await upvotesReceived(t.db, mara)]).toEqual([0, 0]);
    expect(await allCounterDrift(t.db)).toEqual([]);
  });

  it("adds up a person's upvotes received over their reviews and comments, from every voter", async () => {
    const { mara, reviewId, femi, ines, commentId } = await voteSetup(t.db);
    const femisReview = await seedReview(t.db, femi, { title: "Femi on Solaris", filmTitle: "Solaris", filmYear: "1972" });
    const maraElsewhere = await postComment(t.db, mara, femisReview);
    const femisComment = await postComment(t.db, femi, reviewId);
    await vote(t.db, femi, "review", reviewId);
    await vote(t.db, femi, "comment", commentId);
    await vote(t.db, femi, "comment", maraElsewhere.id);
    await vote(t.db, ines, "review", reviewId);
    await vote(t.db, ines, "comment", femisComment.id);
    await vote(t.db, mara, "review", femisReview);
    expect([await upvotesReceived(t.db, mara), await upvotesReceived(t.db, femi), await upvotesReceived(t.db, ines)]).toEqual([4, 2, 0]);
    await vote(t.db, femi, "comment", maraElsewhere.id, "none");
    expect(await upvotesReceived(t.db, mara)).toBe(3);
    expect(await allCounterDrift(t.db)).toEqual([]);
    expect(await voteRowProblems(t.db)).toEqual([]);
  });

  it("treats the same vote twice as one: a single row, no change the second time, nothing written", async () => {
    const { mara, reviewId, femi, ines, commentId } = await voteSetup(t.db);
    await vote(t.db, femi, "review", reviewId, "up", at(HOUR));
    await vote(t.db, femi, "comment", commentId, "up", at(HOUR));
    const before = await snapshot(t.db);
    expect(await vote(t.db, femi, "review", reviewId, "up", at(2 * HOUR))).toMatchObject({ voted: true, changed: false, count: 1 });
    expect(await vote(t.db, femi, "comment", commentId, "up", at(2 * HOUR))).toMatchObject({ voted: true, changed: false, count: 1 });
    // Nothing at all: not the vote's time, not a counter, not a rate-limit slot.
    expect(await snapshot(t.db)).toEqual(before);
    expect(await rows(t.db, "post_votes")).toHaveLength(1);
    expect(await upvotesReceived(t.db, mara)).toBe(2);

    await vote(t.db, femi, "review", reviewId, "none", at(3 * HOUR));
    const undone = await snapshot(t.db);
    expect(await vote(t.db, femi, "review", reviewId, "none", at(3 * HOUR))).toMatchObject({ voted: false, changed: false, count: 0 });
    expect(await snapshot(t.db)).toEqual(undone);
    // Taking back a vote never cast is a no-op too.
    const fresh = await snapshot(t.db);
    expect(await vote(t.db, ines, "comment", commentId, "none")).toMatchObject({ voted: false, changed: false, count: 1 });
    expect(await snapshot(t.db)).toEqual(fresh);
    expect(await allCounterDrift(t.db)).toEqual([]);
  });

  it("refuses an upvote on one's own review or comment (403), and its undo, changing nothing", async () => {
    const { mara, reviewId, commentId } = await voteSetup(t.db);
    await expectRefused(() => vote(t.db, mara, "review", reviewId), "Forbidden", 403, "You can't upvote your own review.");
    await expectRefused(() => vote(t.db, mara, "comment", commentId), "Forbidden", 403, "You can't upvote your own comment.");
    await expectRefused(() => vote(t.db, mara, "review", reviewId, "none"), "Forbidden", 403);
    // Staff are no exception.
    const modest = await makeUser(t.db, "modest", "moderator");
    const own = await seedReview(t.db, modest, { title: "The moderator's own" });
    await expectRefused(() => vote(t.db, modest, "review", own), "Forbidden", 403, "You can't upvote your own review.");
    expect((await vote(t.db, modest, "review", reviewId)).changed).toBe(true);
  });

  it("answers 404 for a review that is missing, a draft or hidden, and 410 for a deleted one", async () => {
    const { mara, femi } = await voteSetup(t.db);
    const draft = await seedReview(t.db, mara, { title: "Unfinished", intent: "draft" });
    const hidden = await seedReview(t.db, mara, { title: "Hidden by a moderator" });
    await setReviewStatus(t.db, hidden, "hidden");
    const deleted = await seedReview(t.db, mara, { title: "Thought better of it" });
    await deleteReview(ctxAs(t.db, mara), { reviewId: deleted });
    for (const id of [999, draft, hidden]) await expectRefused(() => vote(t.db, femi, "review", id), "NotFound", 404, "There is no such review.");
    await expectRefused(() => vote(t.db, femi, "review", deleted), "Gone", 410, "This review was deleted, so it takes no more votes.");
    await expectRefused(() => vote(t.db, femi, "review", deleted, "none"), "Gone", 410);
  });

  it("answers 404 for a missing comment or one on a draft or hidden review, 410 for a deleted comment or review", async () => {
    const { mara, femi, reviewId } = await voteSetup(t.db);
    const doomed = await postComment(t.db, mara, reviewId);
    await deleteComment(ctxAs(t.db, mara, at(HOUR)), { commentId: doomed.id });
    const onHidden = await seedReview(t.db, mara, { title: "Hidden later" });
    const hiddenComment = await postComment(t.db, mara, onHidden);
    await setReviewStatus(t.db, onHidden, "hidden");
    const onDraft = await seedReview(t.db, mara, { title: "Back to draft" });
    const draftComment = await postComment(t.db, mara, onDraft);
    await setReviewStatus(t.db, onDraft, "draft");
    const onDeleted = await seedReview(t.db, mara, { title: "Deleted later" });
    const orphan = await postComment(t.db, mara, onDeleted);
    await deleteReview(ctxAs(t.db, mara), { reviewId: onDeleted });

    for (const id of [999, hiddenComment.id, draftComment.id]) await expectRefused(() => vote(t.db, femi, "comment", id), "NotFound", 404, "There is no such comment.");
    await expectRefused(() => vote(t.db, femi, "comment", doomed.id), "Gone", 410, "This comment was deleted, so it takes no more votes.");
    await expectRefused(() => vote(t.db, femi, "comment", orphan.id), "Gone", 410, "This comment's review was deleted, so it takes no more votes.");
  });

  it("keeps votes on an item deleted later: still counted for its author, and no longer undoable (410)", async () => {
    const { mara, femi, reviewId, commentId } = await voteSetup(t.db);
    const reply = await postComment(t.db, mara, reviewId, commentId);
    await vote(t.db, femi, "review", reviewId);
    await vote(t.db, femi, "comment", reply.id);
    await deleteComment(ctxAs(t.db, mara, at(HOUR)), { commentId: reply.id });
    await expectRefused(() => vote(t.db, femi, "comment", reply.id, "none"), "Gone", 410);
    await deleteReview(ctxAs(t.db, mara, at(HOUR)), { reviewId });
    await expectRefused(() => vote(t.db, femi, "review", reviewId, "none"), "Gone", 410);
    await expectRefused(() => vote(t.db, femi, "comment", commentId), "Gone", 410);
    expect([await upvoteCount(t.db, "review", reviewId), await upvoteCount(t.db, "comment", reply.id), await upvotesReceived(t.db, mara)]).toEqual([1, 1, 2]);
    // A deleted review drops out of the hot ranking.
    expect(await hotScoreOf(t.db, reviewId)).toBe(0);
    expect(await allCounterDrift(t.db)).toEqual([]);
  });

  it("counts a vote on a review whose author's account is gone, for nobody", async () => {
    const { mara, femi, reviewId } = await voteSetup(t.db);
    // The account row goes (as lib/users/delete-account.ts does, taking its badges out of the
    // holder counts first): its review and comment keep no author.
    expect(await sqlColumn(t.db, `select badge_slug from user_badges where user_id = ? order by badge_slug`, mara.id)).toEqual(["comments-1", "first-scored-review", "reviews-1"]);
    await sqlRun(fixtureWriter(t.db), `update badges set holder_count = holder_count - 1 where slug in (select badge_slug from user_badges where user_id = ?)`, mara.id);
    await sqlRun(fixtureWriter(t.db), `delete from users where id = ?`, mara.id);
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ author_id: null });
    expect(await vote(t.db, femi, "review", reviewId)).toMatchObject({ authorId: null, changed: true, count: 1 });
    expect([await upvotesReceived(t.db, mara), await upvotesReceived(t.db, femi)]).toEqual([undefined, 0]);
    expect(await allCounterDrift(t.db)).toEqual([]);
  });

  it("refuses a suspended voter (403) and an unknown one (401), changing nothing", async () => {
    const { femi, reviewId, commentId } = await voteSetup(t.db);
    await vote(t.db, femi, "review", reviewId);
    await suspend(t.db, femi);
    const msg = "This account is suspended, so it cannot vote.";
    await expectRefused(() => vote(t.db, femi, "comment", commentId), "Forbidden", 403, msg);
    await expectRefused(() => vote(t.db, femi, "review", reviewId, "none"), "Forbidden", 403, msg);
    await expectRefused(() => vote(t.db, ghost, "review", reviewId), "Unauthenticated", 401, "Please sign in to vote.");
    // Who is voting is settled before what: an unknown voter on a missing review is still a 401.
    await expectRefused(() => vote(t.db, ghost, "review", 999), "Unauthenticated", 401);
  });

  it("accepts the form's strings and numbers alike, and ignores fields it does not know", async () => {
    const { femi, ines, reviewId, commentId } = await voteSetup(t.db);
    expect((await castVote(ctxAs(t.db, femi, T0), { type: "review", id: reviewId, value: "up" })).changed).toBe(true);
    expect((await castVote(ctxAs(t.db, femi, T0), { type: "comment", id: ` ${commentId} `, value: "up" })).changed).toBe(true);
    // A forged user id in the form does not vote as someone else.
    await castVote(ctxAs(t.db, femi, T0), { type: "review", id: String(reviewId), value: "none", userId: ines.id, user_id: ines.id });
    expect(await rows(t.db, "post_votes")).toEqual([]);
    expect((await rows(t.db, "comment_votes")).map((r) => r.user_id)).toEqual([femi.id]);
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
    const { femi } = await voteSetup(t.db);
    const before = await snapshot(t.db);
    const err = await thrown(() => castVote(ctxAs(t.db, femi, T0), raw));
    expect(err).toBeInstanceOf(ZodError);
    const form = toFormError(err, {});
    expect(form).toMatchObject({ status: 422, ok: false });
    expect(Object.keys(form.fieldErrors)).toEqual(field ? [field] : []);
    expect(form.message).toEqual(expect.any(String));
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("hot feed after votes", () => {
  const t = perTestDb();

  it("moves reviews up and down the hot feed as their votes come and go", async () => {
    const mara = await makeUser(t.db, "mara");
    const published: number[] = [];
    for (const h of [2, 1, 0]) published.push(await seedReview(t.db, mara, { title: `Published ${h}h before T0` }, at(-h * HOUR)));
    const [older, old, fresh] = published as [number, number, number];
    const voters: Actor[] = [];
    for (const n of ["femi", "ines", "jun"]) voters.push(await makeUser(t.db, n));
    const hot = async () => (await listFeed(t.db, { tab: "hot" })).items.map((c) => c.id);
    expect(await hot()).toEqual([fresh, old, older]);
    // One upvote is log10(1) = 0: no move.
    await vote(t.db, voters[0]!, "review", old);
    expect(await hot()).toEqual([fresh, old, older]);
    // Two are worth log10(2) × 12.5 h ≈ 3.8 h of freshness.
    await vote(t.db, voters[1]!, "review", old);
    expect(await hot()).toEqual([old, fresh, older]);
    await vote(t.db, voters[0]!, "review", older);
    await vote(t.db, voters[1]!, "review", older);
    expect(await hot()).toEqual([old, older, fresh]);
    await vote(t.db, voters[2]!, "review", older);
    expect(await hot()).toEqual([older, old, fresh]);
    await vote(t.db, voters[1]!, "review", old, "none");
    expect(await hot()).toEqual([older, fresh, old]);
    expect((await listFeed(t.db, { tab: "hot" })).items.map((c) => c.upvoteCount)).toEqual([3, 0, 1]);
    for (const [id, n, h] of [[older, 3, 2], [old, 1, 1], [fresh, 0, 0]] as const) {
      expect(await hotScoreOf(t.db, id)).toBeCloseTo(expectedHot(n, at(-h * HOUR).getTime()), 9);
    }
    expect(await allCounterDrift(t.db)).toEqual([]);
  });
});

describe("vote queries", () => {
  const t = perTestDb();

  it("lists a reader's votes on a review and its comments in one query, and no one else's", async () => {
    const { mara, reviewId, femi, ines, commentId } = await voteSetup(t.db);
    const c2 = await postComment(t.db, ines, reviewId, commentId);
    const c3 = await postComment(t.db, mara, reviewId);
    const elsewhere = await seedReview(t.db, ines, { title: "Ines elsewhere" });
    const elsewhereComment = await postComment(t.db, mara, elsewhere);
    await vote(t.db, femi, "review", reviewId);
    await vote(t.db, femi, "comment", commentId);
    await vote(t.db, femi, "comment", c3.id);
    await vote(t.db, femi, "review", elsewhere);
    await vote(t.db, femi, "comment", elsewhereComment.id);
    await vote(t.db, ines, "comment", c3.id);
    await vote(t.db, mara, "comment", c2.id);

    // One statement reaches the driver: prepared once by SQLite, sent once to PostgreSQL's pool.
    const client = t.db.$client as unknown as Record<"prepare" | "query", (...args: unknown[]) => unknown>;
    const statements = vi.spyOn(client, ON_PG ? "query" : "prepare");
    const keys = await listVotesOnReview(t.db, femi.id, reviewId);
    expect(statements).toHaveBeenCalledTimes(1);
    statements.mockRestore();
    expect([...keys].sort()).toEqual([`c${commentId}`, `c${c3.id}`, `r${reviewId}`].sort());
    expect(await listVotesOnReview(t.db, ines.id, reviewId)).toEqual([`c${c3.id}`]);
    expect((await listVotesOnReview(t.db, femi.id, elsewhere)).sort()).toEqual([`c${elsewhereComment.id}`, `r${elsewhere}`]);
    await vote(t.db, femi, "review", reviewId, "none");
    expect((await listVotesOnReview(t.db, femi.id, reviewId)).sort()).toEqual([`c${commentId}`, `c${c3.id}`].sort());
    expect(await listVotesOnReview(t.db, ghost.id, reviewId)).toEqual([]);
  });

  /** `n` members who each upvote the item, one a second from T0 (or all at T0). */
  async function voters(db: DB, n: number, type: "review" | "comment", id: number, sameTime = false): Promise<Actor[]> {
    const all: Actor[] = [];
    for (let i = 0; i < n; i++) {
      const v = await makeUser(db, `voter${String(i + 1).padStart(2, "0")}`);
      await vote(db, v, type, id, "up", at(sameTime ? 0 : i * 1000));
      all.push(v);
    }
    return all;
  }

  it("lists who upvoted a review, newest first, 50 to a page", async () => {
    const { reviewId } = await voteSetup(t.db);
    const all = await voters(t.db, VOTERS_PAGE_SIZE + 5, "review", reviewId);
    const names = async (page: number) => (await listVoters(t.db, "review", reviewId, page)).map((v) => v.username);
    const newestFirst = all.map((_, i) => `voter${String(i + 1).padStart(2, "0")}`).reverse();
    expect(VOTERS_PAGE_SIZE).toBe(50);
    expect(await names(1)).toEqual(newestFirst.slice(0, 50));
    expect(await names(2)).toEqual(newestFirst.slice(50));
    expect(await names(3)).toEqual([]);
    expect((await listVoters(t.db, "review", reviewId, 1))[0]).toEqual({ username: "voter55", name: "voter55", image: null, isNew: true, votedAt: at(54_000) });
    // A vote taken back leaves the list.
    await vote(t.db, all[54]!, "review", reviewId, "none");
    expect((await names(1))[0]).toBe("voter54");
    expect(await names(2)).toEqual(newestFirst.slice(51));
    expect(await listVoters(t.db, "comment", reviewId, 1)).toEqual([]);
    // A regular (a year-old account with three reviews) carries no "New" marker.
    const regular = await makeRegular(t.db, "regular");
    await vote(t.db, regular, "review", reviewId, "up", at(60_000));
    expect((await listVoters(t.db, "review", reviewId, 1))[0]).toEqual({ username: "regular", name: "regular", image: null, isNew: false, votedAt: at(60_000) });
  });

  it("lists who upvoted a comment, and pages through votes cast at the same instant without repeats or gaps", async () => {
    const { commentId } = await voteSetup(t.db);
    await voters(t.db, 52, "comment", commentId, true);
    const pages: string[][] = [];
    for (const p of [1, 2]) pages.push((await listVoters(t.db, "comment", commentId, p)).map((v) => v.username));
    expect(pages.map((p) => p.length)).toEqual([50, 2]);
    expect(new Set(pages.flat()).size).toBe(52);
    expect(await upvoteCount(t.db, "comment", commentId)).toBe(52);
  });
});

describe("what a vote changes", () => {
  const t = perTestDb();

  // What the votes route expired before changes were recorded (its hand-written lists), rebuilt
  // here from the rows: the tags from a vote's changes must cover them.
  const reviewRowTags = async (id: number) => {
    const review = (await sqlGet(t.db, `select film_id, author_id from posts where id = ?`, id)) as { film_id: number; author_id: string | null };
    const tags = (await sqlColumn(t.db, `select tag from post_tags where post_id = ? order by tag`, id)) as string[];
    return [`review:${id}`, "feed", `film:${review.film_id}`, ...(review.author_id ? [`user:${review.author_id}`] : []), ...tags.map((tag) => `tag:${tag}`)];
  };
  const badgeListTags = (earned: { userId: string; slug: string }[]) =>
    earned.length ? ["badges", "ranking", ...earned.flatMap((e) => [`user:${e.userId}`, `badge:${e.slug}`])] : [];
  const sorted = (tags: Iterable<string>) => [...new Set(tags)].sort();

  it("an upvote on a review or its undo: the review in every listing (its film, its tags, its author) and the Ranking", async () => {
    const { mara, reviewId, femi } = await voteSetup(t.db);
    const filmId = (await sqlValue(t.db, `select film_id from posts where id = ?`, reviewId)) as number;
    const expected = sorted([`review:${reviewId}`, "feed", `film:${filmId}`, `user:${mara.id}`, "tag:noir", "tag:vienna", "ranking"]);
    for (const value of ["up", "none"] as const) {
      const { changes } = await vote(t.db, femi, "review", reviewId, value, at(HOUR));
      expect(sorted(tagsFor(changes))).toEqual(expected);
      expect(sorted(tagsFor(changes))).toEqual(expect.arrayContaining(sorted([...await reviewRowTags(reviewId), "ranking"])));
    }
  });

  it("an upvote on a comment: its review's page, its author, and the Ranking; no listing", async () => {
    const { mara, reviewId, femi, commentId } = await voteSetup(t.db);
    for (const value of ["up", "none"] as const) {
      const { changes } = await vote(t.db, femi, "comment", commentId, value, at(HOUR));
      expect(sorted(tagsFor(changes))).toEqual(sorted([`review:${reviewId}`, `user:${mara.id}`, "ranking"]));
    }
  });

  it("the upvote that earns badges adds them, their holder, and the note announcing them under the review", async () => {
    const { mara, reviewId } = await voteSetup(t.db);
    for (let i = 1; i < 10; i++) await vote(t.db, await makeUser(t.db, `early${i}`), "review", reviewId, "up", at(i * HOUR));
    const tenth = await vote(t.db, await makeUser(t.db, "tenth"), "review", reviewId, "up", at(10 * HOUR));
    expect(tenth.badges.map((b) => b.slug).sort()).toEqual(["review-10-upvotes", "upvotes-10"]);
    const note = (await sqlValue(t.db, `select id from comments where announces_badge is not null`)) as number;
    expect([...tenth.changes.comments]).toEqual([note]);
    const tags = sorted(tagsFor(tenth.changes));
    expect(tags).toEqual(expect.arrayContaining(sorted([...await reviewRowTags(reviewId), "ranking", ...badgeListTags(tenth.badges)])));
    expect(tags).toEqual(
      sorted([...await reviewRowTags(reviewId), "ranking", "badges", `user:${mara.id}`, "badge:review-10-upvotes", "badge:upvotes-10", "comments:new"]),
    );
  });

  it("a review whose author's account is gone: the review in its listings, and nobody's standing", async () => {
    const { mara, femi, reviewId } = await voteSetup(t.db);
    await sqlRun(fixtureWriter(t.db), `update badges set holder_count = holder_count - 1 where slug in (select badge_slug from user_badges where user_id = ?)`, mara.id);
    await sqlRun(fixtureWriter(t.db), `delete from users where id = ?`, mara.id);
    const { changes } = await vote(t.db, femi, "review", reviewId);
    expect(sorted(tagsFor(changes))).toEqual(sorted(await reviewRowTags(reviewId)));
  });

  it("a vote that changes nothing, or is refused, expires nothing", async () => {
    const { mara, reviewId, femi, commentId } = await voteSetup(t.db);
    await vote(t.db, femi, "review", reviewId);
    expect(isUnchanged((await vote(t.db, femi, "review", reviewId)).changes)).toBe(true);
    expect(isUnchanged((await vote(t.db, femi, "comment", commentId, "none")).changes)).toBe(true);
    await expectDomainError(() => vote(t.db, mara, "review", reviewId), "Forbidden", 403);
  });
});
