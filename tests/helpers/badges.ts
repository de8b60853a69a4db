import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { DB } from "@/db";
import { listNotifications } from "@/lib/notifications/queries";
import type { Actor } from "@/lib/permissions";
import type { VoteTarget } from "@/lib/votes/schemas";
import { fixtureWriter, MIGRATIONS } from "./db";
import { makeUser } from "./reviews";
import { sqlAll, sqlColumn, sqlGet, sqlRun, sqlValue } from "@/tests/helpers/sql";
export { rows, snapshot } from "./db";

// Shared fixtures for the badge and Ranking tests.

/** A member's badges as `slug` → granted_at (ms), as SQLite holds them. */
export async function heldBadges(db: DB, actor: Actor): Promise<Record<string, number>> {
  const list = (await sqlAll(db, `select badge_slug as slug, granted_at as at from user_badges where user_id = ? order by badge_slug`, actor.id)) as {
    slug: string;
    at: number;
  }[];
  return Object.fromEntries(list.map((r) => [r.slug, r.at]));
}

/** The slugs a member holds, sorted. */
export const slugsOf = async (db: DB, actor: Actor) => Object.keys(await heldBadges(db, actor)).sort();

/** One user_badges row as SQLite holds it. */
export async function grantRow(db: DB, actor: Actor, slug: string): Promise<Record<string, unknown> | undefined> {
  return (await sqlGet(db, `select * from user_badges where user_id = ? and badge_slug = ?`, actor.id, slug)) as Record<string, unknown> | undefined;
}

/** A member's stored badge points. */
export const pointsOf = async (db: DB, actor: Actor) => (await sqlValue(db, `select badge_points from users where id = ?`, actor.id)) as number;

/** A badge's stored holder count. */
export const holderCount = async (db: DB, slug: string) => (await sqlValue(db, `select holder_count from badges where slug = ?`, slug)) as number;

/** The badge notices a member has, as their slugs in id order. */
export async function badgeNotices(db: DB, actor: Actor): Promise<string[]> {
  return (await sqlColumn(db, `select target from notifications where recipient_id = ? and kind = 'badge' order by id`, actor.id)) as string[];
}

/** A member's monthly_scores rows, oldest month first, as SQLite holds them. */
export async function monthRows(db: DB, actor: Actor): Promise<Record<string, unknown>[]> {
  return (await sqlAll(db, `select * from monthly_scores where user_id = ? order by month`, actor.id)) as Record<string, unknown>[];
}

/** Announcement comments (by the system account) under a review, oldest first. */
export async function announcements(db: DB, reviewId: number): Promise<{ id: number; announces_badge: string | null; body_md: string; parent_id: number | null }[]> {
  return (await sqlAll(db, `select c.id, c.announces_badge, c.body_md, c.parent_id from comments c join users u on u.id = c.author_id
       where c.post_id = ? and u.is_system = true order by c.id`, reviewId)) as { id: number; announces_badge: string | null; body_md: string; parent_id: number | null }[];
}

/** The words a member's notification list shows for their newest badge notice. */
export async function newestBadgeWords(db: DB, actor: Actor) {
  const item = (await listNotifications(db, actor.id)).items.find((n) => n.kind === "badge");
  return item ? { before: item.before, subject: item.subject, after: item.after, href: item.href } : null;
}

/** `n` members named `${prefix}1` … `${prefix}n` (quickly: one statement each, no verb). */
export async function members(db: DB, prefix: string, n: number): Promise<Actor[]> {
  const out: Actor[] = [];
  for (let i = 1; i <= n; i++) out.push(await makeUser(db, `${prefix}${i}`));
  return out;
}

/**
 * Moves a member's stored upvotes received to `n` directly (no vote rows), to start a climb just
 * below a high rung without a crowd of thousands; the crossing itself then goes through castVote.
 */
export async function presetReceived(db: DB, actor: Actor, column: "upvotes_received" | "views_received" | "replies_received", n: number) {
  await sqlRun(fixtureWriter(db), `update users set ${column} = ? where id = ?`, n, actor.id);
}

/** Turns a member's badge announcements (the notes under their reviews) on or off directly in the row. */
export async function setAnnouncements(db: DB, actor: Actor, on: boolean) {
  await sqlRun(fixtureWriter(db), `update users set badge_announcements = ? where id = ?`, on, actor.id);
}

/** The system account's row (created on the first announcement), or undefined. */
export async function systemRow(db: DB): Promise<Record<string, unknown> | undefined> {
  return (await sqlGet(db, `select * from users where is_system = true`)) as Record<string, unknown> | undefined;
}

// ---------------------------------------------------------------------------------------------
// Two connections at once: each worker thread opens the test's file with openDb and runs a verb.

export type WorkerTask =
  | { verb: "vote"; actor: Actor; type: VoteTarget; id: number; value: "up" | "none"; now: Date }
  | { verb: "comment"; authorId: string; form: Record<string, unknown>; now: Date }
  | { verb: "editComment"; actor: Actor; commentId: number; body: string; now: Date }
  | { verb: "editReview"; actor: Actor; reviewId: number; form: Record<string, unknown>; now: Date }
  | { verb: "view"; reviewId: number; viewer: { key: string; userId: string | null }; now: Date };

export type WorkerJob = { file: string; migrations: string; task: WorkerTask; signal: SharedArrayBuffer; mode: "race" | "hold"; holdMs?: number };
export type WorkerResult = { ok: true; value: unknown } | { ok: false; error: string };
type Message = { kind: "ready" } | { kind: "holding" } | { kind: "done"; result: WorkerResult };

