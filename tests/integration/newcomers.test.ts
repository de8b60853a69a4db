import { describe, expect, it } from "vitest";
import { writeTx, type DB } from "@/db";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import type { Actor } from "@/lib/permissions";
import { recountAll } from "@/lib/maintenance/recount";
import { createReview } from "@/lib/reviews/create-review";
import { deleteReview } from "@/lib/reviews/delete-review";
import { editReview } from "@/lib/reviews/edit-review";
import { NEWCOMER_CONTRIBUTIONS, NEWCOMER_DAYS, adjustContributions, countPublishedReview, endFirstWeeks, isNewcomer, isNewcomerRow } from "@/lib/users/newcomer";
import { presenceTags } from "@/lib/users/presence";
import { perTestDb } from "../helpers/db";
import { commentForm, later, postComment } from "../helpers/comments";
import { DAY, HOUR, MINUTE, T0, at, makeUser, reviewForm, rowById, seedReview } from "../helpers/reviews";
import { RECOUNT_NOTHING, allCounterDrift, vote } from "../helpers/votes";
import { ageAccount, rows, snapshot, standing } from "../helpers/people";

const WEEK = NEWCOMER_DAYS * DAY;

/** A member whose account was made a month before T0: only their contributions keep them new. */
function veteran(db: DB, username: string): Actor {
  const actor = makeUser(db, username);
  ageAccount(db, actor, 30);
  return actor;
}

const firstReview = (db: DB, id: number) => rowById(db, "posts", id)!.first_review;

describe("isNewcomerRow", () => {
  it("is new while the account is younger than 7 days or has fewer than 3 published contributions", () => {
    expect([NEWCOMER_DAYS, NEWCOMER_CONTRIBUTIONS]).toEqual([7, 3]);
    const row = (ageMs: number, reviewCount: number, commentCount: number) => isNewcomerRow({ createdAt: new Date(T0.getTime() - ageMs), reviewCount, commentCount }, T0);
    expect(row(WEEK - 1, 10, 10)).toBe(true);
    expect(row(WEEK, 10, 10)).toBe(false);
    expect(row(WEEK, 1, 1)).toBe(true);
    expect(row(WEEK, 3, 0)).toBe(false);
    expect(row(WEEK, 0, 3)).toBe(false);
    expect(row(WEEK, 1, 2)).toBe(false);
    expect(row(365 * DAY, 0, 2)).toBe(true);
  });
});

