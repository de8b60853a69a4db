import { describe, expect, it } from "vitest";
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
import { DAY, expectDomainError, makeUser, makeUsers, rowById, seedReview } from "../helpers/reviews";
import { RECOUNT_NOTHING, allCounterDrift, expectedHot, hotScoreOf, upvoteCount, upvotesReceived, vote, voteKeys } from "../helpers/votes";
import { PASSWORD, makeImage, makePasswordUser, noticeList, rows, snapshot, userRow } from "../helpers/people";
import { sqlAll, sqlRun, sqlValue } from "@/tests/helpers/sql";

const ZERO = RECOUNT_NOTHING;

/** Each stored avatar as [name, owner], by name. */
const storedAvatars = async (db: DB) => (await sqlAll<{ name: string; user_id: string }>(db, `select name, user_id from avatar_files order by name`)).map((r) => [r.name, r.user_id]);

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
async function world(db: DB) {
  const mara = await makePasswordUser(db, "mara");
  const femi = await makeUser(db, "femi");
  const ines = await makeUser(db, "ines");
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
  await sqlRun(fixtureWriter(db), `insert into accounts (user_id, type, provider, provider_account_id) values (?, 'oidc', 'example', 'mara-at-example')`, mara.id);
  await sqlRun(fixtureWriter(db), `insert into accounts (user_id, type, provider, provider_account_id) values (?, 'oidc', 'example', 'femi-at-example')`, femi.id);
  const avatar = await uploadAvatar(ctxAs(db, mara.id), { bytes: await makeImage("png", 40, 40), type: "image/png" });
  const femisAvatar = await uploadAvatar(ctxAs(db, femi.id), { bytes: await makeImage("png", 40, 40), type: "image/png" });
  return { mara, femi, ines, marasReview, draft, femisReview, doomedReview, inesComment, femisComment, marasComment, marasReply, avatar, femisAvatar };
}

