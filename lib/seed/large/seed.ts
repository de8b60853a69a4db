// The large seed (`npm run seed:large`): a deterministic Marquee database at benchmark scale —
// tens of thousands of members, a hundred thousand reviews, a million comments, millions of upvotes.
//
// It does not replay history through the verbs (lib/seed/demo.ts does that for the demo): at this
// size that takes hours. Instead it plans every row in memory from one seeded generator and a fixed
// "now" (members.ts, reviews.ts, comments.ts, votes.ts), writes the rows with raw prepared
// statements in large transactions (write.ts), with each row's counters counted from the plan
// (counters.ts) and hot scores from lib/reviews/hot.ts. Badges, their points and notices come from
// the app's backfill (lib/maintenance/backfill-badges.ts: the same rules as the live grants), and
// the monthly standings from the app's recount; the integration test holds the planned counters
// equal to the recount's.
//
// Files built from the same options hold the same rows, id for id.
import { createHash, scryptSync } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { unlockedWriter, type DB } from "@/db";
import { rawFirst } from "@/db/query";
import { backfillBadges } from "@/lib/maintenance/backfill-badges";
import { recountAll } from "@/lib/maintenance/recount";
import { BADGES } from "@/lib/badges/catalog";
import { uniqueSlug, urlSlug } from "@/lib/slug";
import { planComments } from "./comments";
import { Plan, countAll } from "./counters";
import { planMembers } from "./members";
import { nf, LARGE_NOW, LARGE_PASSWORD, LARGE_SCRYPT_LOG_N, LARGE_THREAD_SIZES, LargeLandmarks, LargeOptions, LargeSeedError, STAR_VIEWS } from "./options";
import { planFilms, planReviews } from "./reviews";
import { renderPools } from "./text";
import { Notice, planViews, planVotes } from "./votes";
import { collectReplyNotices, writeComments, writeFilms, writeMembers, writeNotices, writeReviews, writeViews, writeVotes } from "./write";