describe("contributions and the New marker", () => {
  const t = perTestDb();

  it("adjustContributions moves the counts and flips the marker only when it changes, saying so", () => {
    const femi = veteran(t.db, "femi");
    const adjust = (delta: { reviews?: number; comments?: number }) => writeTx(t.db, (tx) => adjustContributions(tx, femi.id, delta, T0));
    expect(standing(t.db, femi)).toEqual({ reviews: 0, comments: 0, isNew: 1 });
    // It says whether the marker flipped, and the counts as they now stand (for the badge ladders).
    expect(adjust({ comments: 1 })).toEqual({ flipped: false, reviewCount: 0, commentCount: 1 });
    expect(adjust({ comments: 1 })).toEqual({ flipped: false, reviewCount: 0, commentCount: 2 });
    expect(standing(t.db, femi)).toEqual({ reviews: 0, comments: 2, isNew: 1 });
    expect(adjust({ reviews: 1 })).toEqual({ flipped: true, reviewCount: 1, commentCount: 2 });
    expect(standing(t.db, femi)).toEqual({ reviews: 1, comments: 2, isNew: 0 });
    expect(isNewcomer(t.db, femi, T0)).toBe(false);
    expect(adjust({ reviews: 2, comments: -1 })).toEqual({ flipped: false, reviewCount: 3, commentCount: 1 });
    expect(adjust({ reviews: -3 })).toEqual({ flipped: true, reviewCount: 0, commentCount: 1 });
    expect(standing(t.db, femi)).toEqual({ reviews: 0, comments: 1, isNew: 1 });
    // No account, or none given: nothing happens.
    const before = snapshot(t.db);
    const none = { flipped: false, reviewCount: 0, commentCount: 0 };
    expect(writeTx(t.db, (tx) => adjustContributions(tx, null, { comments: 5 }, T0))).toEqual(none);
    expect(writeTx(t.db, (tx) => adjustContributions(tx, "00000000-0000-4000-8000-000000000000", { comments: 5 }, T0))).toEqual(none);
    expect(snapshot(t.db)).toEqual(before);
    expect(isNewcomer(t.db, { id: "00000000-0000-4000-8000-000000000000" }, T0)).toBe(true);
  });

  it("counts a member's published reviews and live comments on published reviews through every verb", () => {
    const mara = makeUser(t.db, "mara");
    const femi = makeUser(t.db, "femi");
    const review = seedReview(t.db, mara);
    const draft = seedReview(t.db, mara, { title: "Unfinished", intent: "draft" });
    expect(standing(t.db, mara)).toMatchObject({ reviews: 1, comments: 0 });
    const a = postComment(t.db, femi, review);
    postComment(t.db, femi, review, a.id);
    const own = postComment(t.db, mara, review, a.id);
    expect([standing(t.db, mara), standing(t.db, femi)]).toEqual([
      { reviews: 1, comments: 1, isNew: 1 },
      { reviews: 0, comments: 2, isNew: 1 },
    ]);
    deleteComment(t.db, femi, a.id, later(t.db));
    deleteComment(t.db, mara, own.id, later(t.db));
    expect([standing(t.db, mara), standing(t.db, femi)]).toEqual([
      { reviews: 1, comments: 0, isNew: 1 },
      { reviews: 0, comments: 1, isNew: 1 },
    ]);
    editReview(t.db, mara, draft, reviewForm({ title: "Unfinished", intent: "publish" }), later(t.db));
    expect(standing(t.db, mara)).toMatchObject({ reviews: 2 });
    // A later edit of a published review counts nothing more.
    editReview(t.db, mara, draft, reviewForm({ title: "Finished now" }), later(t.db, DAY));
    expect(standing(t.db, mara)).toMatchObject({ reviews: 2 });
    postComment(t.db, mara, draft);
    deleteReview(t.db, mara, review, later(t.db, 2 * DAY));
    expect([standing(t.db, mara), standing(t.db, femi)]).toEqual([
      { reviews: 1, comments: 1, isNew: 1 },
      { reviews: 0, comments: 0, isNew: 1 },
    ]);
    // Deleting a draft changes no count.
    const other = seedReview(t.db, mara, { title: "Another draft", intent: "draft" });
    deleteReview(t.db, mara, other, later(t.db, 3 * DAY));
    expect(standing(t.db, mara)).toMatchObject({ reviews: 1, comments: 1 });
    expect(allCounterDrift(t.db, later(t.db, 3 * DAY))).toEqual([]);
    expect(recountAll(t.db, later(t.db, 3 * DAY))).toMatchObject({ contributions: 0, newcomers: 0 });
  });

  it("flips a month-old member's marker with their third contribution, and back, and the verbs say whose flipped", () => {
    const mara = veteran(t.db, "mara");
    const femi = veteran(t.db, "femi");
    const review = seedReview(t.db, mara, {}, at(MINUTE)); // mara: 1
    const comments = [postComment(t.db, femi, review), postComment(t.db, femi, review)]; // femi: 2
    let step = 0;
    const next = () => later(t.db, ++step * MINUTE); // postComment's clock does not see createComment
    const third = createComment(t.db, femi.id, commentForm(review, { body: "My third." }), next());
    expect(third.newcomerFlipped).toEqual([femi.id]);
    expect(standing(t.db, femi)).toEqual({ reviews: 0, comments: 3, isNew: 0 });
    // A fourth flips nothing.
    expect(createComment(t.db, femi.id, commentForm(review, { body: "My fourth." }), next()).newcomerFlipped).toEqual([]);
    expect(deleteComment(t.db, femi, third.comment.id, next()).newcomerFlipped).toEqual([]);
    expect(deleteComment(t.db, femi, comments[0]!.id, next()).newcomerFlipped).toEqual([femi.id]);
    expect(standing(t.db, femi)).toEqual({ reviews: 0, comments: 2, isNew: 1 });

    // mara: two more reviews, one published at once and one from a draft.
    const second = createReview(t.db, mara.id, reviewForm({ title: "Second" }), next());
    expect(second.newcomerFlipped).toEqual([]);
    const draft = createReview(t.db, mara.id, reviewForm({ title: "Third", intent: "draft" }), next());
    expect(draft.newcomerFlipped).toEqual([]);
    const published = editReview(t.db, mara, draft.id, reviewForm({ title: "Third", intent: "publish" }), next());
    expect(published).toMatchObject({ status: "published", newcomerFlipped: [mara.id] });
    expect(standing(t.db, mara)).toEqual({ reviews: 3, comments: 0, isNew: 0 });

    // Deleting the review with femi's two comments on it flips mara (2 reviews left: new) and femi (0).
    const gone = deleteReview(t.db, mara, review, next());
    expect(gone.newcomerFlipped).toEqual([mara.id]);
    expect(standing(t.db, femi)).toEqual({ reviews: 0, comments: 0, isNew: 1 });
    expect(allCounterDrift(t.db, next())).toEqual([]);
  });

  it("deleting a review flips each of its commenters whose contributions drop below three", () => {
    const mara = veteran(t.db, "mara");
    const femi = veteran(t.db, "femi");
    const ines = veteran(t.db, "ines");
    const review = seedReview(t.db, mara);
    seedReview(t.db, ines, { title: "Ines's own" });
    for (let i = 0; i < 3; i++) postComment(t.db, femi, review);
    postComment(t.db, ines, review);
    postComment(t.db, ines, review);
    expect([standing(t.db, femi)!.isNew, standing(t.db, ines)!.isNew]).toEqual([0, 0]);
    const result = deleteReview(t.db, mara, review, later(t.db));
    expect([...result.newcomerFlipped].sort()).toEqual([femi.id, ines.id].sort());
    expect([standing(t.db, mara), standing(t.db, femi), standing(t.db, ines)]).toEqual([
      { reviews: 0, comments: 0, isNew: 1 },
      { reviews: 0, comments: 0, isNew: 1 },
      { reviews: 1, comments: 0, isNew: 1 },
    ]);
    expect(allCounterDrift(t.db, later(t.db))).toEqual([]);
  });

  it("keeps a week-young member new whatever they write, until endFirstWeeks after their seventh day", () => {
    const mara = makeUser(t.db, "mara");
    const femi = makeUser(t.db, "femi");
    const ines = makeUser(t.db, "ines");
    for (const a of [mara, femi, ines]) ageAccount(t.db, a, 0); // made at T0
    const review = seedReview(t.db, mara, {}, at(MINUTE));
    for (let i = 0; i < 3; i++) expect(createComment(t.db, femi.id, commentForm(review, { body: `Young ${i}` }), at((i + 2) * HOUR)).newcomerFlipped).toEqual([]);
    postComment(t.db, ines, review);
    expect(standing(t.db, femi)).toEqual({ reviews: 0, comments: 3, isNew: 1 });

    expect(endFirstWeeks(t.db, at(WEEK - 1))).toEqual([]);
    expect(standing(t.db, femi)!.isNew).toBe(1);
    const before = snapshot(t.db);
    expect(endFirstWeeks(t.db, at(WEEK))).toEqual([femi.id]);
    // Only femi's marker moved: mara and ines have too few contributions.
    const after = snapshot(t.db);
    expect(after.users!.filter((u, i) => JSON.stringify(u) !== JSON.stringify(before.users![i])).map((u) => [u.username, u.is_new])).toEqual([["femi", 0]]);
    expect({ ...after, users: [] }).toEqual({ ...before, users: [] });
    expect(endFirstWeeks(t.db, at(2 * WEEK))).toEqual([]);
    expect(allCounterDrift(t.db, at(WEEK))).toEqual([]);
  });
});

