import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { DomainError, type DomainErrorKind } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { recountAll } from "@/lib/maintenance/recount";
import { deleteReview } from "@/lib/reviews/delete-review";
import { castVote } from "@/lib/votes/cast-vote";
import { createTestDb, ctxAs, fixtureWriter } from "../helpers/db";
import { setTestEnv } from "../helpers/env";
import { DAY, T0, at, makeUser, seedReview } from "../helpers/reviews";
import { clearEnv, commentForm, makeRegular, postComment } from "../helpers/comments";
import { RECOUNT_NOTHING, allCounterDrift, snapshot, vote, voteKeys, voteRowProblems, type CounterCheck } from "../helpers/votes";
import { sqlAll, sqlColumn, sqlRun } from "@/tests/helpers/sql";

// The counter invariant for votes: whatever sequence of votes, undos, repeated votes, self-votes,
// deletions and new comments by several people, every stored counter (upvotes, upvotes received,
// hot scores, comment and reply counts, members' published reviews and comments and their "New"
// markers, badge points, replies received, views received, badge holder counts, film totals)
// equals a recount from rows after every step, and a model of who voted for
// what matches the vote rows. Each refusal is predicted from the model (rate limits aside) and
// changes nothing.

const ZERO = RECOUNT_NOTHING;

const actor = fc.integer({ min: 0, max: 3 });
const pick = fc.nat();
const target = fc.constantFrom("review" as const, "comment" as const);
const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("vote" as const), actor, target, pick, value: fc.constantFrom("up" as const, "none" as const) }), weight: 6 },
  // The opposite of the voter's current state: an upvote or an undo that counts, unless refused.
  { arbitrary: fc.record({ kind: fc.constant("flip" as const), actor, target, pick }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant("again" as const) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("self" as const), actor, pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("comment" as const), actor, review: pick, parent: fc.option(pick, { nil: null }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("deleteComment" as const), actor, pick }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("deleteReview" as const), actor, pick }), weight: 1 },
);
// Mostly a few seconds apart (vote and comment rate limits come up), sometimes a minute or more.
const step = fc.record({ op, seconds: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 90 }), weight: 1 }) });

type Item = { id: number; author: number; deleted: boolean };
type CastOp = { who: number; type: "review" | "comment"; id: number; value: "up" | "none" };
type Model = { reviews: Item[]; comments: (Item & { reviewId: number })[]; votes: Set<string> };

const key = (userId: string, type: "review" | "comment", id: number) => `${userId}:${type === "review" ? "r" : "c"}${id}`;

/** Runs `fn` and returns the DomainError kind it threw, or null; any other error fails the test. */
async function attempt(fn: () => unknown): Promise<DomainErrorKind | null> {
  try {
    await fn();
    return null;
  } catch (err) {
    if (err instanceof DomainError) return err.kind;
    throw err;
  }
}

