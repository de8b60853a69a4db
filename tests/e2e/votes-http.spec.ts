import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { hotScore } from "../../lib/reviews/hot";
import { createMembers, E2E_ORIGIN, NO_DRIFT, sessionToken, SESSION_COOKIE, voteCounterDrift, withDb } from "./helpers";

// Upvotes under concurrency, over HTTP against the production server: one member sending the same
// vote fifty times at once, fifty members voting at once, and all of them taking it back. Every
// answer is checked exactly (no 5xx, no 429: each member changes each vote at most twice, under the
// newcomer burst in playwright.config.ts), and so are the rows, the counters and a recount of them.

const PARALLEL = 50;
const ONE_VOTER_REVIEW = "i-came-to-time-tokyo-story-and-lost-track-of-time"; // kenji_nakamura, commented on by ingrid_alvarado
const CROWD_REVIEW = "palme-d-or-notebook-1974-the-conversation"; // lucia_del_prado
const CROWD_COMMENT_REVIEW = "the-conversation-full-spoilers-the-loneliest-room-in-1970s-c"; // samir_haddad

type Target = { type: "review" | "comment"; id: number; authorId: string; back: string };
type State = { count: number; rows: number; hot: number | null };

function reviewTarget(slug: string): Target {
  const row = withDb((db) => db.prepare("select id, author_id as \"authorId\" from posts where slug = ?").get(slug) as { id: number; authorId: string } | undefined);
  expect(row, `seeded review ${slug}`).toBeDefined();
  return { type: "review", id: row!.id, authorId: row!.authorId, back: `/reviews/${slug}#vote` };
}

/** The oldest live top-level comment on a seeded review. */
function commentTarget(slug: string): Target {
  const row = withDb(
    (db) =>
      db
        .prepare(
          `select c.id, c.author_id as "authorId" from comments c join posts p on p.id = c.post_id
           where p.slug = ? and c.parent_id is null and c.deleted_at is null and c.author_id is not null order by c.id limit 1`,
        )
        .get(slug) as { id: number; authorId: string } | undefined,
  );
  expect(row, `a comment on ${slug}`).toBeDefined();
  return { type: "comment", id: row!.id, authorId: row!.authorId, back: `/reviews/${slug}#comment-${row!.id}` };
}

/** An item's stored count, its vote rows (all, or one member's), and for a review its hot score and the one it should have. */
function stateOf(t: Target, userId?: string): State & { expectedHot: number | null } {
  return withDb((db) => {
    if (t.type === "review") {
      const p = db.prepare("select upvote_count as count, hot_score as hot, published_at as \"publishedAt\" from posts where id = ?").get(t.id) as {
        count: number;
        hot: number;
        publishedAt: number;
      };
      const rows = userId
        ? (db.prepare("select count(*) as n from post_votes where post_id = ? and user_id = ?").get(t.id, userId) as { n: number }).n
        : (db.prepare("select count(*) as n from post_votes where post_id = ?").get(t.id) as { n: number }).n;
      return { count: p.count, rows, hot: p.hot, expectedHot: hotScore(p.count, new Date(p.publishedAt)) };
    }
    const c = db.prepare("select upvote_count as count from comments where id = ?").get(t.id) as { count: number };
    const rows = userId
      ? (db.prepare("select count(*) as n from comment_votes where comment_id = ? and user_id = ?").get(t.id, userId) as { n: number }).n
      : (db.prepare("select count(*) as n from comment_votes where comment_id = ?").get(t.id) as { n: number }).n;
    return { count: c.count, rows, hot: null, expectedHot: null };
  });
}

const receivedBy = (ids: string[]) =>
  withDb((db) => Object.fromEntries(ids.map((id) => [id, (db.prepare("select upvotes_received as n from users where id = ?").get(id) as { n: number }).n])));

/** The member's per-minute vote window: how many changes it has counted (lib/rate-limit.ts). */
const minuteWindow = (userId: string) =>
  withDb((db) => (db.prepare("select count from rate_windows where key = ?").get(`vote:minute:${userId}`) as { count: number } | undefined)?.count ?? 0);

function vote(request: APIRequestContext, token: string, t: Target, value: "up" | "none", opts: { json: boolean }) {
  return request.post("/api/votes", {
    headers: { cookie: `${SESSION_COOKIE}=${token}`, origin: E2E_ORIGIN, ...(opts.json ? { accept: "application/json" } : {}) },
    form: { type: t.type, id: String(t.id), value, back: t.back },
    maxRedirects: 0,
  });
}

type Answer = { target: Target; res: APIResponse };

/** Every answer's status, so a failure names them all; none may be a server error. */
function expectStatuses(answers: Answer[], status: number) {
  const statuses = answers.map((a) => a.res.status());
  expect(statuses.filter((s) => s >= 500), "no server errors").toEqual([]);
  expect(statuses).toEqual(answers.map(() => status));
}

