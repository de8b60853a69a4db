import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toFormError } from "@/lib/action-result";
import { deleteReview } from "@/lib/reviews/delete-review";
import type { Actor } from "@/lib/permissions";
import { setTestEnv } from "../helpers/env";
import { ctxAs, perTestDb } from "../helpers/db";
import { DAY, at, expectDomainError, makeUser, seedReview } from "../helpers/reviews";
import { clearEnv, makeAgedUser, makeRegular, postComment } from "../helpers/comments";
import { allCounterDrift, rows, snapshot, vote } from "../helpers/votes";

// Per-voter fixed windows: VOTE_BURST_PER_MINUTE (30) and VOTE_DAILY_CAP (500), for newcomers
// VOTE_NEWCOMER_BURST_PER_MINUTE (10) and VOTE_NEWCOMER_DAILY_CAP (100). Each window opens at the
// first vote counted in it. Only a vote that changes something is counted.
const ENV_KEYS = ["VOTE_BURST_PER_MINUTE", "VOTE_DAILY_CAP", "VOTE_NEWCOMER_BURST_PER_MINUTE", "VOTE_NEWCOMER_DAILY_CAP"];
const sec = (s: number) => at(s * 1000);

describe("castVote rate limits", () => {
  const t = perTestDb();
  beforeEach(() => clearEnv(...ENV_KEYS));
  afterEach(() => clearEnv(...ENV_KEYS));

  /** A host with a published review and a comment on it: what every voter here votes on. */
  async function setup() {
    const host = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, host, { title: "The host's review" });
    const commentId = (await postComment(t.db, host, reviewId)).id;
    return { host, reviewId, commentId };
  }

  // Whether each voter's upvote on the review stands: flip() posts the other state, so it always counts.
  const voted = new Map<string, boolean>();
  beforeEach(() => voted.clear());
  async function flip(actor: Actor, reviewId: number, s: number) {
    const next = !voted.get(actor.id);
    const result = await vote(t.db, actor, "review", reviewId, next ? "up" : "none", sec(s));
    expect(result.changed).toBe(true);
    voted.set(actor.id, next);
    return result;
  }
  /** `n` counted votes, `step` seconds apart from second `from`. */
  async function flips(actor: Actor, reviewId: number, n: number, from = 0, step = 1) {
    for (let i = 0; i < n; i++) await flip(actor, reviewId, from + i * step);
  }

  /** Expects a 429 with this wait that leaves every table as it was; returns the message. */
  async function expectRefused(fn: () => unknown, retryAfterSeconds: number) {
    const before = await snapshot(t.db);
    const err = await expectDomainError(fn, "RateLimited", 429);
    expect(err.retryAfterSeconds).toBe(retryAfterSeconds);
    expect(await snapshot(t.db)).toEqual(before);
    return err.message;
  }

  const windows = async (actor: Actor) =>
    Object.fromEntries((await rows(t.db, "rate_windows", `where key like 'vote:%:${actor.id}'`)).map((r) => [String(r.key).split(":")[1], [r.count, r.window_started_at]]));

  it("lets a regular cast 30 votes a minute, then refuses until the minute that began with the first is over", async () => {
    const { reviewId } = await setup();
    const femi = await makeRegular(t.db, "femi");
    await flips(femi, reviewId, 30);
    expect(await expectRefused(() => flip(femi, reviewId, 30), 30)).toBe("You can vote 30 times a minute. Try again in 30 seconds.");
    expect(await expectRefused(() => flip(femi, reviewId, 59.5), 1)).toBe("You can vote 30 times a minute. Try again in 1 second.");
    expect(await windows(femi)).toEqual({ minute: [30, sec(0).getTime()], day: [30, sec(0).getTime()] });
    // A new window opens a minute after the first; the refusals were not counted in either.
    await flip(femi, reviewId, 60);
    expect(await windows(femi)).toEqual({ minute: [1, sec(60).getTime()], day: [31, sec(0).getTime()] });
    expect(await rows(t.db, "post_votes")).toHaveLength(1); // 31 flips from no vote: it stands
    expect(await allCounterDrift(t.db)).toEqual([]);
  });

  it("uses fixed windows: a burst at the end of one minute does not limit the start of the next", async () => {
    const { reviewId } = await setup();
    const femi = await makeRegular(t.db, "femi");
    await flip(femi, reviewId, 0);
    await flips(femi, reviewId, 29, 50, 0.3); // seconds 50 to 58.4
    await expectRefused(() => flip(femi, reviewId, 59), 1);
    await flips(femi, reviewId, 30, 60, 0.5); // 59 votes in 15 seconds, across two windows
    expect(await expectRefused(() => flip(femi, reviewId, 75), 45)).toBe("You can vote 30 times a minute. Try again in 45 seconds.");
  });

  it("lets a newcomer cast 10 votes a minute", async () => {
    const { reviewId } = await setup();
    const newbie = await makeAgedUser(t.db, "newbie", 2);
    await flips(newbie, reviewId, 10, 0, 2);
    expect(await expectRefused(() => flip(newbie, reviewId, 20), 40)).toBe("New members can vote 10 times a minute. Try again in 40 seconds.");
    await flips(newbie, reviewId, 10, 60, 5);
    await expectRefused(() => flip(newbie, reviewId, 110), 10);
  });

  it("counts votes on reviews and comments in the same windows, per voter, leaving others alone", async () => {
    const { host, reviewId, commentId } = await setup();
    const newbie = await makeAgedUser(t.db, "newbie", 2);
    const femi = await makeRegular(t.db, "femi");
    await flips(newbie, reviewId, 9);
    await vote(t.db, newbie, "comment", commentId, "up", sec(9));
    await expectRefused(() => vote(t.db, newbie, "comment", commentId, "none", sec(10)), 50);
    await expectRefused(() => flip(newbie, reviewId, 10), 50);
    // Another voter, and the host being voted for, are not limited by it.
    await flips(femi, reviewId, 30, 10, 0.1);
    await vote(t.db, host, "review", await seedReview(t.db, femi, { title: "Femi's fourth" }), "up", sec(11));
    expect((await rows(t.db, "comment_votes")).map((r) => r.user_id)).toEqual([newbie.id]);
  });

  it("caps a regular at 500 votes a day, from the first vote of the day", async () => {
    const { reviewId } = await setup();
    const femi = await makeRegular(t.db, "femi");
    await flips(femi, reviewId, 500, 0, 2.5); // at most 25 in any minute: only the daily cap can refuse
    expect(await expectRefused(() => flip(femi, reviewId, 1250), DAY / 1000 - 1250)).toBe("You can vote 500 times a day. Try again in 24 hours.");
    expect(await expectRefused(() => flip(femi, reviewId, DAY / 1000 - 90), 90)).toBe("You can vote 500 times a day. Try again in 2 minutes.");
    await expectRefused(() => flip(femi, reviewId, DAY / 1000 - 0.001), 1);
    await flip(femi, reviewId, DAY / 1000);
    expect(await windows(femi)).toEqual({ minute: [1, at(DAY).getTime()], day: [1, at(DAY).getTime()] });
  });

  it("caps a newcomer at 100 votes a day", async () => {
    const { reviewId } = await setup();
    const newbie = await makeUser(t.db, "newbie");
    await flips(newbie, reviewId, 100, 0, 7); // at most 9 in any minute
    expect(await expectRefused(() => flip(newbie, reviewId, 700), DAY / 1000 - 700)).toBe("New members can vote 100 times a day. Try again in 24 hours.");
    await flip(newbie, reviewId, DAY / 1000);
  });

  it("does not count a vote that changes nothing, nor one refused for any other reason", async () => {
    const { host, reviewId, commentId } = await setup();
    const femi = await makeRegular(t.db, "femi");
    const gone = await seedReview(t.db, host, { title: "Soon deleted" });
    await deleteReview(ctxAs(t.db, host), { reviewId: gone });
    await flips(femi, reviewId, 29);
    const before = await snapshot(t.db);
    for (let i = 0; i < 5; i++) {
      // Already in that state: answered, not counted.
      expect((await vote(t.db, femi, "review", reviewId, voted.get(femi.id) ? "up" : "none", sec(29))).changed).toBe(false);
      expect((await vote(t.db, femi, "comment", commentId, "none", sec(29))).changed).toBe(false);
      await expectDomainError(async () => vote(t.db, femi, "review", await seedReview(t.db, femi, { title: `Own ${i}` }), "up", sec(29)), "Forbidden", 403);
      await expectDomainError(() => vote(t.db, femi, "review", gone, "up", sec(29)), "Gone", 410);
      await expectDomainError(() => vote(t.db, femi, "review", 999, "up", sec(29)), "NotFound", 404);
    }
    expect((await snapshot(t.db)).rate_windows).toEqual(before.rate_windows);
    await flip(femi, reviewId, 29);
    await expectRefused(() => flip(femi, reviewId, 30), 30);
    // At the limit, the state already held is still answered.
    expect(await vote(t.db, femi, "review", reviewId, voted.get(femi.id) ? "up" : "none", sec(31))).toMatchObject({ changed: false });
  });

  it("applies the limits of the voter's standing at the time, to the same windows", async () => {
    const { reviewId } = await setup();
    // A year-old account with no contributions is a newcomer until it has three.
    const quiet = await makeAgedUser(t.db, "quiet", 365);
    await flips(quiet, reviewId, 10);
    await expectRefused(() => flip(quiet, reviewId, 10), 50);
    for (const n of [1, 2, 3]) await seedReview(t.db, quiet, { title: `Quiet's review ${n}` });
    await flips(quiet, reviewId, 20, 10);
    expect(await expectRefused(() => flip(quiet, reviewId, 30), 30)).toBe("You can vote 30 times a minute. Try again in 30 seconds.");
  });

  it("reads all four limits from the environment; when both windows are full the longer wait is given", async () => {
    setTestEnv({ VOTE_BURST_PER_MINUTE: "2", VOTE_DAILY_CAP: "5", VOTE_NEWCOMER_BURST_PER_MINUTE: "1", VOTE_NEWCOMER_DAILY_CAP: "3" });
    const { reviewId } = await setup();
    const femi = await makeRegular(t.db, "femi");
    const newbie = await makeUser(t.db, "newbie");
    await flips(femi, reviewId, 2);
    expect(await expectRefused(() => flip(femi, reviewId, 2), 58)).toBe("You can vote 2 times a minute. Try again in 58 seconds.");
    await flips(femi, reviewId, 2, 60);
    await flip(femi, reviewId, 120);
    expect(await expectRefused(() => flip(femi, reviewId, 121), DAY / 1000 - 121)).toBe("You can vote 5 times a day. Try again in 24 hours.");

    await flip(newbie, reviewId, 0);
    expect(await expectRefused(() => flip(newbie, reviewId, 1), 59)).toBe("New members can vote once a minute. Try again in 59 seconds.");
    await flip(newbie, reviewId, 60);
    await flip(newbie, reviewId, 120);
    // Minute and day both full: the day's wait is the one that matters.
    expect(await expectRefused(() => flip(newbie, reviewId, 121), DAY / 1000 - 121)).toBe("New members can vote 3 times a day. Try again in 24 hours.");
  });

  it("reaches the form as a 429 with the wait, and the refused vote is not stored", async () => {
    const { reviewId } = await setup();
    const newbie = await makeUser(t.db, "newbie");
    await flips(newbie, reviewId, 10);
    const err = await expectDomainError(() => flip(newbie, reviewId, 15), "RateLimited", 429);
    expect(toFormError(err, { id: String(reviewId) })).toEqual({
      status: 429,
      ok: false,
      message: "New members can vote 10 times a minute. Try again in 45 seconds.",
      fieldErrors: {},
      values: { id: String(reviewId) },
      retryAfterSeconds: 45,
    });
    expect(await rows(t.db, "post_votes")).toEqual([]);
    expect(await allCounterDrift(t.db)).toEqual([]);
  });
});