describe("vote counters under random votes, undos, deletions and new comments", () => {
  // Limits low enough that random sequences run into them, so refused votes are checked too.
  const LIMITS = { VOTE_BURST_PER_MINUTE: "3", VOTE_DAILY_CAP: "40", VOTE_NEWCOMER_BURST_PER_MINUTE: "1", VOTE_NEWCOMER_DAILY_CAP: "12" };
  beforeEach(() => setTestEnv(LIMITS));
  afterEach(() => clearEnv(...Object.keys(LIMITS)));

  // Fifty fresh databases and a full recount after every step: seconds of work, more on a loaded machine.
  it("always equal an independent recount, and recountAll finds nothing to correct", { timeout: 240_000 }, async () => {
    const done = { up: 0, undo: 0, noop: 0, again: 0, selfRefused: 0, voteGone: 0, voteRateLimited: 0, comment: 0, commentDeleted: 0, reviewDeleted: 0, forbiddenDelete: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 60, size: "max" }), async (steps) => {
        const t = await createTestDb();
        try {
          // Two regulars (mara writes two of the reviews, ines one), a newcomer, and a moderator who is one too.
          const actors: Actor[] = [await makeRegular(t.db, "mara"), await makeRegular(t.db, "ines"), await makeUser(t.db, "femi"), await makeUser(t.db, "modest", "moderator")];
          const model: Model = {
            reviews: [
              { id: await seedReview(t.db, actors[0]!, { title: "The Third Man" }, at(-DAY)), author: 0, deleted: false },
              { id: await seedReview(t.db, actors[0]!, { title: "Solaris", filmTitle: "Solaris", filmYear: "1972", score: "9" }), author: 0, deleted: false },
              { id: await seedReview(t.db, actors[1]!, { title: "Stalker", filmTitle: "Stalker", filmYear: "1979", score: "" }), author: 1, deleted: false },
            ],
            comments: [],
            votes: new Set(),
          };
          let clock = T0.getTime();
          let serial = 0;
          let last: CastOp | null = null;

          /** Casts a vote, checks the outcome against the model's prediction, and updates the model. */
          const castAndCheck = async (who: number, type: "review" | "comment", item: Item & { reviewId?: number }, value: "up" | "none", now: Date) => {
            const user = actors[who]!;
            const k = key(user.id, type, item.id);
            const reviewGone = type === "review" ? item.deleted : model.reviews.find((r) => r.id === item.reviewId)!.deleted;
            const expected: DomainErrorKind | "noop" | "change" = reviewGone || item.deleted ? "Gone" : item.author === who ? "Forbidden" : model.votes.has(k) === (value === "up") ? "noop" : "change";
            let changed: boolean | undefined;
            const kind = await attempt(async () => (changed = (await castVote(ctxAs(t.db, user, now), { type, id: item.id, value })).changed));
            if (expected === "change" && kind === "RateLimited") {
              done.voteRateLimited++;
              return;
            }
            expect(kind ?? (changed ? "change" : "noop")).toBe(expected);
            if (expected === "Gone") done.voteGone++;
            else if (expected === "Forbidden") done.selfRefused++;
            else if (expected === "noop") done.noop++;
            else if (value === "up") {
              model.votes.add(k);
              done.up++;
            } else {
              model.votes.delete(k);
              done.undo++;
            }
          };

          /** The vote a "vote" or "flip" step posts, or null while there is nothing of that type. */
          const chooseVote = (op: { actor: number; target: "review" | "comment"; pick: number; value?: "up" | "none" }): CastOp | null => {
            const items = op.target === "review" ? model.reviews : model.comments;
            if (!items.length) return null;
            const id = items[op.pick % items.length]!.id;
            const value = op.value ?? (model.votes.has(key(actors[op.actor]!.id, op.target, id)) ? "none" : "up");
            return { who: op.actor, type: op.target, id, value };
          };

          for (const { op, seconds } of steps) {
            clock += seconds * 1000;
            const now = new Date(clock);
            const before = await snapshot(t.db);
            let refused = false;
            if (op.kind === "vote" || op.kind === "flip" || op.kind === "again") {
              const v: CastOp | null = op.kind === "again" ? last : chooseVote(op);
              if (!v) continue;
              if (op.kind === "again") done.again++;
              const item = v.type === "review" ? model.reviews.find((r) => r.id === v.id)! : model.comments.find((c) => c.id === v.id)!;
              const votesBefore = model.votes.size;
              await castAndCheck(v.who, v.type, item, v.value, now);
              refused = model.votes.size === votesBefore;
              last = v;
            } else if (op.kind === "self") {
              const mine = [...model.reviews.map((r) => ["review", r] as const), ...model.comments.map((c) => ["comment", c] as const)].filter(([, i]) => i.author === op.actor);
              if (!mine.length) continue;
              const [type, item] = mine[op.pick % mine.length]!;
              await castAndCheck(op.actor, type, item, "up", now);
              refused = true;
            } else if (op.kind === "comment") {
              const review = model.reviews[op.review % model.reviews.length]!;
              const siblings = model.comments.filter((c) => c.reviewId === review.id);
              const parent = op.parent === null || !siblings.length ? null : siblings[op.parent % siblings.length]!;
              let id = 0;
              const form = commentForm(review.id, { parentId: parent ? String(parent.id) : "", body: `Remark ${++serial}.` });
              const kind = await attempt(async () => (id = (await createComment(ctxAs(t.db, actors[op.actor]!, now), form)).comment.id));
              if (review.deleted || parent?.deleted) expect(kind).toBe("Gone");
              else if (kind !== "RateLimited") expect(kind).toBeNull();
              if (kind === null) {
                model.comments.push({ id, author: op.actor, deleted: false, reviewId: review.id });
                done.comment++;
              }
              refused = kind !== null;
            } else {
              const items = op.kind === "deleteReview" ? model.reviews : model.comments;
              if (!items.length) continue;
              const item = items[op.pick % items.length]!;
              const mayDelete = item.author === op.actor || actors[op.actor]!.role === "moderator";
              const reviewGone = op.kind === "deleteComment" && model.reviews.find((r) => r.id === (item as Model["comments"][number]).reviewId)!.deleted;
              const ctx = ctxAs(t.db, actors[op.actor]!, now);
              const kind = await attempt(() => (op.kind === "deleteReview" ? deleteReview(ctx, { reviewId: item.id }) : deleteComment(ctx, { commentId: item.id })));
              expect(kind).toBe(item.deleted ? "Gone" : !mayDelete ? "Forbidden" : reviewGone ? "Gone" : null);
              if (kind === "Forbidden") done.forbiddenDelete++;
              if (kind === null) {
                item.deleted = true;
                done[op.kind === "deleteReview" ? "reviewDeleted" : "commentDeleted"]++;
              }
              refused = kind !== null;
            }
            // A refusal or a no-op writes nothing at all; anything else writes something.
            if (refused) expect(await snapshot(t.db)).toEqual(before);
            else expect(await snapshot(t.db)).not.toEqual(before);

            expect(await allCounterDrift(t.db, now)).toEqual([]);
            expect(await voteRowProblems(t.db)).toEqual([]);
            expect(await voteKeys(t.db)).toEqual([...model.votes].sort());
          }
          expect(await recountAll(t.db, new Date(clock))).toEqual(ZERO);
        } finally {
          await t.close();
        }
      }),
      { numRuns: 50 },
    );
    // A generator that stopped exercising one of these would show up here.
    expect(Object.entries(done).filter(([, n]) => n === 0)).toEqual([]);
  });
});

