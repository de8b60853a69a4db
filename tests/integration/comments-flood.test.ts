import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeCtx } from "@/lib/context";
import type { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { setTestEnv } from "../helpers/env";
import { ctxAs, perTestDb } from "../helpers/db";
import { MINUTE, at, expectDomainError, makeUser, seedReview } from "../helpers/reviews";
import {
  clearEnv,
  commentForm,
  counterDrift,
  makeAgedUser,
  makeRegular,
  removeReview,
  rows,
  snapshot,
} from "../helpers/comments";

// Flood control: one comment per COMMENT_INTERVAL_SECONDS (10) per author, per
// COMMENT_NEWCOMER_INTERVAL_SECONDS (30) for newcomers, and no identical text twice within 5 minutes.
const ENV_KEYS = ["COMMENT_INTERVAL_SECONDS", "COMMENT_NEWCOMER_INTERVAL_SECONDS"];
const sec = (s: number) => at(MINUTE + s * 1000); // seconds after the first comment, posted at T0 + 1 minute

describe("createComment flood control", () => {
  const t = perTestDb();
  beforeEach(() => clearEnv(...ENV_KEYS));
  afterEach(() => clearEnv(...ENV_KEYS));

  async function setup() {
    const host = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, host, { title: "The host's review" });
    return { reviewId };
  }
  let serial = 0;
  const post = async (actor: Actor, reviewId: number, s: number, over: Record<string, unknown> = {}) =>
    (await createComment(ctxAs(t.db, actor.id, sec(s)), commentForm(reviewId, { body: `Distinct remark ${++serial}.`, ...over }))).comment;

  /** Expects a 429 with this wait that leaves every table as it was; returns the message. */
  async function expectRefused(fn: () => unknown, retryAfterSeconds: number) {
    const before = await snapshot(t.db);
    const err = await expectDomainError(fn, "RateLimited", 429);
    expect(err.retryAfterSeconds).toBe(retryAfterSeconds);
    expect(await snapshot(t.db)).toEqual(before);
    return err.message;
  }

  it("makes a regular member wait 10 seconds between comments, counted from the last one stored", async () => {
    const { reviewId } = await setup();
    const femi = await makeRegular(t.db, "femi");
    const first = await post(femi, reviewId, 0);
    expect(await expectRefused(() => post(femi, reviewId, 5), 5)).toBe(
      "Please wait 10 seconds between comments. Try again in 5 seconds; your text is kept.",
    );
    expect(await expectRefused(() => post(femi, reviewId, 9.5, { parentId: String(first.id) }), 1)).toBe(
      "Please wait 10 seconds between comments. Try again in 1 second; your text is kept.",
    );
    // The refusals stored nothing, so they did not restart the wait.
    await post(femi, reviewId, 10, { parentId: String(first.id) });
    await expectRefused(() => post(femi, reviewId, 12), 8);
    await post(femi, reviewId, 20);
    expect((await rows(t.db, "comments")).map((r) => r.created_at)).toEqual([sec(0), sec(10), sec(20)].map((d) => d.getTime()));
  });

  it("counts the interval per author, across reviews, and leaves other authors alone", async () => {
    const { reviewId } = await setup();
    const femi = await makeRegular(t.db, "femi");
    const otherReview = await seedReview(t.db, femi, { title: "Femi's fourth" });
    const ines = await makeRegular(t.db, "ines");
    await post(femi, reviewId, 0);
    await post(ines, reviewId, 1);
    await expectRefused(() => post(femi, otherReview, 3), 7);
    await post(ines, otherReview, 11);
    await post(femi, otherReview, 10);
    expect(await rows(t.db, "comments")).toHaveLength(4);
  });

  it("makes an account younger than 7 days wait 30 seconds, whatever it has published", async () => {
    const { reviewId } = await setup();
    const newbie = await makeAgedUser(t.db, "newbie", 6);
    for (const n of [1, 2, 3, 4]) await seedReview(t.db, newbie, { title: `Newbie's review ${n}` });
    await post(newbie, reviewId, 0);
    expect(await expectRefused(() => post(newbie, reviewId, 10), 20)).toBe(
      "New members wait 30 seconds between comments. Try again in 20 seconds; your text is kept.",
    );
    await expectRefused(() => post(newbie, reviewId, 29.001), 1);
    await post(newbie, reviewId, 30);
    // An account 8 days old with the same record is a regular.
    const settled = await makeAgedUser(t.db, "settled", 8);
    for (const n of [1, 2, 3]) await seedReview(t.db, settled, { title: `Settled review ${n}` });
    await post(settled, reviewId, 0);
    await post(settled, reviewId, 10);
    expect(await rows(t.db, "comments")).toHaveLength(4);
  });

  it("treats an old account with fewer than 3 published reviews + live comments as a newcomer until it has them", async () => {
    const { reviewId } = await setup();
    const quiet = await makeAgedUser(t.db, "quiet", 365);
    const first = await post(quiet, reviewId, 0); // 1 contribution
    await expectRefused(() => post(quiet, reviewId, 10), 20);
    const second = await post(quiet, reviewId, 30); // 2
    await expectRefused(() => post(quiet, reviewId, 40), 20);
    await post(quiet, reviewId, 60); // 3: a regular from now on
    await post(quiet, reviewId, 70); // 4
    // Deleted comments stop counting: 2 live ones make a newcomer again.
    await deleteComment(ctxAs(t.db, quiet, sec(75)), { commentId: first.id });
    await deleteComment(ctxAs(t.db, quiet, sec(75)), { commentId: second.id });
    await expectRefused(() => post(quiet, reviewId, 80), 20);
    await post(quiet, reviewId, 100);
    expect((await rows(t.db, "comments", "where deleted_at is null")).map((r) => r.created_at)).toEqual([sec(60), sec(70), sec(100)].map((d) => d.getTime()));
  });

  it("counts only published reviews: drafts and deleted reviews do not make a regular", async () => {
    const { reviewId } = await setup();
    const drafter = await makeAgedUser(t.db, "drafter", 365);
    for (const n of [1, 2, 3]) await seedReview(t.db, drafter, { title: `Draft ${n}`, intent: "draft" });
    await removeReview(t.db, drafter, await seedReview(t.db, drafter, { title: "Deleted one" }));
    await seedReview(t.db, drafter, { title: "Published one" });
    await post(drafter, reviewId, 0); // 1 published review + 1 comment = 2
    await expectRefused(() => post(drafter, reviewId, 10), 20);
    const writer = await makeAgedUser(t.db, "writer", 365);
    await seedReview(t.db, writer, { title: "Writer one" });
    await seedReview(t.db, writer, { title: "Writer two" });
    await post(writer, reviewId, 0); // 2 published reviews + 1 comment = 3
    await post(writer, reviewId, 10);
  });

  it("reads both intervals from the environment", async () => {
    setTestEnv({ COMMENT_INTERVAL_SECONDS: "60", COMMENT_NEWCOMER_INTERVAL_SECONDS: "120" });
    const { reviewId } = await setup();
    const femi = await makeRegular(t.db, "femi");
    const newbie = await makeAgedUser(t.db, "newbie", 1);
    await post(femi, reviewId, 0);
    await post(newbie, reviewId, 0);
    expect(await expectRefused(() => post(femi, reviewId, 30), 30)).toBe(
      "Please wait 60 seconds between comments. Try again in 30 seconds; your text is kept.",
    );
    await expectRefused(() => post(newbie, reviewId, 60), 60);
    await post(femi, reviewId, 60);
    await post(newbie, reviewId, 120);
  });

  it("refuses the same text from the same author within 5 minutes, even after the interval, anywhere", async () => {
    const { reviewId } = await setup();
    const femi = await makeRegular(t.db, "femi");
    const otherReview = await seedReview(t.db, femi, { title: "Femi's fourth" });
    const body = "First!";
    const first = await post(femi, reviewId, 0, { body });
    expect(await expectRefused(() => post(femi, reviewId, 60, { body }), 240)).toBe(
      "You posted this same comment a moment ago. Change it, or wait a few minutes to post it again.",
    );
    await expectRefused(() => post(femi, otherReview, 120, { body }), 180);
    await expectRefused(() => post(femi, reviewId, 180, { body, parentId: String(first.id) }), 120);
    // Compared after the body is normalized, as stored.
    await expectRefused(() => post(femi, reviewId, 240, { body: "\n\nFirst!  \r\n" }), 60);
    await expectRefused(() => post(femi, reviewId, 299.5, { body }), 1);
    // Other text from the same author, and the same text from another author, go through.
    await post(femi, reviewId, 100, { body: "First! (edited thought)" });
    await post(await makeRegular(t.db, "ines"), reviewId, 100, { body });
    // Exactly 5 minutes later it is allowed again.
    await post(femi, reviewId, 300, { body });
    expect((await rows(t.db, "comments")).map((r) => [r.body_md, r.created_at])).toEqual([
      [body, sec(0).getTime()],
      ["First! (edited thought)", sec(100).getTime()],
      [body, sec(100).getTime()],
      [body, sec(300).getTime()],
    ]);
  });

  it("refuses a duplicate even with the interval switched off", async () => {
    setTestEnv({ COMMENT_INTERVAL_SECONDS: "0", COMMENT_NEWCOMER_INTERVAL_SECONDS: "0" });
    const { reviewId } = await setup();
    const newbie = await makeAgedUser(t.db, "newbie", 1);
    await post(newbie, reviewId, 0, { body: "Again." });
    await post(newbie, reviewId, 0, { body: "And again." });
    await expectRefused(() => post(newbie, reviewId, 1, { body: "Again." }), 299);
    expect(await rows(t.db, "comments")).toHaveLength(2);
  });

  it("lets a deleted comment's text be posted again at once, as when moving it to the right thread", async () => {
    setTestEnv({ COMMENT_INTERVAL_SECONDS: "0", COMMENT_NEWCOMER_INTERVAL_SECONDS: "0" });
    const { reviewId } = await setup();
    const femi = await makeRegular(t.db, "femi");
    const body = "This was meant as a reply to Mara.";
    const misplaced = await post(femi, reviewId, 0, { body });
    const target = await post(await makeRegular(t.db, "mara2"), reviewId, 1);
    await deleteComment(ctxAs(t.db, femi, sec(2)), { commentId: misplaced.id });
    const moved = await post(femi, reviewId, 3, { body, parentId: String(target.id) });
    expect((await rows(t.db, "comments", `where author_id = '${femi.id}'`)).map((r) => [r.id, r.parent_id, r.deleted_at !== null])).toEqual([
      [misplaced.id, null, true],
      [moved.id, target.id, false],
    ]);
  });

  it("checks the gap inside the write: of two comments one member sends at once, one goes through", async () => {
    const { reviewId } = await setup();
    const femi = await makeRegular(t.db, "femi");
    // Both parse and render before either takes the write lock; the second then sees the first.
    const sent = await Promise.allSettled([
      createComment(makeCtx(t.db, { actor: femi }), commentForm(reviewId, { body: "Sent from the phone." })),
      createComment(makeCtx(t.db, { actor: femi }), commentForm(reviewId, { body: "Sent from the laptop." })),
    ]);
    expect(sent.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = sent.find((r) => r.status === "rejected")!.reason as DomainError;
    expect({ kind: refused.kind, status: refused.status }).toEqual({ kind: "RateLimited", status: 429 });
    expect(await rows(t.db, "comments")).toHaveLength(1);
    expect(await counterDrift(t.db)).toEqual({ reviews: [], comments: [] });
  });
});
