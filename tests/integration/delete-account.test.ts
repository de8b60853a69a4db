import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { deleteReview } from "@/lib/reviews/delete-review";
import { recordView } from "@/lib/reviews/record-view";
import { viewerKey } from "@/lib/reviews/viewer-key";
import { recountAll } from "@/lib/maintenance/recount";
import { deleteAccount } from "@/lib/users/delete-account";
import { uploadAvatar } from "@/lib/users/avatar-upload";
import { tagsFor } from "@/lib/cache/expire";
import { ctxAs, fixtureWriter, perTestDb } from "../helpers/db";
import { later, postComment } from "../helpers/comments";
import { DAY, expectDomainError, makeUser, rowById, seedReview } from "../helpers/reviews";
import { RECOUNT_NOTHING, allCounterDrift, expectedHot, hotScoreOf, upvoteCount, upvotesReceived, vote, voteKeys } from "../helpers/votes";
import { PASSWORD, makeImage, makePasswordUser, noticeList, rows, snapshot, userRow } from "../helpers/people";

const ZERO = RECOUNT_NOTHING;

/** A temp avatar folder per test. */
function perTestDir() {
  let dir = "";
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-avatars-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    get path() {
      return dir;
    },
  };
}

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/** A reader's view of a review on the day of `now`, keyed as the review page keys it. */
async function view(db: DB, reviewId: number, userId: string | null, now: Date) {
  const key = viewerKey(userId, "203.0.113.9", FIREFOX, now.toISOString().slice(0, 10));
  expect(await recordView(ctxAs(db, null, now), { reviewId, viewer: { key, userId } })).toMatchObject({ counted: true });
}

/**
 * mara (with a password and an uploaded avatar) has written a review others voted on, a draft, a
 * comment and a reply; she has upvoted femi's review, a review since deleted, ines's comment and
 * femi's comment; she has read femi's review on two days, and others (one signed out) hers; she
 * has notices and caused some, a linked provider account and rate windows.
 */
async function world(db: DB, dir: string) {
  const mara = await makePasswordUser(db, "mara");
  const femi = makeUser(db, "femi");
  const ines = makeUser(db, "ines");
  const marasReview = await seedReview(db, mara, { title: "Mara's review" });
  const draft = await seedReview(db, mara, { title: "Mara's draft", tags: "unfinished", filmTitle: "Stalker", filmYear: "1979", intent: "draft" });
  const femisReview = await seedReview(db, femi, { title: "Femi's review", filmTitle: "Solaris", filmYear: "1972" });
  const doomedReview = await seedReview(db, ines, { title: "Ines's doomed review", filmTitle: "Mirror", filmYear: "1975" });
  const inesComment = await postComment(db, ines, femisReview);
  const femisComment = await postComment(db, femi, marasReview);
  const marasComment = await postComment(db, mara, femisReview, null, "Agreed, @femi and @ines.");
  const marasReply = await postComment(db, mara, marasReview, femisComment.id);
  await vote(db, femi, "review", marasReview, "up", later(db));
  await vote(db, ines, "review", marasReview, "up", later(db));
  await vote(db, femi, "comment", marasComment.id, "up", later(db));
  await vote(db, mara, "review", femisReview, "up", later(db));
  await vote(db, ines, "review", femisReview, "up", later(db));
  await vote(db, mara, "review", doomedReview, "up", later(db));
  await vote(db, mara, "comment", inesComment.id, "up", later(db));
  await vote(db, mara, "comment", femisComment.id, "up", later(db));
  await vote(db, femi, "comment", inesComment.id, "up", later(db));
  await view(db, femisReview, mara.id, later(db));
  await view(db, femisReview, mara.id, later(db, DAY));
  await view(db, femisReview, ines.id, later(db));
  await view(db, marasReview, femi.id, later(db));
  await view(db, marasReview, null, later(db));
  await deleteReview(ctxAs(db, ines, later(db)), { reviewId: doomedReview });
  fixtureWriter(db).$client.prepare(`insert into accounts (user_id, type, provider, provider_account_id) values (?, 'oidc', 'example', 'mara-at-example')`).run(mara.id);
  fixtureWriter(db).$client.prepare(`insert into accounts (user_id, type, provider, provider_account_id) values (?, 'oidc', 'example', 'femi-at-example')`).run(femi.id);
  const avatar = await uploadAvatar(ctxAs(db, mara.id), { bytes: await makeImage("png", 40, 40), type: "image/png" }, dir);
  const femisAvatar = await uploadAvatar(ctxAs(db, femi.id), { bytes: await makeImage("png", 40, 40), type: "image/png" }, dir);
  return { mara, femi, ines, marasReview, draft, femisReview, doomedReview, inesComment, femisComment, marasComment, marasReply, avatar, femisAvatar };
}