/**
 * Mara's and Ines's reviews of two films, a thread with replies, votes on all of it from three
 * people, one deleted comment and one deleted review that both keep their votes.
 */
async function corruptionScenario(db: DB) {
  const [mara, ines, femi] = [await makeRegular(db, "mara"), await makeRegular(db, "ines"), await makeUser(db, "femi")];
  const third = await seedReview(db, mara, { title: "The Third Man" });
  const solaris = await seedReview(db, ines, { title: "Solaris", filmTitle: "Solaris", filmYear: "1972", score: "9" });
  const doomed = await seedReview(db, ines, { title: "Stalker", filmTitle: "Stalker", filmYear: "1979" });
  const top = await postComment(db, femi, third);
  const reply = await postComment(db, ines, third, top.id);
  const dropped = await postComment(db, mara, third, top.id);
  const onDoomed = await postComment(db, mara, doomed);
  const at1 = at(DAY);
  for (const [who, type, id] of [
    [femi, "review", third], [ines, "review", third], [femi, "review", solaris], [mara, "review", doomed], [femi, "review", doomed],
    [mara, "comment", top.id], [ines, "comment", top.id], [mara, "comment", reply.id], [femi, "comment", dropped.id], [femi, "comment", onDoomed.id],
  ] as const) await vote(db, who, type, id, "up", at1);
  await deleteComment(ctxAs(db, mara, at1), { commentId: dropped.id });
  await deleteReview(ctxAs(db, ines, at1), { reviewId: doomed });
  return { mara, ines, femi, third, solaris, doomed, top, reply, dropped };
}

