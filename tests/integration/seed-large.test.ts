import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { LARGE_NOW, LARGE_PASSWORD, LargeSeedError, type LargeOptions } from "@/lib/seed/large/options";
import { largeLandmarks, largePasswordHash, seedLarge } from "@/lib/seed/large/seed";
import { verifyPassword } from "@/lib/auth/password";
import { backfillBadges } from "@/lib/maintenance/backfill-badges";
import { BADGES } from "@/lib/badges/catalog";
import { childPath } from "@/lib/comments/path";
import { listThread } from "@/lib/comments/queries";
import { buildThread, DISPLAY_DEPTH } from "@/lib/comments/tree";
import { recountAll } from "@/lib/maintenance/recount";
import { hotScore } from "@/lib/reviews/hot";
import { getReviewBySlug, listFeed, listRevisions } from "@/lib/reviews/queries";
import { createTestDb, REPO_ROOT, type TestDb } from "../helpers/db";
import { sqlAll, sqlGet } from "@/tests/helpers/sql";

const SMALL = { users: 200, reviews: 500, comments: 3_000, votes: 10_000 } satisfies LargeOptions;
const THREADS = [200, 1_000];

// Every table the seed writes, each in a stable order. `strict`: rowid order and every column, as
// two runs with the same options must agree; otherwise the natural key order, notices without
// their ids, and view badges without the review they came from (the app's backfill breaks ties
// between reviews read on the same day in whichever order SQLite returns them).
function digest(db: DB, strict: boolean): Record<string, string> {
  const tables: Record<string, string> = {
    users: "select * from users order by id",
    films: "select * from films order by id",
    reviews: "select * from posts order by id",
    post_tags: "select * from post_tags order by post_id, tag",
    post_revisions: "select * from post_revisions order by id",
    comments: "select * from comments order by id",
    comment_revisions: "select * from comment_revisions order by id",
    post_votes: "select * from post_votes order by user_id, post_id",
    comment_votes: "select * from comment_votes order by user_id, comment_id",
    post_views: "select * from post_views order by post_id, viewer_key, day",
    user_badges: strict
      ? "select * from user_badges order by rowid"
      : "select user_id, badge_slug, granted_at, case when badge_slug like 'views-%' then null else post_id end, comment_id from user_badges order by user_id, badge_slug",
    monthly_scores: strict ? "select * from monthly_scores order by rowid" : "select * from monthly_scores order by user_id, month",
    badges: "select * from badges order by slug",
    notifications: strict
      ? "select * from notifications order by id"
      : "select recipient_id, kind, actor_id, post_id, comment_id, target, amount, created_at, read_at from notifications order by 1, 2, 3, 4, 5, 6, 7, 8",
  };
  return Object.fromEntries(
    Object.entries(tables).map(([name, sql]) => {
      const h = createHash("sha256");
      for (const row of db.$client.prepare(sql).raw().iterate()) h.update(JSON.stringify(row)).update("\n");
      return [name, h.digest("hex")];
    }),
  );
}

const count = async (db: DB, sql: string, ...params: unknown[]) => ((await sqlGet(db, sql, ...params)) as { n: number }).n;