describe("first reviews", () => {
  const t = perTestDb();

  it("marks a newcomer's first published review, and none after it", () => {
    const mara = makeUser(t.db, "mara");
    const first = seedReview(t.db, mara, { title: "One" });
    const second = seedReview(t.db, mara, { title: "Two" });
    expect([firstReview(t.db, first), firstReview(t.db, second)]).toEqual([1, 0]);
    // An edit keeps the mark.
    editReview(t.db, mara, first, reviewForm({ title: "One, revised" }), at(DAY));
    expect(firstReview(t.db, first)).toBe(1);
  });

  it("marks a draft published through an edit when it is the first, and not a draft saved", () => {
    const mara = makeUser(t.db, "mara");
    const draft = seedReview(t.db, mara, { title: "Draft", intent: "draft" });
    expect(firstReview(t.db, draft)).toBe(0);
    editReview(t.db, mara, draft, reviewForm({ title: "Draft", intent: "draft", body: "More words." }), at(HOUR));
    expect(firstReview(t.db, draft)).toBe(0);
    editReview(t.db, mara, draft, reviewForm({ title: "Draft", intent: "publish" }), at(2 * HOUR));
    expect(firstReview(t.db, draft)).toBe(1);
  });

  it("does not mark a draft published after another review went out first", () => {
    const mara = makeUser(t.db, "mara");
    const draft = seedReview(t.db, mara, { title: "Slow one", intent: "draft" });
    const quick = seedReview(t.db, mara, { title: "Quick one" }, at(HOUR));
    editReview(t.db, mara, draft, reviewForm({ title: "Slow one", intent: "publish" }), at(2 * HOUR));
    expect([firstReview(t.db, draft), firstReview(t.db, quick)]).toEqual([0, 1]);
  });

  it("does not mark a review after an earlier one was published and deleted", () => {
    const mara = makeUser(t.db, "mara");
    const gone = seedReview(t.db, mara, { title: "Regretted" });
    deleteReview(t.db, mara, gone, at(HOUR));
    const again = seedReview(t.db, mara, { title: "Second go" }, at(2 * HOUR));
    expect([firstReview(t.db, gone), firstReview(t.db, again)]).toEqual([1, 0]);
  });

  it("does not mark the first review of a member who is no longer a newcomer", () => {
    const mara = makeUser(t.db, "mara");
    const femi = veteran(t.db, "femi");
    const review = seedReview(t.db, mara);
    for (let i = 0; i < 3; i++) postComment(t.db, femi, review);
    expect(standing(t.db, femi)!.isNew).toBe(0);
    const his = seedReview(t.db, femi, { title: "Femi's first" }, later(t.db));
    expect(firstReview(t.db, his)).toBe(0);
  });

  it("countPublishedReview counts the review and says whether it is a newcomer's first", () => {
    const mara = makeUser(t.db, "mara");
    const result = writeTx(t.db, (tx) => countPublishedReview(tx, mara.id, null, T0));
    expect(result).toEqual({ first: true, flipped: false, reviewCount: 1, commentCount: 0 });
    expect(standing(t.db, mara)).toMatchObject({ reviews: 1 });
  });
});