// Which recountAll step repairs each counter column (and the "New" marker, from the recounted contributions).
const STEP: Record<string, keyof typeof ZERO> = {
  "posts.comment_count": "reviewComments",
  "posts.upvote_count": "reviewUpvotes",
  "posts.hot_score": "hotScores",
  "comments.reply_count": "commentReplies",
  "comments.upvote_count": "commentUpvotes",
  "users.upvotes_received": "upvotesReceived",
  "users.review_count": "contributions",
  "users.comment_count": "contributions",
  "users.is_new": "newcomers",
  "users.badge_points": "badgePoints",
  "users.replies_received": "repliesReceived",
  "users.views_received": "viewsReceived",
  "badges.holder_count": "badgeHolders",
  "films.review_count": "films",
  "films.score_sum": "films",
  "films.score_count": "films",
};

/** Rows each recountAll step should correct, from the drift the independent recount sees (a film counts once). */
function expectedCorrections(drift: CounterCheck[]) {
  const rowsPerStep = new Map<string, Set<string>>();
  for (const d of drift) {
    const step = STEP[`${d.table}.${d.column}`]!;
    rowsPerStep.set(step, (rowsPerStep.get(step) ?? new Set()).add(String(d.id)));
  }
  return { ...ZERO, ...Object.fromEntries([...rowsPerStep].map(([s, ids]) => [s, ids.size])) };
}