describe("deleteAccount", () => {
  const t = perTestDb();
  const dir = perTestDir();

  it("deletes the account and what is only theirs, keeps what they published as by no one, and takes back their votes' counts", async () => {
    const w = await world(t.db, dir.path);
    const { mara, femi, ines } = w;
    expect(await recountAll(t.db, later(t.db))).toEqual(ZERO);
    const before = {
      femisReview: upvoteCount(t.db, "review", w.femisReview),
      inesComment: upvoteCount(t.db, "comment", w.inesComment.id),
      femisComment: upvoteCount(t.db, "comment", w.femisComment.id),
      femi: upvotesReceived(t.db, femi),
      ines: upvotesReceived(t.db, ines),
      marasReview: rowById(t.db, "posts", w.marasReview),
    };
    expect(before).toMatchObject({ femisReview: 2, inesComment: 2, femisComment: 1, femi: 3, ines: 3 });
    const noticesBefore = noticeList(t.db);
    const films = rows(t.db, "films");
    const viewsBefore = rows(t.db, "post_views");
    expect(viewsBefore.filter((v) => v.viewer_key === `u:${mara.id}`)).toHaveLength(2);
    const viewCounts = [w.femisReview, w.marasReview].map((id) => rowById(t.db, "posts", id)!.view_count);
    expect(viewCounts).toEqual([3, 2]);

    const { changes, ...result } = await deleteAccount(ctxAs(t.db, mara.id), { username: "MARA", currentPassword: PASSWORD }, dir.path);
    expect(result).toEqual({ drafts: 1, votesTakenBack: 4 });
    // Every page that named her, and every count her votes made: the reviews and comments she
    // upvoted, their authors' profiles, the Ranking, the directory and the badges she held.
    const film = (id: number) => rowById(t.db, "posts", id)!.film_id as number;
    expect(tagsFor(changes)).toEqual(
      expect.arrayContaining([
        `user:${mara.id}`,
        `user:${femi.id}`,
        `user:${ines.id}`,
        "members",
        "ranking",
        "feed",
        ...[w.marasReview, w.femisReview, w.doomedReview].map((id) => `review:${id}`),
        `film:${film(w.marasReview)}`,
        `film:${film(w.femisReview)}`,
      ]),
    );

    // The account and everything only hers.
    expect(userRow(t.db, mara.id)).toBeUndefined();
    expect(rowById(t.db, "posts", w.draft)).toBeUndefined();
    expect(rows(t.db, "post_revisions", `where post_id = ${w.draft}`)).toEqual([]);
    expect(rows(t.db, "post_tags", `where post_id = ${w.draft}`)).toEqual([]);
    expect(rows(t.db, "accounts").map((a) => a.provider_account_id)).toEqual(["femi-at-example"]);
    expect(rows(t.db, "rate_windows").filter((r) => String(r.key).endsWith(mara.id))).toEqual([]);
    expect(rows(t.db, "rate_windows").filter((r) => String(r.key).endsWith(femi.id)).length).toBeGreaterThan(0);
    expect(voteKeys(t.db).filter((k) => k.startsWith(mara.id))).toEqual([]);
    expect(voteKeys(t.db)).toHaveLength(5);
    // Her review views go (their keys name her); others' stay, and the view counts stand.
    expect(rows(t.db, "post_views")).toEqual(viewsBefore.filter((v) => v.viewer_key !== `u:${mara.id}`));
    expect(rows(t.db, "post_views")).toHaveLength(3);
    expect([w.femisReview, w.marasReview].map((id) => rowById(t.db, "posts", id)!.view_count)).toEqual(viewCounts);

    // What she published stays, by no one, with the votes others gave it.
    expect(rowById(t.db, "posts", w.marasReview)).toEqual({ ...before.marasReview, author_id: null });
    for (const c of [w.marasComment, w.marasReply]) expect(rows(t.db, "comments", `where id = ${c.id}`)[0]).toMatchObject({ author_id: null, deleted_at: null });
    expect(rows(t.db, "post_revisions", `where post_id = ${w.marasReview}`)[0]).toMatchObject({ editor_id: null });
    expect(rows(t.db, "comment_revisions", `where comment_id = ${w.marasComment.id}`)[0]).toMatchObject({ editor_id: null });

    // The counts her votes made are taken back.
    expect(upvoteCount(t.db, "review", w.femisReview)).toBe(1);
    expect(hotScoreOf(t.db, w.femisReview)).toBeCloseTo(expectedHot(1, rowById(t.db, "posts", w.femisReview)!.published_at as number), 9);
    expect(upvoteCount(t.db, "review", w.doomedReview)).toBe(0);
    expect(hotScoreOf(t.db, w.doomedReview)).toBe(0);
    expect(upvoteCount(t.db, "comment", w.inesComment.id)).toBe(1);
    expect(upvoteCount(t.db, "comment", w.femisComment.id)).toBe(0);
    expect([upvotesReceived(t.db, femi), upvotesReceived(t.db, ines)]).toEqual([before.femi - 2, before.ines - 2]);
    expect(await allCounterDrift(t.db)).toEqual([]);
    expect(await recountAll(t.db, later(t.db))).toEqual(ZERO);
    expect(rows(t.db, "films")).toEqual(films);

    // Her notices are gone; those she caused stay, by no one.
    const expected = noticesBefore.filter((n) => n[0] !== "mara").map((n) => (n[2] === "mara" ? [n[0], n[1], null, ...n.slice(3)] : n));
    expect(noticeList(t.db)).toEqual(expected);
    expect(expected.some((n) => n[1] === "mention" && n[2] === null)).toBe(true);

    // Her avatar file is gone; femi's stays.
    expect(fs.readdirSync(dir.path)).toEqual([w.femisAvatar.url.slice("/avatars/".length)]);
  });

  it("frees the username and email for a new account", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    await deleteAccount(ctxAs(t.db, mara.id), { username: "mara", currentPassword: PASSWORD }, dir.path);
    const again = makeUser(t.db, "Mara");
    expect(userRow(t.db, again.id)).toMatchObject({ username_key: "mara", email: "mara@example.com" });
  });

  it("needs only the username from an account without a password", async () => {
    const femi = makeUser(t.db, "Femi_O");
    const { changes: _changes, ...result } = await deleteAccount(ctxAs(t.db, femi.id), { username: " femi_o " }, dir.path);
    expect(result).toEqual({ drafts: 0, votesTakenBack: 0 });
    expect(rows(t.db, "users")).toEqual([]);
  });

  it("refuses a username that is not the account's (422 on username), changing nothing", async () => {
    const w = await world(t.db, dir.path);
    const before = snapshot(t.db);
    const files = fs.readdirSync(dir.path).sort();
    for (const username of ["femi", "", "mara2", undefined, 42]) {
      const err = await expectDomainError(() => deleteAccount(ctxAs(t.db, w.mara.id), { username, currentPassword: PASSWORD }, dir.path), "Invalid", 422, ["username"]);
      expect(err.message).toBe("Type your username, mara, to confirm.");
    }
    expect(snapshot(t.db)).toEqual(before);
    expect(fs.readdirSync(dir.path).sort()).toEqual(files);
  });

  it("refuses a wrong or missing current password (422 on currentPassword), changing nothing but the wrong attempt's count", async () => {
    const w = await world(t.db, dir.path);
    const all = snapshot(t.db);
    const { rate_windows: windows, ...before } = all;
    const files = fs.readdirSync(dir.path).sort();
    // A missing password (or one that is not a string) is refused before any attempt is counted.
    for (const currentPassword of [undefined, "", 12345]) {
      const missing = await expectDomainError(() => deleteAccount(ctxAs(t.db, w.mara.id), { username: "mara", currentPassword }, dir.path), "Invalid", 422, ["currentPassword"]);
      expect(missing.message).toBe("Enter your current password.");
    }
    expect(snapshot(t.db)).toEqual(all);
    // A wrong one takes a slot.
    const wrong = await expectDomainError(() => deleteAccount(ctxAs(t.db, w.mara.id), { username: "mara", currentPassword: "not-it-at-all" }, dir.path), "Invalid", 422, ["currentPassword"]);
    expect(wrong.message).toBe("That is not your current password.");
    const { rate_windows: windowsAfter, ...after } = snapshot(t.db);
    expect(after).toEqual(before);
    expect(windowsAfter).toEqual([...windows!, { key: `password-check:${w.mara.id}`, count: 1, window_started_at: expect.any(Number) }]);
    expect(fs.readdirSync(dir.path).sort()).toEqual(files);
  });

  it("refuses an account that is gone (404)", async () => {
    await expectDomainError(() => deleteAccount(ctxAs(t.db, "00000000-0000-4000-8000-000000000000"), { username: "ghost" }, dir.path), "NotFound", 404);
  });

  it("keeps every counter exact when the member voted on much and wrote much", async () => {
    const mara = makeUser(t.db, "mara");
    const others = ["femi", "ines", "otto", "yuki"].map((n) => makeUser(t.db, n));
    const reviews: number[] = [];
    for (const [i, o] of others.entries()) reviews.push(await seedReview(t.db, o, { title: `Review ${i}` }));
    const own = await seedReview(t.db, mara, { title: "Mara's" });
    for (const [i, r] of reviews.entries()) {
      const c = await postComment(t.db, others[(i + 1) % others.length]!, r);
      await vote(t.db, mara, "review", r, "up", later(t.db, DAY));
      await vote(t.db, mara, "comment", c.id, "up", later(t.db, DAY));
      await postComment(t.db, mara, r, c.id);
      for (const o of others) if (o !== others[i]) await vote(t.db, o, "review", r, "up", later(t.db, DAY));
      await vote(t.db, others[i]!, "review", own, "up", later(t.db, DAY));
    }
    // Everyone published a scored review and wrote a comment; all but mara were replied to.
    const holders = () => Object.fromEntries(t.db.$client.prepare(`select slug, holder_count from badges where holder_count > 0`).raw().all() as [string, number][]);
    const monthlyUpvotes = () => t.db.$client.prepare(`select u.username, m.month, m.upvotes from monthly_scores m join users u on u.id = m.user_id order by u.username`).all();
    expect(holders()).toEqual({ "reviews-1": 5, "first-scored-review": 5, "comments-1": 5, "replies-1": 4 });
    expect(monthlyUpvotes()).toEqual([
      { username: "femi", month: "2025-03", upvotes: 5 },
      { username: "ines", month: "2025-03", upvotes: 5 },
      { username: "mara", month: "2025-03", upvotes: 4 },
      { username: "otto", month: "2025-03", upvotes: 5 },
      { username: "yuki", month: "2025-03", upvotes: 5 },
    ]);
    await deleteAccount(ctxAs(t.db, mara.id), { username: "mara" }, dir.path);
    // Her badges leave the holder counts; her two upvotes to each leave their month.
    expect(holders()).toEqual({ "reviews-1": 4, "first-scored-review": 4, "comments-1": 4, "replies-1": 4 });
    expect(monthlyUpvotes()).toEqual([
      { username: "femi", month: "2025-03", upvotes: 3 },
      { username: "ines", month: "2025-03", upvotes: 3 },
      { username: "otto", month: "2025-03", upvotes: 3 },
      { username: "yuki", month: "2025-03", upvotes: 3 },
    ]);
    expect(await allCounterDrift(t.db)).toEqual([]);
    expect(await recountAll(t.db, later(t.db, DAY))).toEqual(ZERO);
    expect(reviews.map((r) => upvoteCount(t.db, "review", r))).toEqual([3, 3, 3, 3]);
    expect(upvoteCount(t.db, "review", own)).toBe(4);
  });
});

