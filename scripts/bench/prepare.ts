// The databases the benchmark measures: the demo content with two long discussions added, and a
// copy of the large database; the same pages and members to vote and comment on each.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { closeDb, dialectOf, type DB } from "@/db";
import { copyDatabase } from "@/db/copy";
import { reviews, users } from "@/db/schema";
import { seedIfEmpty } from "@/lib/seed/demo";
import { largeLandmarks, seedLarge } from "@/lib/seed/large/seed";
import { makeCtx } from "@/lib/context";
import { openMarqueeDb } from "@/lib/db";
import { createReview } from "@/lib/reviews/create-review";
import { measureRankingQueries, measureVoteBadgeCost } from "./badges";
import type { PageSpec } from "./report";
import { realisticReview } from "./sample-review";
import { measurePageData, seedOneTree } from "./thread";
import { makeVoters } from "./votes";
import { first } from "@/db/query";
import { sqlColumn, sqlGet, sqlValue } from "@/tests/helpers/sql";

const VOTERS = 400;
/** The sizes the quality bar names: 20k members, 100k reviews, 1M comments, 5M upvotes. */
const LARGE_SIZES = { users: 20_000, reviews: 100_000, comments: 1_000_000, votes: 5_000_000 };

/**
 * Where the benchmark's databases live: files in the run's folder, or databases it makes in a
 * PostgreSQL cluster (scripts/bench/postgres.ts). `make` answers a SQLite file or a postgres:// URL;
 * `copy` makes `name` afresh as a copy of one of them that no connection has open.
 */
export type Place = { dialect: "SQLite" | "PostgreSQL"; make: (name: string) => Promise<string>; copy: (from: string, name: string) => Promise<string> };

export const filesIn = (dir: string): Place => ({
  dialect: "SQLite",
  make: async (name) => path.join(dir, `${name}.db`),
  copy: async (from, name) => {
    const file = path.join(dir, `${name}.db`);
    copySqliteFile(from, file);
    return file;
  },
});

/** A SQLite file copied as it is (a copy-on-write clone where the file system has them), with its write-ahead log if one is left. */
function copySqliteFile(from: string, to: string) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(to + suffix, { force: true });
  fs.copyFileSync(from, to, fs.constants.COPYFILE_FICLONE);
  if (fs.existsSync(`${from}-wal`) && fs.statSync(`${from}-wal`).size > 0) fs.copyFileSync(`${from}-wal`, `${to}-wal`);
}

/** A run's label: the database, with the dialect when it is not the default one. */
const labelOf = (name: string, place: Place) => (place.dialect === "SQLite" ? name : `pg ${name}`);

/** What one database is measured with: the same pages and writes on each. */
export type Prepared = {
  label: string;
  dialect: Place["dialect"];
  /** The database: a SQLite file or a postgres:// URL. */
  target: string;
  pages: PageSpec[];
  review200: { id: number; url: string };
  review1000: string;
  voteReviewIds: number[];
  commentReviewId: number;
  voterIds: string[];
  readerId: string;
};

const boardOf = async (db: DB) =>
  (await sqlValue(db, "select username from users where is_system = false order by badge_points desc, created_at limit 1")) as string;
const filmOfMostReviews = async (db: DB) => (await sqlValue(db, "select slug from films order by review_count desc, id limit 1")) as string;

async function pagesFor(db: DB, review200: { id: number; url: string }, review1000: string): Promise<PageSpec[]> {
  const board = await boardOf(db);
  const viewer = `/api/viewer?review=${review200.id}`;
  return [
    { name: "home (Hot)", url: "/", cached: true },
    { name: "feed: New", url: "/feed/new", cached: true },
    { name: "(a) review, 200 comments: cached, signed out", url: review200.url, cached: true, key: "a" },
    { name: "(b) the same page, signed in (page alone)", url: review200.url, signedIn: true, cached: true, key: "bPage" },
    { name: "(b) /api/viewer?review=ID, signed in (JSON alone)", url: viewer, signedIn: true, key: "bJson" },
    { name: "(b) signed-in views: page then JSON (req/s, latency and CPU per view)", url: review200.url, view: viewer, signedIn: true, key: "bView" },
    { name: "(c) review, 200 comments: uncached, rendered on every request (draft mode)", url: review200.url, uncached: true, key: "c" },
    { name: "review, 1,000 comments", url: review1000, cached: true },
    { name: "film page", url: `/films/${await filmOfMostReviews(db)}`, cached: true },
    { name: "Ranking (badge points, all time)", url: "/ranking", cached: true },
    { name: "Ranking, this month by upvotes", url: "/ranking/upvotes/month", cached: true },
    { name: "badge board", url: `/u/${board}/badges`, cached: true },
    { name: "profile", url: `/u/${board}`, cached: true },
    { name: "/api/ranking/me, signed in", url: "/api/ranking/me?by=points&period=all", signedIn: true },
  ];
}