describe("deleteAccount", () => {
  const t = perTestDb();

  it("deletes the account and what is only theirs, keeps what they published as by no one, and takes back their votes' counts", async () => {
    const w = await world(t.db);
    const { mara, femi, ines } = w;
    expect(await recountAll(t.db, later(t.db))).toEqual(ZERO);
    const before = {
      femisReview: await upvoteCount(t.db, "review", w.femisReview),
      inesComment: await upvoteCount(t.db, "comment", w.inesComment.id),
      femisComment: await upvoteCount(t.db, "comment", w.femisComment.id),
      femi: await upvotesReceived(t.db, femi),
      ines: await upvotesReceived(t.db, ines),
      marasReview: await rowById(t.db, "posts", w.marasReview),
    };
    expect(before).toMatchObject({ femisReview: 2, inesComment: 2, femisComment: 1, femi: 3, ines: 3 });
    const noticesBefore = await noticeList(t.db);
    const films = await rows(t.db, "films");
    const viewsBefore = await rows(t.db, "post_views");
    expect(viewsBefore.filter((v) => v.viewer_key === `u:${mara.id}`)).toHaveLength(2);
    const viewCounts = (await Promise.all([w.femisReview, w.marasReview].map(async (id) => (await rowById(t.db, "posts", id))!.view_count)));
    expect(viewCounts).toEqual([3, 2]);

    expect(await storedAvatars(t.db)).toEqual(
      [w.avatar, w.femisAvatar].map((a, i) => [a.url.slice("/avatars/".length), [mara.id, femi.id][i]]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );

    const { changes, ...result } = await deleteAccount(ctxAs(t.db, mara.id), { username: "MARA", currentPassword: PASSWORD });
    expect(result).toEqual({ drafts: 1, votesTakenBack: 4 });
    // Every page that named her, and every count her votes made: the reviews and comments she
    // upvoted, their authors' profiles, the Ranking, the directory and the badges she held.
    const film = async (id: number) => (await rowById(t.db, "posts", id))!.film_id as number;
    expect(tagsFor(changes)).toEqual(
      expect.arrayContaining([
        `user:${mara.id}`,
        `user:${femi.id}`,
        `user:${ines.id}`,
        "members",
        "ranking",
        "feed",
        ...[w.marasReview, w.femisReview, w.doomedReview].map((id) => `review:${id}`),
        `film:${await film(w.marasReview)}`,
        `film:${await film(w.femisReview)}`,
      ]),
    );

    // The account and everything only hers.
    expect(await userRow(t.db, mara.id)).toBeUndefined();
    expect(await rowById(t.db, "posts", w.draft)).toBeUndefined();
    expect(await rows(t.db, "post_revisions", `where post_id = ${w.draft}`)).toEqual([]);
    expect(await rows(t.db, "post_tags", `where post_id = ${w.draft}`)).toEqual([]);
    expect((await rows(t.db, "accounts")).map((a) => a.provider_account_id)).toEqual(["femi-at-example"]);
    expect((await rows(t.db, "rate_windows")).filter((r) => String(r.key).endsWith(mara.id))).toEqual([]);
    expect((await rows(t.db, "rate_windows")).filter((r) => String(r.key).endsWith(femi.id)).length).toBeGreaterThan(0);
    expect((await voteKeys(t.db)).filter((k) => k.startsWith(mara.id))).toEqual([]);
    expect(await voteKeys(t.db)).toHaveLength(5);
    // Her review views go (their keys name her); others' stay, and the view counts stand.
    expect(await rows(t.db, "post_views")).toEqual(viewsBefore.filter((v) => v.viewer_key !== `u:${mara.id}`));
    expect(await rows(t.db, "post_views")).toHaveLength(3);
    expect((await Promise.all([w.femisReview, w.marasReview].map(async (id) => (await rowById(t.db, "posts", id))!.view_count)))).toEqual(viewCounts);

    // What she published stays, by no one, with the votes others gave it.
    expect(await rowById(t.db, "posts", w.marasReview)).toEqual({ ...before.marasReview, author_id: null });
    for (const c of [w.marasComment, w.marasReply]) expect((await rows(t.db, "comments", `where id = ${c.id}`))[0]).toMatchObject({ author_id: null, deleted_at: null });
    expect((await rows(t.db, "post_revisions", `where post_id = ${w.marasReview}`))[0]).toMatchObject({ editor_id: null });
    expect((await rows(t.db, "comment_revisions", `where comment_id = ${w.marasComment.id}`))[0]).toMatchObject({ editor_id: null });

    // The counts her votes made are taken back.
    expect(await upvoteCount(t.db, "review", w.femisReview)).toBe(1);
    expect(await hotScoreOf(t.db, w.femisReview)).toBeCloseTo(expectedHot(1, (await rowById(t.db, "posts", w.femisReview))!.published_at as number), 9);
    expect(await upvoteCount(t.db, "review", w.doomedReview)).toBe(0);
    expect(await hotScoreOf(t.db, w.doomedReview)).toBe(0);
    expect(await upvoteCount(t.db, "comment", w.inesComment.id)).toBe(1);
    expect(await upvoteCount(t.db, "comment", w.femisComment.id)).toBe(0);
    expect([await upvotesReceived(t.db, femi), await upvotesReceived(t.db, ines)]).toEqual([before.femi - 2, before.ines - 2]);
    expect(await allCounterDrift(t.db)).toEqual([]);
    expect(await recountAll(t.db, later(t.db))).toEqual(ZERO);
    expect(await rows(t.db, "films")).toEqual(films);

    // Her notices are gone; those she caused stay, by no one.
    const expected = noticesBefore.filter((n) => n[0] !== "mara").map((n) => (n[2] === "mara" ? [n[0], n[1], null, ...n.slice(3)] : n));
    expect(await noticeList(t.db)).toEqual(expected);
    expect(expected.some((n) => n[1] === "mention" && n[2] === null)).toBe(true);

    // Her uploaded avatar is gone with her; femi's stays.
    expect(await storedAvatars(t.db)).toEqual([[w.femisAvatar.url.slice("/avatars/".length), femi.id]]);
  });

  it("frees the username and email for a new account", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    await deleteAccount(ctxAs(t.db, mara.id), { username: "mara", currentPassword: PASSWORD });
    const again = await makeUser(t.db, "Mara");
    expect(await userRow(t.db, again.id)).toMatchObject({ username_key: "mara", email: "mara@example.com" });
  });

  it("needs only the username from an account without a password", async () => {
    const femi = await makeUser(t.db, "Femi_O");
    const { changes: _changes, ...result } = await deleteAccount(ctxAs(t.db, femi.id), { username: " femi_o " });
    expect(result).toEqual({ drafts: 0, votesTakenBack: 0 });
    expect(await rows(t.db, "users")).toEqual([]);
  });

  it("refuses a username that is not the account's (422 on username), changing nothing", async () => {
    const w = await world(t.db);
    const before = await snapshot(t.db);
    for (const username of ["femi", "", "mara2", undefined, 42]) {
      const err = await expectDomainError(() => deleteAccount(ctxAs(t.db, w.mara.id), { username, currentPassword: PASSWORD }), "Invalid", 422, ["username"]);
      expect(err.message).toBe("Type your username, mara, to confirm.");
    }
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a wrong or missing current password (422 on currentPassword), changing nothing but the wrong attempt's count", async () => {
    const w = await world(t.db);
    const all = await snapshot(t.db);
    const { rate_windows: windows, ...before } = all;
    // A missing password (or one that is not a string) is refused before any attempt is counted.
    for (const currentPassword of [undefined, "", 12345]) {
      const missing = await expectDomainError(() => deleteAccount(ctxAs(t.db, w.mara.id), { username: "mara", currentPassword }), "Invalid", 422, ["currentPassword"]);
      expect(missing.message).toBe("Enter your current password.");
    }
    expect(await snapshot(t.db)).toEqual(all);
    // A wrong one takes a slot.
    const wrong = await expectDomainError(() => deleteAccount(ctxAs(t.db, w.mara.id), { username: "mara", currentPassword: "not-it-at-all" }), "Invalid", 422, ["currentPassword"]);
    expect(wrong.message).toBe("That is not your current password.");
    const { rate_windows: windowsAfter, ...after } = await snapshot(t.db);
    expect(after).toEqual(before);
    // By key: PostgreSQL keeps no insertion order.
    const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.key).localeCompare(String(b.key));
    expect([...windowsAfter!].sort(byKey)).toEqual([...windows!, { key: `password-check:${w.mara.id}`, count: 1, window_started_at: expect.any(Number) }].sort(byKey));
  });

  it("refuses an account that is gone (404)", async () => {
    await expectDomainError(() => deleteAccount(ctxAs(t.db, "00000000-0000-4000-8000-000000000000"), { username: "ghost" }), "NotFound", 404);
  });

  it("keeps every counter exact when the member voted on much and wrote much", async () => {
    const mara = await makeUser(t.db, "mara");
    const others = await makeUsers(t.db, "femi", "ines", "otto", "yuki");
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
    const holders = async () => Object.fromEntries((await sqlAll<{ slug: string; n: number }>(t.db, `select slug, holder_count as n from badges where holder_count > 0`)).map((r) => [r.slug, r.n]));
    const monthlyUpvotes = async () => await sqlAll(t.db, `select u.username, m.month, m.upvotes from monthly_scores m join users u on u.id = m.user_id order by u.username`);
    expect(await holders()).toEqual({ "reviews-1": 5, "first-scored-review": 5, "comments-1": 5, "replies-1": 4 });
    expect(await monthlyUpvotes()).toEqual([
      { username: "femi", month: "2025-03", upvotes: 5 },
      { username: "ines", month: "2025-03", upvotes: 5 },
      { username: "mara", month: "2025-03", upvotes: 4 },
      { username: "otto", month: "2025-03", upvotes: 5 },
      { username: "yuki", month: "2025-03", upvotes: 5 },
    ]);
    await deleteAccount(ctxAs(t.db, mara.id), { username: "mara" });
    // Her badges leave the holder counts; her two upvotes to each leave their month.
    expect(await holders()).toEqual({ "reviews-1": 4, "first-scored-review": 4, "comments-1": 4, "replies-1": 4 });
    expect(await monthlyUpvotes()).toEqual([
      { username: "femi", month: "2025-03", upvotes: 3 },
      { username: "ines", month: "2025-03", upvotes: 3 },
      { username: "otto", month: "2025-03", upvotes: 3 },
      { username: "yuki", month: "2025-03", upvotes: 3 },
    ]);
    expect(await allCounterDrift(t.db)).toEqual([]);
    expect(await recountAll(t.db, later(t.db, DAY))).toEqual(ZERO);
    expect((await Promise.all(reviews.map(async (r) => await upvoteCount(t.db, "review", r))))).toEqual([3, 3, 3, 3]);
    expect(await upvoteCount(t.db, "review", own)).toBe(4);
  });
});

