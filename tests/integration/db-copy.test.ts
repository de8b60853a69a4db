// Moving a community: the demo site copied from its SQLite file into PostgreSQL and back again,
// through `npm run db:copy` (which also recounts the copy in a PostgreSQL process and serves both
// databases to compare a sample of pages byte for byte), arrives with every row of every table as
// it left; a page that differs on the copy is named; a copy refuses a target that already holds rows, and one
// that fails part-way leaves its target empty.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDatabase, copyPlan } from "@/db/copy";
import { seedIfEmpty } from "@/lib/seed/demo";
import { comparePages } from "../../scripts/db-copy-pages";
import { createTestDb, REPO_ROOT, type TestDb } from "../helpers/db";
import { startPostgres, type ThrowawayPostgres } from "../helpers/postgres";

/** Every table's rows as JSON lines, sorted: two databases of one dialect compare equal row for row. */
function contents(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(copyPlan().map((t) => [t.name, (db.prepare(`select * from "${t.name}"`).all() as object[]).map((r) => JSON.stringify(r)).sort()]));
  } finally {
    db.close();
  }
}

const run = (args: string[], env: Record<string, string> = {}) => {
  const res = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "scripts", "db-copy.ts"), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", ...env },
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
};

describe("npm run db:copy", () => {
  let cluster: ThrowawayPostgres;
  let site: TestDb;

  beforeAll(async () => {
    cluster = await startPostgres();
    site = await createTestDb();
    await seedIfEmpty(site.db);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
    await cluster?.stop();
  });

  // The page check serves the production build, made first when missing (a minute or two).
  it("copies the demo site into PostgreSQL and back, every row of every table as it was; the recount on the copy finds nothing and a sample of pages renders the same bytes from both", { timeout: 600_000 }, async () => {
    const pgUrl = await cluster.createDatabase("copied");
    const there = run(["--from", site.file, "--to", pgUrl]);
    expect(there.out).toContain("every table holds as many rows on both sides");
    // Uploaded avatars are bytes (blob there, bytea here): the same bytes on both sides.
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      const copied = (await client.query<{ name: string; bytes: Buffer }>(`select name, bytes from avatar_files order by name`)).rows;
      const source = new Database(site.file, { readonly: true });
      const original = source.prepare(`select name, bytes from avatar_files order by name`).all() as { name: string; bytes: Buffer }[];
      source.close();
      expect(original).toHaveLength(2);
      expect(copied.map((r) => [r.name, r.bytes.toString("base64")])).toEqual(original.map((r) => [r.name, r.bytes.toString("base64")]));
    } finally {
      await client.end();
    }
    expect(there.out).toContain("A recount on the copy found nothing to correct.");
    expect(there.out).toMatch(/\b\d+ pages \([\d,]+ bytes\) render the same bytes from both: \/ \/feed\/new /);
    expect(there.out).toMatch(/same bytes from both: .*\/reviews\/.*\/u\//);
    expect(there.code).toBe(0);

    const back = path.join(site.dir, "back", "marquee.db");
    const report = await copyDatabase(pgUrl, back, { batch: 7 });
    const before = contents(site.file);
    expect(report.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));
    expect(before.posts!.length).toBeGreaterThan(10);
    expect(before.comment_votes!.length).toBeGreaterThan(10);
    expect(before.avatar_files).toHaveLength(2);
    expect(contents(back)).toEqual(before);
  });

  it("names the pages that render differently from the copy", { timeout: 600_000 }, async () => {
    const pgUrl = await cluster.createDatabase("changed");
    await copyDatabase(site.file, pgUrl);
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: pgUrl });
    await client.connect();
    let slug: string;
    try {
      // The newest review, on the home page: retitled on the copy alone, behind the app's back.
      slug = (await client.query<{ slug: string }>(`update posts set title = title || ' (retitled)' where id = (select id from posts where status = 'published' order by published_at desc limit 1) returning slug`)).rows[0]!.slug;
    } finally {
      await client.end();
    }
    const check = await comparePages(site.file, pgUrl);
    const differ = check.differ.map((d) => d.url);
    expect(differ).toContain("/");
    expect(differ).toContain(`/reviews/${slug}`);
    expect(differ).not.toContain("/badges");
    expect(check.differ.find((d) => d.url === `/reviews/${slug}`)!.detail).toContain("(retitled)");
    expect(check.urls.length - differ.length).toBeGreaterThan(5);
  });

  it("gives new rows on the copy the next ids, after the copied ones", { timeout: 60_000 }, async () => {
    const pgUrl = await cluster.createDatabase("ids");
    await copyDatabase(site.file, pgUrl);
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      const max = (await client.query<{ n: number }>(`select max(id)::int as n from films`)).rows[0]!.n;
      const made = (await client.query<{ id: number }>(`insert into films (slug, title, title_key, year) values ('new-one-2001', 'New One', 'new one', 2001) returning id`)).rows[0]!.id;
      expect(made).toBe(max + 1);
    } finally {
      await client.end();
    }
  });

  it("refuses a target that already holds rows, and changes nothing there", { timeout: 60_000 }, async () => {
    const pgUrl = await cluster.createDatabase("taken");
    await copyDatabase(site.file, pgUrl);
    const again = run(["--from", site.file, "--to", pgUrl]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already holds rows \(in \w+\); a copy goes into an empty database only/);
  });

  it("leaves the target empty when the copy fails part-way", { timeout: 60_000 }, async () => {
    const pgUrl = await cluster.createDatabase("halfway");
    // A comment whose review is missing: the foreign key refuses it halfway through the copy.
    const broken = path.join(site.dir, "broken.db");
    fs.copyFileSync(site.file, broken);
    for (const ext of ["-wal", "-shm"]) if (fs.existsSync(site.file + ext)) fs.copyFileSync(site.file + ext, broken + ext);
    const db = new Database(broken);
    db.pragma("foreign_keys = OFF");
    db.prepare(`update comments set post_id = 999999 where id = (select max(id) from comments)`).run();
    db.close();
    await expect(copyDatabase(broken, pgUrl)).rejects.toThrow(/foreign key/i);
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      for (const t of copyPlan()) expect((await client.query(`select count(*)::int as n from "${t.name}"`)).rows[0].n, t.name).toBe(0);
    } finally {
      await client.end();
    }
  });

  it("says how to use it when --to is missing", () => {
    const res = run([]);
    expect(res.code).toBe(2);
    expect(res.out).toContain("usage: npm run db:copy -- [--from");
  });
});