describe("presenceTags", () => {
  const t = perTestDb();

  it("lists the member's profile, the member lists, and every page that shows them", () => {
    const mara = makeUser(t.db, "mara");
    const femi = makeUser(t.db, "femi");
    const mod = makeUser(t.db, "modest", "moderator");
    const own = seedReview(t.db, femi, { title: "Femi's", tags: "noir, vienna" });
    const ownSolaris = seedReview(t.db, femi, { title: "Femi on Solaris", tags: "space", filmTitle: "Solaris", filmYear: "1972" });
    const draft = seedReview(t.db, femi, { title: "Femi's draft", tags: "drafty", filmTitle: "Stalker", filmYear: "1979", intent: "draft" });
    const commented = seedReview(t.db, mara, { title: "Commented on" });
    const votedReview = seedReview(t.db, mara, { title: "Voted on" });
    const votedComment = seedReview(t.db, mara, { title: "Comment voted on" });
    const edited = seedReview(t.db, mara, { title: "Moderated" });
    const untouched = seedReview(t.db, mara, { title: "Never seen by femi" });
    postComment(t.db, femi, commented);
    vote(t.db, femi, "review", votedReview, "up", later(t.db));
    const c = postComment(t.db, mara, votedComment);
    vote(t.db, femi, "comment", c.id, "up", later(t.db));
    editReview(t.db, mod, edited, reviewForm({ title: "Moderated", body: "Tidied by a moderator." }), at(DAY));

    const film = (id: number) => rowById(t.db, "posts", id)!.film_id as number;
    const held = t.db.$client.prepare("select badge_slug from user_badges where user_id = ?").pluck().all(femi.id) as string[];
    expect(held.length).toBeGreaterThan(0);
    const tags = presenceTags(t.db, femi.id);
    expect(new Set(tags)).toEqual(
      new Set([
        `user:${femi.id}`,
        "members",
        "ranking",
        ...held.map((slug) => `badge:${slug}`),
        "feed",
        ...[own, ownSolaris, draft, commented, votedReview, votedComment].map((id) => `review:${id}`),
        `film:${film(own)}`,
        `film:${film(ownSolaris)}`,
        "tag:noir",
        "tag:vienna",
        "tag:space",
      ]),
    );
    expect(tags).not.toContain(`review:${untouched}`);
    expect(tags).not.toContain(`film:${film(draft)}`);
    expect(presenceTags(t.db, mod.id)).toEqual(expect.arrayContaining([`review:${edited}`]));
  });

  it("lists only the profile, the member lists and the Ranking for a member who has done nothing", () => {
    const ines = makeUser(t.db, "ines");
    expect(presenceTags(t.db, ines.id)).toEqual([`user:${ines.id}`, "members", "ranking"]);
  });
});