const WORKER = pathToFileURL(fileURLToPath(new URL("./badge-worker.ts", import.meta.url))).href;
const TSX = path.join(path.dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist");
// An eval'd bootstrap: tsx's loader for both module systems (it reads tsconfig's "@/*" paths), then the worker.
const BOOT = [
  `require(${JSON.stringify(path.join(TSX, "cjs/api/index.cjs"))}).register();`,
  `import(${JSON.stringify(pathToFileURL(path.join(TSX, "esm/api/index.mjs")).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}); });`,
].join("\n");

function start(job: WorkerJob) {
  const worker = new Worker(BOOT, { eval: true, workerData: job });
  const inbox: Message[] = [];
  const waiting: ((m: Message) => void)[] = [];
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure = e;
    for (const w of waiting.splice(0)) w({ kind: "done", result: { ok: false, error: `worker crashed: ${e.message}` } });
  };
  worker.on("message", (m: Message) => {
    const w = waiting.shift();
    if (w) w(m);
    else inbox.push(m);
  });
  worker.on("error", fail);
  worker.on("exit", (code) => {
    if (code !== 0) fail(new Error(`worker exited with ${code}`));
  });
  const next = (): Promise<Message> => {
    const m = inbox.shift();
    if (m) return Promise.resolve(m);
    if (failure) return Promise.resolve({ kind: "done", result: { ok: false, error: `worker crashed: ${(failure as Error).message}` } });
    return new Promise((resolve) => waiting.push(resolve));
  };
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return { next, exited };
}

/**
 * Runs every task at the same moment, each in its own worker on its own connection to `file`:
 * all workers open their connection first, then start on one shared signal. Resolves with each
 * task's result, in the order given.
 */
export async function race(file: string, tasks: WorkerTask[]): Promise<WorkerResult[]> {
  const signal = new SharedArrayBuffer(8);
  const flags = new Int32Array(signal);
  const workers = tasks.map((task) => start({ file, migrations: MIGRATIONS, task, signal, mode: "race" }));
  for (const w of workers) {
    const m = await w.next();
    if (m.kind !== "ready") throw new Error(`worker did not get ready: ${JSON.stringify(m)}`);
  }
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
  const results: WorkerResult[] = [];
  for (const w of workers) {
    const m = await w.next();
    results.push(m.kind === "done" ? m.result : { ok: false, error: `unexpected ${m.kind}` });
  }
  await Promise.all(workers.map((w) => w.exited));
  return results;
}

/**
 * Starts `task` in a worker whose transaction stays open at its COMMIT (the write lock held,
 * nothing committed). Resolves once it holds the lock, with `release`: call it just before
 * writing on another connection; the worker then waits `holdMs` and commits, so the other write
 * queues on the lock behind it. `release` resolves with what the verb returned once it is done.
 */
export async function holdOpen(file: string, task: WorkerTask, holdMs = 200) {
  const signal = new SharedArrayBuffer(8);
  const flags = new Int32Array(signal);
  const w = start({ file, migrations: MIGRATIONS, task, signal, mode: "hold", holdMs });
  const m = await w.next();
  if (m.kind !== "holding") throw new Error(`worker did not take the lock: ${JSON.stringify(m)}`);
  let done: Promise<WorkerResult> | null = null;
  const release = () => {
    Atomics.store(flags, 0, 1);
    Atomics.notify(flags, 0);
    done ??= w.next().then(async (d) => {
      await w.exited;
      return d.kind === "done" ? d.result : { ok: false as const, error: `unexpected ${d.kind}` };
    });
    return done;
  };
  return { release };
}

// ---------------------------------------------------------------------------------------------
// The backfill's starting point.

/**
 * Takes every badge away, as on a database whose data predates badges: no grants, no badge
 * notices, no points, no holders. `months: "points"` keeps the monthly upvotes and reviews the
 * verbs booked (only the points go); `months: "all"` empties monthly_scores and the ranking's
 * "reached at" moments too, as migration 0005 leaves an existing database.
 */
export async function forgetBadges(db: DB, months: "points" | "all" = "points") {
  const writer = fixtureWriter(db);
  await sqlRun(writer, `delete from user_badges`);
  await sqlRun(writer, `delete from notifications where kind = 'badge'`);
  await sqlRun(writer, `update badges set holder_count = 0`);
  await sqlRun(writer, `update users set badge_points = 0, points_reached_at = null`);
  if (months === "points") await sqlRun(writer, `update monthly_scores set points = 0, points_at = null`);
  else {
    await sqlRun(writer, `delete from monthly_scores`);
    await sqlRun(writer, `update users set upvotes_reached_at = null, reviews_reached_at = null`);
  }
}

/** Every grant as `[username, slug, granted_at, post_id, comment_id]`, sorted: compare the verbs' grants with the backfill's. */
export async function allGrants(db: DB): Promise<[string, string, number, number | null, number | null][]> {
  return (
    (await sqlAll(db, `select u.username, b.badge_slug as slug, b.granted_at as at, b.post_id as review, b.comment_id as comment
         from user_badges b join users u on u.id = b.user_id order by u.username, b.badge_slug`)) as { username: string; slug: string; at: number; review: number | null; comment: number | null }[]
  ).map((g) => [g.username, g.slug, g.at, g.review, g.comment]);
}

/** Every member's points and when they were reached, by username. */
export async function pointsTable(db: DB): Promise<Record<string, [number, number | null]>> {
  const list = (await sqlAll(db, `select username, badge_points as p, points_reached_at as at from users where is_system = false order by username`)) as {
    username: string;
    p: number;
    at: number | null;
  }[];
  return Object.fromEntries(list.map((r) => [r.username, [r.p, r.at]]));
}