describe("deleteAccount's member.left subscribers", () => {
  const t = perTestDb();

  it("take back what her votes and badges added to other rows, and record every page that showed those counts", async () => {
    // Rows written directly: the repairs alone, whatever the verbs that made them.
    const mara = await makeUser(t.db, "mara");
    const femi = await makeUser(t.db, "femi");
    const w = fixtureWriter(t.db);
    const publishedAt = Date.UTC(2025, 2, 1);
    const votedAt = Date.UTC(2025, 2, 10);
    const [published, voted] = [new Date(publishedAt), new Date(votedAt)];
    const filmId = await sqlValue<number>(w, `insert into films (slug, title, title_key, year) values ('the-third-man-1949', 'The Third Man', 'the third man', 1949) returning id`);
    const reviewId = await sqlValue<number>(
      w,
      `insert into posts (slug, author_id, film_id, title, body_md, body_html, renderer_version, excerpt, status, published_at, upvote_count, hot_score, created_at, updated_at)
       values ('lime', ?, ?, 'Lime', 'x', '<p>x</p>', 1, 'x', 'published', ?, 1, 0, ?, ?) returning id`,
      femi.id, filmId, published, published, published,
    );
    await sqlRun(w, `insert into post_tags (post_id, tag) values (?, 'noir')`, reviewId);
    const commentId = await sqlValue<number>(
      w,
      `insert into comments (post_id, author_id, depth, path, body_md, body_html, renderer_version, upvote_count, created_at, updated_at)
       values (?, ?, 1, '0001', 'y', '<p>y</p>', 1, 1, ?, ?) returning id`,
      reviewId, femi.id, voted, voted,
    );
    await sqlRun(w, `insert into post_votes (user_id, post_id, created_at) values (?, ?, ?)`, mara.id, reviewId, voted);
    await sqlRun(w, `insert into comment_votes (user_id, comment_id, post_id, created_at) values (?, ?, ?, ?)`, mara.id, commentId, reviewId, voted);
    await sqlRun(w, `update users set upvotes_received = 2 where id = ?`, femi.id);
    await sqlRun(w, `insert into monthly_scores (user_id, month, upvotes) values (?, '2025-03', 2)`, femi.id);
    await sqlRun(w, `insert into user_badges (user_id, badge_slug, granted_at) values (?, 'reviews-1', ?)`, mara.id, voted);
    await sqlRun(w, `update badges set holder_count = holder_count + 1 where slug = 'reviews-1'`);
    const holders = async () => await sqlValue(t.db, `select holder_count from badges where slug = 'reviews-1'`);
    expect(await holders()).toBe(1);

    const { changes, ...result } = await deleteAccount(ctxAs(t.db, mara.id, new Date(Date.UTC(2025, 2, 20))), { username: "mara" });
    expect(result).toEqual({ drafts: 0, votesTakenBack: 2 });
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ upvote_count: 0 });
    expect(await hotScoreOf(t.db, reviewId)).toBeCloseTo(expectedHot(0, publishedAt), 9);
    expect((await rows(t.db, "comments"))[0]).toMatchObject({ id: commentId, upvote_count: 0 });
    expect(await userRow(t.db, femi.id)).toMatchObject({ upvotes_received: 0 });
    expect(await rows(t.db, "monthly_scores")).toEqual([expect.objectContaining({ user_id: femi.id, month: "2025-03", upvotes: 0 })]);
    expect(await holders()).toBe(0);
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