/** The demo database, plus two discussions of 200 and 1,000 comments and members to vote and comment. */
export async function prepareDemo(place: Place) {
  const target = await place.make("demo");
  const db = await openMarqueeDb(target);
  await seedIfEmpty(db);
  const author = (await first(db.select({ id: users.id }).from(users).where(eq(users.username, "ingrid_alvarado"))))!;
  const voterIds = await makeVoters(db, VOTERS);
  const commenters = voterIds.slice(0, 50);
  const discussed = (title: string, daysAgo: number) =>
    createReview(makeCtx(db, { actor: { id: author.id, role: "admin" }, now: new Date(Date.now() - daysAgo * 86_400_000) }), {
      title,
      filmTitle: "The Third Man",
      filmYear: "1949",
      score: "8",
      body: realisticReview(1500),
      intent: "publish",
    });
  const r200 = await discussed("Two hundred comments on Vienna", 31);
  const r1000 = await discussed("A thousand comments on Vienna", 30);
  const small = await discussed("Ten comments on Vienna", 32);
  await seedOneTree(db, small.id, commenters, 10, new Date(Date.now() - 29 * 86_400_000));
  // In date order: the duplicate-comment rule compares with a member's latest comments.
  const t0 = performance.now();
  await seedOneTree(db, r1000.id, commenters, 1000, new Date(Date.now() - 28 * 86_400_000));
  const postMs = (performance.now() - t0) / 1000;
  await seedOneTree(db, r200.id, commenters, 200, new Date(Date.now() - 26 * 86_400_000));
  const thread = { small: await measurePageData(db, small.slug), big: await measurePageData(db, r1000.slug), postMs };
  const voteCost = await measureVoteBadgeCost(db, voterIds, r200.id, author.id);
  const published = (await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.status, "published"))).map((p) => p.id);
  const review200 = { id: r200.id, url: `/reviews/${r200.slug}` };
  const prepared: Prepared = {
    label: labelOf("demo", place),
    dialect: place.dialect,
    target,
    pages: await pagesFor(db, review200, `/reviews/${r1000.slug}`),
    review200,
    review1000: `/reviews/${r1000.slug}`,
    voteReviewIds: published.slice(0, 20),
    commentReviewId: small.id,
    voterIds,
    readerId: author.id,
  };
  await closeDb(db);
  return { prepared, thread, voteCost };
}

/**
 * A copy of the large database (made first if missing), plus members to vote and comment. On
 * PostgreSQL the copy is made with db:copy, timed (`copied`).
 */
export async function prepareLarge(dir: string, largePath: string, place: Place) {
  if (!fs.existsSync(largePath)) {
    console.log(`No large database at ${largePath}: making one with the default sizes (this takes minutes)…`);
    fs.mkdirSync(path.dirname(largePath), { recursive: true });
    const made = await openMarqueeDb(largePath);
    await seedLarge(made, { ...LARGE_SIZES, log: (l) => console.log(`  ${l}`) });
    await closeDb(made);
  }
  // The source is never opened (opening it would write beside it): the file is copied as it is,
  // with its write-ahead log if one is left, which SQLite folds in when the copy is opened.
  const file = path.join(dir, "large.db");
  copySqliteFile(largePath, file);
  let target = file;
  let copied: { rows: number; ms: number } | null = null;
  if (place.dialect === "PostgreSQL") {
    target = await place.make("large");
    console.log(`  copying ${largePath} into PostgreSQL (db:copy)…`);
    let shown = "";
    const report = await copyDatabase(file, target, {
      onProgress: (p) => {
        if (p.done === p.total && p.table !== shown) console.log(`    ${p.table}: ${p.total.toLocaleString("en-US")} rows`);
        if (p.done === p.total) shown = p.table;
      },
    });
    copied = { rows: report.rows, ms: report.ms };
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }
  const db = await openMarqueeDb(target);
  const marks = await largeLandmarks(db);
  const [t200, t1000] = [200, 1000].map((n) => marks.threads.find((t) => t.comments === n)?.slug);
  if (!t200 || !t1000) throw new Error(`${largePath} has no review with exactly 200 and 1,000 comments: make it again with npm run seed:large`);
  const voterIds = await makeVoters(db, VOTERS);
  const ids = (await sqlColumn(db, "select id from posts where status = 'published' order by upvote_count desc limit 20")) as number[];
  const quiet = (await sqlValue(db, "select id from posts where status = 'published' and comment_count < 20 order by id limit 1")) as number;
  const lowRanked = (await sqlValue(db, "select id from users where is_system = false order by badge_points, created_at desc limit 1")) as string;
  const rankingQueries = await measureRankingQueries(db, lowRanked);
  const id200 = (await sqlValue(db, "select id from posts where slug = ?", t200)) as number;
  const review200 = { id: id200, url: `/reviews/${t200}` };
  const prepared: Prepared = {
    label: labelOf("large", place),
    dialect: place.dialect,
    target,
    pages: await pagesFor(db, review200, `/reviews/${t1000}`),
    review200,
    review1000: `/reviews/${t1000}`,
    voteReviewIds: ids,
    commentReviewId: quiet,
    voterIds,
    readerId: lowRanked,
  };
  const sizes = (await sqlGet(db, "select (select count(*) from users) as users, (select count(*) from posts) as reviews, (select count(*) from comments) as comments, (select count(*) from post_votes) + (select count(*) from comment_votes) as votes")) as Record<string, number>;
  const bytes = dialectOf(db) === "pg" ? ((await sqlValue(db, "select pg_database_size(current_database())")) as number) : fs.statSync(target).size;
  await closeDb(db);
  return { prepared, rankingQueries, sizes, bytes, copied };
}