describe("recountAll: contributions and newcomers", () => {
  const t = perTestDb();

  it("puts drifted contribution counts and New markers right, and reports how many rows it fixed", () => {
    const mara = veteran(t.db, "mara");
    const femi = veteran(t.db, "femi");
    const ines = makeUser(t.db, "ines");
    const review = seedReview(t.db, mara);
    for (let i = 0; i < 3; i++) postComment(t.db, femi, review);
    const now = later(t.db);
    expect(recountAll(t.db, now)).toMatchObject({ contributions: 0, newcomers: 0 });
    const exact = snapshot(t.db);

    const set = (sql: string, id: string) => t.db.$client.prepare(sql).run(id);
    set(`update users set review_count = 5 where id = ?`, mara.id);
    set(`update users set comment_count = 0 where id = ?`, femi.id);
    set(`update users set is_new = 0 where id = ?`, ines.id);
    const fixed = recountAll(t.db, now);
    expect(fixed).toEqual({ ...RECOUNT_NOTHING, contributions: 2, newcomers: 1 });
    expect(snapshot(t.db)).toEqual(exact);
    expect(standing(t.db, femi)).toEqual({ reviews: 0, comments: 3, isNew: 0 });
  });

  it("turns a marker that ran past its week off, given the time", () => {
    const femi = makeUser(t.db, "femi");
    ageAccount(t.db, femi, 0);
    const mara = makeUser(t.db, "mara");
    const review = seedReview(t.db, mara);
    for (let i = 0; i < 3; i++) postComment(t.db, femi, review);
    expect(recountAll(t.db, at(WEEK - 1)).newcomers).toBe(0);
    expect(recountAll(t.db, at(WEEK)).newcomers).toBe(1);
    expect(standing(t.db, femi)).toEqual({ reviews: 0, comments: 3, isNew: 0 });
    expect(rows(t.db, "users").map((u) => [u.username, u.is_new])).toEqual([
      ["femi", 0],
      ["mara", 1],
    ]);
  });
});