describe("deleteAccount's member.left subscribers", () => {
  const t = perTestDb();
  const dir = perTestDir();

  it("take back what her votes and badges added to other rows, and record every page that showed those counts", async () => {
    // Rows written directly: the repairs alone, whatever the verbs that made them.
    const mara = makeUser(t.db, "mara");
    const femi = makeUser(t.db, "femi");
    const sql = fixtureWriter(t.db).$client;
    const publishedAt = Date.UTC(2025, 2, 1);
    const votedAt = Date.UTC(2025, 2, 10);
    const filmId = Number(sql.prepare(`insert into films (slug, title, title_key, year) values ('the-third-man-1949', 'The Third Man', 'the third man', 1949)`).run().lastInsertRowid);
    const reviewId = Number(
      sql
        .prepare(
          `insert into posts (slug, author_id, film_id, title, body_md, body_html, renderer_version, excerpt, status, published_at, upvote_count, hot_score, created_at, updated_at)
           values ('lime', ?, ?, 'Lime', 'x', '<p>x</p>', 1, 'x', 'published', ?, 1, 0, ?, ?)`,
        )
        .run(femi.id, filmId, publishedAt, publishedAt, publishedAt).lastInsertRowid,
    );
    sql.prepare(`insert into post_tags (post_id, tag) values (?, 'noir')`).run(reviewId);
    const commentId = Number(
      sql
        .prepare(
          `insert into comments (post_id, author_id, depth, path, body_md, body_html, renderer_version, upvote_count, created_at, updated_at)
           values (?, ?, 1, '0001', 'y', '<p>y</p>', 1, 1, ?, ?)`,
        )
        .run(reviewId, femi.id, votedAt, votedAt).lastInsertRowid,
    );
    sql.prepare(`insert into post_votes (user_id, post_id, created_at) values (?, ?, ?)`).run(mara.id, reviewId, votedAt);
    sql.prepare(`insert into comment_votes (user_id, comment_id, post_id, created_at) values (?, ?, ?, ?)`).run(mara.id, commentId, reviewId, votedAt);
    sql.prepare(`update users set upvotes_received = 2 where id = ?`).run(femi.id);
    sql.prepare(`insert into monthly_scores (user_id, month, upvotes) values (?, '2025-03', 2)`).run(femi.id);
    sql.prepare(`insert into user_badges (user_id, badge_slug, granted_at) values (?, 'reviews-1', ?)`).run(mara.id, votedAt);
    sql.prepare(`update badges set holder_count = holder_count + 1 where slug = 'reviews-1'`).run();
    const holders = () => t.db.$client.prepare(`select holder_count from badges where slug = 'reviews-1'`).pluck().get();
    expect(holders()).toBe(1);

    const { changes, ...result } = await deleteAccount(ctxAs(t.db, mara.id, new Date(Date.UTC(2025, 2, 20))), { username: "mara" }, dir.path);
    expect(result).toEqual({ drafts: 0, votesTakenBack: 2 });
    expect(rowById(t.db, "posts", reviewId)).toMatchObject({ upvote_count: 0 });
    expect(hotScoreOf(t.db, reviewId)).toBeCloseTo(expectedHot(0, publishedAt), 9);
    expect(rows(t.db, "comments")[0]).toMatchObject({ id: commentId, upvote_count: 0 });
    expect(userRow(t.db, femi.id)).toMatchObject({ upvotes_received: 0 });
    expect(rows(t.db, "monthly_scores")).toEqual([expect.objectContaining({ user_id: femi.id, month: "2025-03", upvotes: 0 })]);
    expect(holders()).toBe(0);
    expect(tagsFor(changes).sort()).toEqual(
      [
        `user:${mara.id}`,
        `user:${femi.id}`,
        "members",
        "ranking",
        "feed",
        `review:${reviewId}`,
        `film:${filmId}`,
        "tag:noir",
        "badge:reviews-1",
        "badges",
      ].sort(),
    );
  });
});