async function jsonOf(answers: Answer[]) {
  return Promise.all(answers.map(async (a) => ({ target: a.target, body: (await a.res.json()) as { ok: boolean; data: { type: string; id: number; voted: boolean; count: number } } })));
}

/** The authors' upvotes received, moved by `delta` for every target they wrote (one author may have written both). */
function shifted(before: Record<string, number>, targets: Target[], delta: number) {
  const after = { ...before };
  for (const t of targets) after[t.authorId]! += delta;
  return after;
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

test("one member sending the same upvote fifty times at once: every answer the same, one row, counted once; then fifty plain undos", async ({ request }) => {
  test.setTimeout(60_000);
  const [voter] = createMembers("same");
  const token = await sessionToken(voter!.id);
  const targets = [reviewTarget(ONE_VOTER_REVIEW), commentTarget(ONE_VOTER_REVIEW)];
  const before = targets.map((t) => stateOf(t));
  const authors = [...new Set(targets.map((t) => t.authorId))];
  const receivedBefore = receivedBy(authors);
  expect(targets.map((t) => stateOf(t, voter!.id).rows)).toEqual([0, 0]);

  // Fifty upvotes on each item, all in flight together, asking for JSON as the page's script does.
  let answers = await Promise.all(
    targets.flatMap((target) => range(0, PARALLEL).map(async () => ({ target, res: await vote(request, token, target, "up", { json: true }) }))),
  );
  expectStatuses(answers, 200);
  for (const { target, body } of await jsonOf(answers)) {
    const i = targets.indexOf(target);
    // The first one in casts the vote; the rest find it there and change nothing.
    expect(body.ok).toBe(true);
    expect(body.data).toEqual({ type: target.type, id: target.id, voted: true, count: before[i]!.count + 1 });
  }
  targets.forEach((t, i) => {
    expect(stateOf(t, voter!.id).rows, `${t.type} ${t.id}: the member's rows`).toBe(1);
    const now = stateOf(t);
    expect(now.count, `${t.type} ${t.id}: upvote_count`).toBe(before[i]!.count + 1);
    expect(now.rows, `${t.type} ${t.id}: all its rows`).toBe(now.count);
    if (t.type === "review") expect(now.hot).toBeCloseTo(now.expectedHot!, 9);
  });
  expect(receivedBy(authors)).toEqual(shifted(receivedBefore, targets, +1));
  expect(minuteWindow(voter!.id), "one change per item counted against the limit").toBe(targets.length);
  expect(voteCounterDrift()).toEqual(NO_DRIFT);

  // Fifty undos on each item at once, as plain form posts: each is sent back to the item.
  answers = await Promise.all(
    targets.flatMap((target) => range(0, PARALLEL).map(async () => ({ target, res: await vote(request, token, target, "none", { json: false }) }))),
  );
  expectStatuses(answers, 303);
  for (const { target, res } of answers) expect(res.headers()["location"]).toBe(target.back);
  targets.forEach((t, i) => {
    expect(stateOf(t, voter!.id).rows).toBe(0);
    const now = stateOf(t);
    expect(now.count).toBe(before[i]!.count);
    expect(now.rows).toBe(now.count);
    if (t.type === "review") expect(now.hot).toBeCloseTo(before[i]!.hot!, 9);
  });
  expect(receivedBy(authors)).toEqual(receivedBefore);
  expect(minuteWindow(voter!.id)).toBe(2 * targets.length);
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});

test("fifty members upvoting a review and a comment at once: fifty rows and +50 each; all fifty undoing at once: back to the start", async ({ request }) => {
  test.setTimeout(60_000);
  const members = createMembers("crowd", PARALLEL);
  const tokens = await Promise.all(members.map((m) => sessionToken(m.id)));
  const targets = [reviewTarget(CROWD_REVIEW), commentTarget(CROWD_COMMENT_REVIEW)];
  const before = targets.map((t) => stateOf(t));
  const authors = [...new Set(targets.map((t) => t.authorId))];
  const receivedBefore = receivedBy(authors);

  let answers = await Promise.all(
    targets.flatMap((target) => tokens.map(async (token) => ({ target, res: await vote(request, token, target, "up", { json: true }) }))),
  );
  expectStatuses(answers, 200);
  let bodies = await jsonOf(answers);
  targets.forEach((t, i) => {
    const mine = bodies.filter((b) => b.target === t).map((b) => b.body);
    expect(mine.every((b) => b.ok && b.data.voted && b.data.type === t.type && b.data.id === t.id)).toBe(true);
    // One at a time underneath: each vote saw the ones before it, so every count is told exactly once.
    expect(mine.map((b) => b.data.count).sort((x, y) => x - y), `${t.type} ${t.id}: counts answered`).toEqual(range(before[i]!.count + 1, PARALLEL));
    const now = stateOf(t);
    expect(now.rows, `${t.type} ${t.id}: rows`).toBe(before[i]!.rows + PARALLEL);
    expect(now.count, `${t.type} ${t.id}: upvote_count`).toBe(before[i]!.count + PARALLEL);
    expect(now.count).toBe(now.rows);
    if (t.type === "review") expect(now.hot).toBeCloseTo(now.expectedHot!, 9);
  });
  for (const m of members) expect(targets.map((t) => stateOf(t, m.id).rows), m.username).toEqual([1, 1]);
  expect(receivedBy(authors)).toEqual(shifted(receivedBefore, targets, +PARALLEL));
  expect(voteCounterDrift()).toEqual(NO_DRIFT);

  answers = await Promise.all(
    targets.flatMap((target) => tokens.map(async (token) => ({ target, res: await vote(request, token, target, "none", { json: true }) }))),
  );
  expectStatuses(answers, 200);
  bodies = await jsonOf(answers);
  targets.forEach((t, i) => {
    const mine = bodies.filter((b) => b.target === t).map((b) => b.body);
    expect(mine.every((b) => b.ok && !b.data.voted)).toBe(true);
    expect(mine.map((b) => b.data.count).sort((x, y) => x - y), `${t.type} ${t.id}: counts answered`).toEqual(range(before[i]!.count, PARALLEL));
    const now = stateOf(t);
    expect(now).toMatchObject({ count: before[i]!.count, rows: before[i]!.rows });
    if (t.type === "review") expect(now.hot).toBeCloseTo(before[i]!.hot!, 9);
  });
  expect(receivedBy(authors)).toEqual(receivedBefore);
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});

test("refusals change nothing: bad fields 422, unknown or unpublished items 404, another site 403, signed out 401 or sign in; back stays on this site", async ({ request }) => {
  const [voter] = createMembers("refuse");
  const token = await sessionToken(voter!.id);
  const review = reviewTarget(ONE_VOTER_REVIEW);
  const draftId = withDb((db) => (db.prepare("select id from posts where status = 'draft' order by id limit 1").get() as { id: number }).id);
  const before = stateOf(review);
  const post = (form: Record<string, string>, headers: Record<string, string>) =>
    request.post("/api/votes", { headers: { origin: E2E_ORIGIN, accept: "application/json", ...headers }, form, maxRedirects: 0 });
  const signedIn = { cookie: `${SESSION_COOKIE}=${token}` };
  const up = { type: "review", id: String(review.id), value: "up", back: review.back };

  const refusals: [string, Promise<APIResponse>, number, Record<string, unknown>][] = [
    ["type", post({ ...up, type: "film" }, signedIn), 422, { fieldErrors: { type: ["You can upvote a review or a comment."] } }],
    ["id", post({ ...up, id: "abc" }, signedIn), 422, { fieldErrors: { id: ["There is no such item to upvote."] } }],
    ["id past any row's", post({ ...up, id: "2147483648" }, signedIn), 422, { fieldErrors: { id: ["There is no such item to upvote."] } }],
    ["value", post({ ...up, value: "down" }, signedIn), 422, { fieldErrors: { value: ["A vote is an upvote or its undo."] } }],
    ["unknown review", post({ ...up, id: "99999999" }, signedIn), 404, { message: "There is no such review." }],
    ["draft review", post({ ...up, id: String(draftId) }, signedIn), 404, { message: "There is no such review." }],
    ["unknown comment", post({ ...up, type: "comment", id: "99999999" }, signedIn), 404, { message: "There is no such comment." }],
    ["another site", post(up, { ...signedIn, origin: "http://evil.example" }), 403, { message: "This form was sent from another site." }],
    ["signed out", post(up, {}), 401, { message: "Please sign in to upvote." }],
  ];
  for (const [what, pending, status, body] of refusals) {
    const res = await pending;
    expect(res.status(), what).toBe(status);
    expect(await res.json(), what).toMatchObject({ ok: false, status, ...body });
  }
  // No Origin at all is refused too (a browser always sends one on a POST).
  const noOrigin = await request.post("/api/votes", { headers: { ...signedIn, accept: "application/json" }, form: up, maxRedirects: 0 });
  expect(noOrigin.status()).toBe(403);

  // Signed out without JavaScript: to sign in, and then back to the item.
  const plain = await post(up, { accept: "text/html" });
  expect(plain.status()).toBe(303);
  expect(plain.headers()["location"]).toBe(`/signin?callbackUrl=${encodeURIComponent(review.back)}`);
  expect(stateOf(review)).toEqual(before);
  expect(stateOf(review, voter!.id).rows).toBe(0);
  expect(minuteWindow(voter!.id), "refusals take no slot").toBe(0);

  // A `back` off this site is never followed: the vote counts and the answer goes home.
  for (const back of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
    const res = await post({ ...up, back }, { ...signedIn, accept: "text/html" });
    expect(res.status(), back).toBe(303);
    expect(res.headers()["location"], back).toBe("/");
  }
  expect(stateOf(review, voter!.id).rows).toBe(1);
  expect(stateOf(review).count).toBe(before.count + 1);
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});