/** The shared password hash: scrypt with a salt from the seed, in lib/auth/password.ts's format. */
export function largePasswordHash(seed = 1): string {
  const N = 2 ** LARGE_SCRYPT_LOG_N;
  const salt = createHash("sha256").update(`marquee-large-salt/${seed}`).digest().subarray(0, 16);
  const key = scryptSync(LARGE_PASSWORD.normalize("NFKC"), salt, 32, { N, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return ["scrypt", N, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

function checkOptions(o: LargeOptions) {
  const whole = (name: string, v: number | undefined, min: number) => {
    if (v !== undefined && (!Number.isSafeInteger(v) || v < min)) throw new LargeSeedError(`${name} must be a whole number of at least ${nf(min)} (got ${v}).`);
  };
  whole("users", o.users, 2);
  whole("reviews", o.reviews, 1);
  whole("comments", o.comments, 0);
  whole("votes", o.votes, 0);
  whole("views", o.views, 0);
  whole("films", o.films, 1);
  whole("seed", o.seed, 0);
  for (const s of o.threadSizes ?? []) whole("a thread size", s, 1);
  if (new Set(o.threadSizes).size !== (o.threadSizes ?? []).length) throw new LargeSeedError("Thread sizes must differ.");
  if (o.films !== undefined && o.films > o.reviews) throw new LargeSeedError("There cannot be more films than reviews: a film comes with its first review.");
  if (o.now && Number.isNaN(o.now.getTime())) throw new LargeSeedError("now is not a valid date.");
}

/**
 * Fills an empty database (opened with openMarqueeDb, so migrated and with the badge catalog) with a
 * large, deterministic history. Loads with synchronous and foreign keys off, in one transaction
 * per table, and leaves the write connection with the app's pragmas.
 */
export async function seedLarge(db: DB, options: LargeOptions) {
  checkOptions(options);
  // It runs alone (a new file, before any server): the bulk load goes straight to the write connection.
  const client = unlockedWriter(db).$client;
  const log = options.log ?? (() => {});
  const now = (options.now ?? LARGE_NOW).getTime();
  const seed = options.seed ?? 1;
  const threadSizes = options.threadSizes ?? LARGE_THREAD_SIZES;
  const fullBoard = options.fullBoard ?? true;
  const exact = (options.derive ?? "plan") === "plan";
  const timings: { phase: string; seconds: number }[] = [];
  const phase = <T>(name: string, fn: () => T, detail?: (x: T) => string): T => {
    const t = performance.now();
    log(`${name} …`);
    const out = fn();
    const seconds = (performance.now() - t) / 1000;
    timings.push({ phase: name, seconds });
    log(`${name}: ${detail ? `${detail(out)}, ` : ""}${seconds.toFixed(1)} s`);
    return out;
  };
  const timed = async <T>(name: string, fn: () => Promise<T>, detail?: (x: T) => string): Promise<T> => {
    const t = performance.now();
    log(`${name} …`);
    const out = await fn();
    const seconds = (performance.now() - t) / 1000;
    timings.push({ phase: name, seconds });
    log(`${name}: ${detail ? `${detail(out)}, ` : ""}${seconds.toFixed(1)} s`);
    return out;
  };
  if ((client.prepare(`select count(*) as n from users`).get() as { n: number }).n > 0) throw new LargeSeedError("The large seed needs an empty database.");

  const passwordHash = options.passwordHash ?? phase("password hash", () => largePasswordHash(seed));
  const pool = phase("render bodies", renderPools, (p) => `${p.reviews.length} review and ${p.comments.length} comment bodies`);
  const plan = phase("plan", () => {
    const m = planMembers({ users: options.users, seed, now, fullBoard });
    const f = planFilms(options.films ?? Math.min(options.reviews, Math.max(20, Math.round(options.reviews / 30))), seed, now);
    const rv = planReviews({ reviews: options.reviews, seed, now, threadSizes }, m, f, pool);
    const c = planComments({ comments: options.comments, seed, now }, m, rv, pool);
    const notices: Notice[] = [];
    const v = planVotes({ votes: options.votes, seed, now }, m, rv, c, notices);
    let published = 0;
    for (let i = 0; i < rv.n; i++) published += rv.published[i]!;
    const views = planViews(options.views ?? Math.max(Math.round(options.votes / 2), (fullBoard ? STAR_VIEWS : 0) + 2 * published), { seed, now }, m, rv, v);
    // Film ids and slugs in the order films were created: by their first review.
    const filmCreated = new Float64Array(f.n).fill(Infinity);
    for (let i = 0; i < rv.n; i++) filmCreated[rv.film[i]!] = Math.min(filmCreated[rv.film[i]!]!, rv.createdAt[i]!);
    const filmOrder = Array.from({ length: f.n }, (_, i) => i).sort((a, b) => filmCreated[a]! - filmCreated[b]! || a - b);
    const filmId = new Int32Array(f.n);
    const filmSlug = new Array<string>(f.n);
    const taken = new Set<string>();
    filmOrder.forEach((film, k) => {
      filmId[film] = k + 1;
      const slug = uniqueSlug(urlSlug(`${f.titles[film]} ${f.years[film]}`) || `film-${f.years[film]}`, (s) => taken.has(s));
      taken.add(slug);
      filmSlug[film] = slug;
    });
    const p: Plan = { m, f, rv, c, v, views, notices, pool, filmId, filmCreated, filmSlug };
    collectReplyNotices(p, now, notices);
    return p;
  });
  const counters = phase("count", () => countAll(plan));

  // Bulk-load pragmas: nothing here needs to survive a crash (a failed load is thrown away). The
  // journal stays WAL: the database's read connection is open, and SQLite leaves WAL only alone.
  client.pragma("foreign_keys = OFF");
  client.pragma("synchronous = OFF");
  client.pragma("cache_size = -2000000");
  client.pragma("temp_store = MEMORY");
  const tx = <T>(fn: () => T): T => client.transaction(fn)();
  try {
    const rows: Record<string, number> = {};
    phase("members", () => tx(() => (rows.users = writeMembers(client, plan, counters, exact, passwordHash, now))), (n) => `${nf(n)} rows`);
    phase("films", () => tx(() => (rows.films = writeFilms(client, plan, exact))), (n) => `${nf(n)} rows`);
    phase("reviews", () => tx(() => Object.assign(rows, writeReviews(client, plan, counters, exact))), () => `${nf(rows.reviews!)} reviews, ${nf(rows.tags!)} tags, ${nf(rows.revisions!)} revisions`);
    phase("comments", () => tx(() => {
      const out = writeComments(client, plan, exact);
      rows.comments = out.comments;
      rows.commentRevisions = out.revisions;
    }), () => `${nf(rows.comments!)} comments, ${nf(rows.commentRevisions!)} revisions`);
    phase("votes", () => tx(() => Object.assign(rows, writeVotes(client, plan, log))), () => `${nf(rows.reviewVotes!)} on reviews, ${nf(rows.commentVotes!)} on comments`);
    phase("views", () => tx(() => (rows.views = writeViews(client, plan, seed))), (n) => `${nf(n)} rows`);
    phase("notices", () => tx(() => (rows.notifications = writeNotices(client, plan, "notifications", now))), (n) => `${nf(n)} reply and milestone notices`);
    // Badges by the one set of rules the live grants and `npm run badges:backfill` use, with their
    // points, holders and notices; then the standings and (for "app") the counters, from the rows.
    const granted = await timed("badges (app backfill)", () => backfillBadges(db, { now: new Date(now) }), (r) => `${nf(r.granted)} badges`);
    rows.notifications = (rows.notifications ?? 0) + granted.notified;
    await timed("recount (app)", () => recountAll(db, new Date(now)));
    const badges = (client.prepare(`select count(*) as n from user_badges`).get() as { n: number }).n;
    if (fullBoard) {
      const held = (client.prepare(`select count(*) as n from user_badges where user_id = ?`).get(plan.m.ids[plan.m.star]) as { n: number }).n;
      if (held !== BADGES.length) throw new LargeSeedError(`The member meant to hold every badge holds ${held} of ${BADGES.length}; use more votes, comments or views.`);
    }
    const counted: Record<string, number> = { ...rows, badges };
    return { rows: counted, timings, passwordHash, landmarks: await largeLandmarks(db, { threadSizes }) };
  } finally {
    // Back to the app's settings (db/index.ts), whatever happened above.
    client.pragma("synchronous = NORMAL");
    client.pragma("cache_size = -2000");
    client.pragma("foreign_keys = ON");
  }
}

/** Where the benchmark's landmarks are: found from the rows, so any copy of the file (or of its PostgreSQL copy) answers. */
export async function largeLandmarks(db: DB, opts: { threadSizes?: readonly number[] } = {}): Promise<LargeLandmarks> {
  const one = <T>(query: SQL) => rawFirst<T>(db, query);
  const threads: LargeLandmarks["threads"] = [];
  for (const size of opts.threadSizes ?? LARGE_THREAD_SIZES) {
    const row = await one<{ slug: string }>(sql`select slug from posts where status = 'published' and comment_count = ${size} order by id limit 1`);
    threads.push({ comments: size, slug: row?.slug ?? "" });
  }
  const film = await one<{ slug: string; reviews: number }>(sql`select slug, review_count as reviews from films order by review_count desc, id limit 1`);
  const review = await one<{ slug: string; upvotes: number }>(sql`select slug, upvote_count as upvotes from posts where status = 'published' order by upvote_count desc, id limit 1`);
  const board = await one<{ username: string; badges: number }>(
    sql`select u.username as username, count(*) as badges from user_badges ub join users u on u.id = ub.user_id
     group by u.id having count(*) = (select count(*) from badges) order by min(u.created_at), u.username limit 1`,
  );
  const role = async (r: string) => (await one<{ username: string }>(sql`select username from users where role = ${r} order by created_at limit 1`))?.username ?? null;
  return {
    threads,
    popularFilm: film ?? { slug: "", reviews: 0 },
    popularReview: review ?? { slug: "", upvotes: 0 },
    fullBoard: board ?? null,
    admin: await role("admin"),
    moderator: await role("moderator"),
  };
}