describe("the large seed, at a small size", () => {
  const opened: TestDb[] = [];
  const fresh = async () => {
    const t = await createTestDb();
    opened.push(t);
    return t;
  };
  let hash: string;
  let a: TestDb;
  let first: Awaited<ReturnType<typeof seedLarge>>;
  let digestA: Record<string, string>;
  let digestB: Record<string, string>;

  beforeAll(async () => {
    hash = largePasswordHash();
    a = await fresh();
    first = await seedLarge(a.db, { ...SMALL, passwordHash: hash });
    digestA = digest(a.db, true);
    const b = await fresh();
    await seedLarge(b.db, { ...SMALL, passwordHash: hash });
    digestB = digest(b.db, true);
    await b.close();
  }, 60_000);
  afterAll(async () => {
    for (const t of opened) await t.close();
  });

  it("writes the same rows, id for id, from the same options", () => {
    expect(digestB).toEqual(digestA);
  });

  it("writes as many members, reviews, comments and upvotes as asked", async () => {
    expect(await count(a.db, "select count(*) as n from users")).toBe(SMALL.users);
    expect(await count(a.db, "select count(*) as n from posts")).toBe(SMALL.reviews);
    expect(await count(a.db, "select count(*) as n from comments")).toBe(SMALL.comments);
    expect(await count(a.db, "select (select count(*) from post_votes) + (select count(*) from comment_votes) as n")).toBe(SMALL.votes);
    expect(await count(a.db, "select count(*) as n from posts where status = 'draft'")).toBeGreaterThan(0);
    expect(first.rows.views).toBe(await count(a.db, "select count(*) as n from post_views"));
  });

  it("never lets anyone upvote their own review or comment, or anything twice", async () => {
    expect(await count(a.db, "select count(*) as n from post_votes v join posts p on p.id = v.post_id where v.user_id = p.author_id")).toBe(0);
    expect(await count(a.db, "select count(*) as n from comment_votes v join comments c on c.id = v.comment_id where v.user_id = c.author_id")).toBe(0);
    expect(await count(a.db, "select count(*) as n from (select distinct user_id, post_id from post_votes)")).toBe(await count(a.db, "select count(*) as n from post_votes"));
    expect(await count(a.db, "select count(*) as n from (select distinct user_id, comment_id from comment_votes)")).toBe(await count(a.db, "select count(*) as n from comment_votes"));
    // Votes come after the voter joined and the item appeared, before a comment was deleted, and never on drafts.
    expect(await count(a.db, "select count(*) as n from post_votes v join posts p on p.id = v.post_id join users u on u.id = v.user_id where v.created_at < p.published_at or v.created_at < u.created_at or p.status <> 'published' or v.created_at > ?", LARGE_NOW.getTime())).toBe(0);
    expect(await count(a.db, "select count(*) as n from comment_votes v join comments c on c.id = v.comment_id join users u on u.id = v.user_id where v.created_at < c.created_at or v.created_at < u.created_at or v.created_at >= coalesce(c.deleted_at, ?) or v.post_id <> c.post_id", LARGE_NOW.getTime() + 1)).toBe(0);
  });

  it("keeps every counter exact: the app's recount corrects nothing and the backfill grants nothing more", async () => {
    const fixed = await recountAll(a.db, LARGE_NOW);
    expect(Object.values(fixed).every((n) => n === 0), JSON.stringify(fixed)).toBe(true);
    expect((await backfillBadges(a.db, { now: LARGE_NOW })).granted).toBe(0);
    expect(digest(a.db, true)).toEqual(digestA);
  }, 30_000);

  it("derives the same rows as writing them bare and running the app's backfill and recount", async () => {
    const ref = await fresh();
    await seedLarge(ref.db, { ...SMALL, passwordHash: hash, derive: "app" });
    expect(digest(ref.db, false)).toEqual(digest(a.db, false));
    await ref.close();
  }, 30_000);

  it("leaves a sound WAL database with the app's pragmas", () => {
    expect(a.db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(a.db.$client.pragma("foreign_key_check")).toEqual([]);
    expect(a.db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(a.db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("has the landmarks: threads of exactly 200 and 1,000 comments, a popular film, a full badge board", async () => {
    const marks = await largeLandmarks(a.db);
    expect(marks).toEqual(first.landmarks);
    expect(marks.threads.map((t) => t.comments)).toEqual(THREADS);
    for (const t of marks.threads) {
      const review = (await getReviewBySlug(a.db, t.slug))!;
      expect(review.commentCount).toBe(t.comments);
      const rows = await listThread(a.db, review.id);
      expect(rows).toHaveLength(t.comments);
      expect(rows.every((c) => !c.deleted)).toBe(true);
      // Threaded: replies several levels deep, some past what one page shows.
      expect(Math.max(...rows.map((c) => c.depth))).toBeGreaterThan(DISPLAY_DEPTH);
      expect(rows.filter((c) => c.depth === 1).length).toBeLessThan(t.comments / 2);
      expect(buildThread(rows).length).toBe(rows.filter((c) => c.depth === 1).length);
    }
    expect(await count(a.db, "select count(*) as n from posts where status = 'published' and comment_count in (200, 1000)")).toBe(2);
    expect(marks.popularFilm.reviews).toBe(await count(a.db, "select max(review_count) as n from films"));
    expect(marks.popularReview.upvotes).toBe(await count(a.db, "select max(upvote_count) as n from posts"));
    expect(marks.fullBoard?.badges).toBe(BADGES.length);
    expect(marks.admin).not.toBeNull();
    expect(marks.moderator).not.toBeNull();
  });

  it("builds threads as lib/comments does: paths, depths and ids in time order", async () => {
    const rows = (await sqlAll(a.db, "select c.id, c.post_id, c.depth, c.path, c.created_at, p.id as pid, p.path as ppath, p.depth as pdepth, p.post_id as ppost, p.created_at as pat from comments c left join comments p on p.id = c.parent_id order by c.id")) as { id: number; post_id: number; depth: number; path: string; created_at: number; pid: number | null; ppath: string | null; pdepth: number | null; ppost: number | null; pat: number | null }[];
    let lastAt = 0;
    for (const c of rows) {
      expect(c.path).toBe(childPath(c.ppath, c.id));
      expect(c.depth).toBe((c.pdepth ?? 0) + 1);
      if (c.pid !== null) {
        expect(c.ppost).toBe(c.post_id);
        expect(c.pat!).toBeLessThan(c.created_at);
      }
      expect(c.created_at).toBeGreaterThanOrEqual(lastAt);
      lastAt = c.created_at;
    }
    expect(await count(a.db, "select seq as n from sqlite_sequence where name = 'comments'")).toBe(SMALL.comments);
  });

  it("stores what the pages read: slugs, excerpts, reading times, hot scores, revisions", async () => {
    const reviews = (await sqlAll(a.db, "select * from posts where status = 'published'")) as Record<string, unknown>[];
    for (const p of reviews) {
      expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.hot_score).toBe(hotScore(p.upvote_count as number, new Date(p.published_at as number)));
      expect(p.reading_minutes).toBe(Math.ceil((p.word_count as number) / 230));
      expect((p.excerpt as string).length).toBeGreaterThan(0);
    }
    const edited = (await sqlAll(a.db, "select id, slug, revision_count from posts where revision_count > 1 limit 20")) as { id: number; slug: string; revision_count: number }[];
    expect(edited.length).toBeGreaterThan(0);
    for (const p of edited) {
      const revisions = await listRevisions(a.db, p.id);
      expect(revisions).toHaveLength(p.revision_count);
      expect(revisions.at(-1)!.bodyMd).toBe(((await sqlGet(a.db, "select body_md as b from posts where id = ?", p.id)) as { b: string }).b);
      expect((await getReviewBySlug(a.db, p.slug))!.revisionCount).toBe(p.revision_count);
      expect(revisions.at(-1)!.reason).toBeTruthy();
    }
    const feed = await listFeed(a.db, { tab: "hot", limit: 5 });
    expect(feed.items).toHaveLength(5);
  });

  it("signs everyone in with the one printed password", async () => {
    expect(await count(a.db, "select count(distinct password_hash) as n from users")).toBe(1);
    const stored = ((await sqlGet(a.db, "select password_hash as h from users limit 1")) as { h: string }).h;
    expect(stored).toBe(first.passwordHash);
    expect(await verifyPassword(LARGE_PASSWORD, stored)).toBe(true);
  });

  it("refuses what it cannot build", async () => {
    await expect(seedLarge(a.db, SMALL)).rejects.toThrow(LargeSeedError);
    const t = await fresh();
    await expect(seedLarge(t.db, { ...SMALL, votes: 1_000, passwordHash: hash })).rejects.toThrow(/votes.*too few/);
  });
});

describe("npm run seed:large", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "scripts/seed-large.ts"), ...args], { cwd: REPO_ROOT, encoding: "utf8" });

  it("explains a bad number, and keeps an existing file unless told to replace it", async () => {
    const bad = await run("--users", "20k", "--reviews", "10", "--comments", "10", "--votes", "10");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`--users must be a whole number like 20000, not "20k"`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-seed-large-"));
    try {
      const out = path.join(dir, "exists.db");
      fs.writeFileSync(out, "");
      const kept = await run("--users", "200", "--reviews", "500", "--comments", "3000", "--votes", "10000", "--out", out);
      expect(kept.status).toBe(1);
      expect(kept.stderr).toContain("exists; pass --force");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