describe("recountAll", () => {
  // The time the recount (and the independent one) judges "New" markers at: after the scenario.
  const NOW = at(2 * DAY);

  it("repairs counters corrupted with raw SQL, reports how many rows each step fixed, then finds nothing", async () => {
    const t = await createTestDb();
    try {
      const s = await corruptionScenario(t.db);
      expect(await allCounterDrift(t.db, NOW)).toEqual([]);
      // Mara: 3 + 1 published reviews, her comments deleted or on a deleted review. Ines: 3 + 1 (Stalker is
      // deleted) and her reply. Femi: one comment, a week-young account: the only one marked new.
      const people = async () => await sqlAll(t.db, `select username, review_count, comment_count, is_new from users order by username`);
      expect(await people()).toEqual([
        { username: "femi", review_count: 0, comment_count: 1, is_new: 1 },
        { username: "ines", review_count: 4, comment_count: 1, is_new: 0 },
        { username: "mara", review_count: 4, comment_count: 0, is_new: 0 },
      ]);
      // Badges: femi's first comment and reply received; ines's and mara's first review, scored, first
      // comment and reply received (Stalker's comment still counts for ines), and ines's fifth review.
      const standings = async () => await sqlAll(t.db, `select username, badge_points, replies_received, views_received from users order by username`);
      expect(await standings()).toEqual([
        { username: "femi", badge_points: 2, replies_received: 1, views_received: 0 },
        { username: "ines", badge_points: 5, replies_received: 1, views_received: 0 },
        { username: "mara", badge_points: 4, replies_received: 1, views_received: 0 },
      ]);
      expect(await recountAll(t.db, NOW)).toEqual(ZERO);
      const run = async (sql: string, ...args: unknown[]) => await sqlRun(fixtureWriter(t.db), sql, ...args);
      await run(`update posts set upvote_count = 7, comment_count = comment_count + 2 where id = ?`, s.third);
      await run(`update posts set upvote_count = 0, hot_score = 1 where id = ?`, s.doomed); // deleted: its votes still count, its hot score is 0
      await run(`update posts set hot_score = hot_score + 0.5 where id = ?`, s.solaris);
      await run(`update comments set upvote_count = upvote_count - 1, reply_count = 0 where id = ?`, s.top.id);
      await run(`update comments set upvote_count = 5 where id = ?`, s.dropped.id);
      await run(`update users set upvotes_received = upvotes_received + 3 where id in (?, ?)`, s.mara.id, s.femi.id);
      await run(`update films set score_sum = score_sum + 9, review_count = review_count + 1 where title = 'Solaris'`);
      await run(`update films set score_count = 0 where title = 'Stalker'`); // deleted review, no scored reviews left: 0 is right
      await run(`update users set review_count = 1, comment_count = comment_count + 1 where id = ?`, s.mara.id); // one row, two columns
      await run(`update users set comment_count = 0 where id = ?`, s.femi.id); // still new: by the age of the account
      await run(`update users set is_new = true where id = ?`, s.ines.id); // a regular marked new
      await run(`update users set badge_points = badge_points + 3 where id = ?`, s.mara.id);
      await run(`update users set replies_received = 0 where id in (?, ?)`, s.femi.id, s.ines.id);
      await run(`update users set views_received = 10 where id = ?`, s.ines.id);
      await run(`update badges set holder_count = holder_count - 1 where slug in ('comments-1', 'reviews-5')`);
      await run(`update monthly_scores set upvotes = upvotes + 1 where user_id = ?`, s.femi.id); // no column the drift check sees
      expect(await allCounterDrift(t.db, NOW)).toHaveLength(22);

      expect(await recountAll(t.db, NOW)).toEqual({
        ...ZERO,
        reviewComments: 1,
        reviewUpvotes: 2,
        commentReplies: 1,
        commentUpvotes: 2,
        upvotesReceived: 2,
        contributions: 2,
        newcomers: 1,
        badgePoints: 1,
        badgeHolders: 2,
        repliesReceived: 2,
        viewsReceived: 1,
        monthly: 1,
        films: 1,
        hotScores: 2,
      });
      expect(await allCounterDrift(t.db, NOW)).toEqual([]);
      expect(await people()).toEqual([
        { username: "femi", review_count: 0, comment_count: 1, is_new: 1 },
        { username: "ines", review_count: 4, comment_count: 1, is_new: 0 },
        { username: "mara", review_count: 4, comment_count: 0, is_new: 0 },
      ]);
      expect(await standings()).toEqual([
        { username: "femi", badge_points: 2, replies_received: 1, views_received: 0 },
        { username: "ines", badge_points: 5, replies_received: 1, views_received: 0 },
        { username: "mara", badge_points: 4, replies_received: 1, views_received: 0 },
      ]);
      expect(await sqlAll(t.db, `select slug, holder_count from badges where holder_count > 0 order by position`)).toEqual([
        { slug: "reviews-1", holder_count: 2 },
        { slug: "reviews-5", holder_count: 1 },
        { slug: "comments-1", holder_count: 3 },
        { slug: "replies-1", holder_count: 3 },
        { slug: "first-scored-review", holder_count: 2 },
      ]);
      expect(await sqlAll(t.db, `select u.username, m.upvotes from monthly_scores m join users u on u.id = m.user_id order by u.username`)).toEqual([
        { username: "femi", upvotes: 2 },
        { username: "ines", upvotes: 4 },
        { username: "mara", upvotes: 4 },
      ]);
      expect(await recountAll(t.db, NOW)).toEqual(ZERO);
    } finally {
      await t.close();
    }
  });

  it("corrects exactly the counters that were corrupted, whichever they are", { timeout: 180_000 }, async () => {
    const cells = Object.keys(STEP);
    const corruption = fc.record({ cell: fc.constantFrom(...cells), pick: fc.nat(), delta: fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0) });
    await fc.assert(
      fc.asyncProperty(fc.array(corruption, { minLength: 1, maxLength: 12 }), async (corruptions) => {
        const t = await createTestDb();
        try {
          await corruptionScenario(t.db);
          for (const { cell, pick, delta } of corruptions) {
            const [table, column] = cell.split(".") as [string, string];
            const key = table === "badges" ? "slug" : "id";
            const ids = (await sqlColumn(t.db, `select "${key}" from "${table}" order by "${key}"`)) as (number | string)[];
            const id = ids[pick % ids.length];
            // A marker is 0 or 1: corrupting it flips it.
            if (column === "is_new") await sqlRun(fixtureWriter(t.db), `update users set is_new = not is_new where id = ?`, id);
            else await sqlRun(fixtureWriter(t.db), `update "${table}" set "${column}" = "${column}" + ? where "${key}" = ?`, column === "hot_score" ? delta / 4 : delta, id);
          }
          const expected = expectedCorrections(await allCounterDrift(t.db, NOW));
          expect(await recountAll(t.db, NOW)).toEqual(expected);
          expect(await allCounterDrift(t.db, NOW)).toEqual([]);
          expect(await recountAll(t.db, NOW)).toEqual(ZERO);
        } finally {
          await t.close();
        }
      }),
      { numRuns: 30 },
    );
  });
});
