import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { closeDb, MIGRATIONS_FOLDER, unlockedWriter, type DB } from "@/db";
import { openMarqueeDb } from "@/lib/db";
import { BADGES } from "@/lib/badges/catalog";
import { MIGRATIONS, rows, perTestDb } from "../helpers/db";
import { sqlAll, sqlColumn, sqlGet, sqlValue } from "@/tests/helpers/sql";

describe("openDb", () => {
  const t = perTestDb();

  const pragmas = (db: { $client: DB["$client"] } = t.db) => ({
    journal_mode: db.$client.pragma("journal_mode", { simple: true }),
    foreign_keys: db.$client.pragma("foreign_keys", { simple: true }),
    synchronous: db.$client.pragma("synchronous", { simple: true }),
    busy_timeout: db.$client.pragma("busy_timeout", { simple: true }),
  });

  it("sets WAL, foreign keys, synchronous NORMAL and a 5 s busy timeout on both connections, and makes the read one query-only", () => {
    expect(pragmas()).toEqual({ journal_mode: "wal", foreign_keys: 1, synchronous: 1, busy_timeout: 5000 });
    expect(pragmas(unlockedWriter(t.db))).toEqual({ journal_mode: "wal", foreign_keys: 1, synchronous: 1, busy_timeout: 5000 });
    expect(t.db.$client.pragma("query_only", { simple: true })).toBe(1);
    expect(unlockedWriter(t.db).$client.pragma("query_only", { simple: true })).toBe(0);
  });

  it("gives a second connection to the same file the same pragmas and migrates idempotently", async () => {
    const second = await openMarqueeDb(t.file, { migrationsFolder: MIGRATIONS });
    try {
      expect(pragmas(second)).toEqual({ journal_mode: "wal", foreign_keys: 1, synchronous: 1, busy_timeout: 5000 });
      const applied = (await sqlGet(second, "select count(*) as n from __drizzle_migrations")) as { n: number };
      // Each committed migration applied once, however often the file is opened.
      expect(applied.n).toBe(fs.readdirSync(MIGRATIONS).filter((f) => f.endsWith(".sql")).length);
      // The badge catalog is synced on each open, once per badge.
      expect(await sqlValue(second, "select count(*) from badges")).toBe(BADGES.length);
    } finally {
      await closeDb(second);
    }
  });

  it("builds every table from the committed migrations", async () => {
    const tables = await sqlColumn(t.db, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name");
    expect(tables).toEqual([
      "__drizzle_migrations",
      "accounts",
      "badges",
      "cache_tags",
      "comment_revisions",
      "comment_votes",
      "comments",
      "films",
      "jobs",
      "monthly_scores",
      "notifications",
      "post_revisions",
      "post_tags",
      "post_views",
      "post_votes",
      "posts",
      "rate_windows",
      "revoked_sessions",
      "sessions",
      "user_badges",
      "users",
      "verification_tokens",
    ]);
  });

  it("syncs the badge catalog in code into the badges table, in catalog order, held by no one yet", async () => {
    const stored = await sqlAll(t.db, "select slug, name, rule, tier, points, ladder, threshold, position, holder_count from badges order by position");
    expect(stored).toEqual(
      BADGES.map((b) => ({ slug: b.slug, name: b.name, rule: b.rule, tier: b.tier, points: b.points, ladder: b.ladder, threshold: b.threshold, position: b.position, holder_count: 0 })),
    );
  });

  it("enforces foreign keys, the role check and lower-case emails", async () => {
    const sql = unlockedWriter(t.db).$client;
    expect(() => sql.prepare("insert into accounts (user_id, type, provider, provider_account_id) values ('nobody', 'oauth', 'github', '1')").run()).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    const insertUser = sql.prepare(
      "insert into users (id, username, username_key, name, email, role) values (?, ?, ?, ?, ?, ?)",
    );
    expect(() => insertUser.run("u1", "Mara", "mara", "Mara", "Mara@Example.com", "member")).toThrow(/CHECK constraint failed/);
    expect(() => insertUser.run("u1", "Mara", "mara", "Mara", "mara@example.com", "owner")).toThrow(/CHECK constraint failed/);
    expect(await rows(t.db, "users")).toEqual([]);
    expect(await rows(t.db, "accounts")).toEqual([]);
  });

  it("cascades a user's deletion to their accounts and sessions", async () => {
    const sql = unlockedWriter(t.db).$client;
    sql.prepare("insert into users (id, username, username_key, name) values ('u1', 'mara', 'mara', 'Mara')").run();
    sql.prepare("insert into accounts (user_id, type, provider, provider_account_id) values ('u1', 'oauth', 'github', '1')").run();
    sql.prepare("insert into sessions (session_token, user_id, expires) values ('s1', 'u1', 0)").run();
    sql.prepare("delete from users where id = 'u1'").run();
    expect(await rows(t.db, "accounts")).toEqual([]);
    expect(await rows(t.db, "sessions")).toEqual([]);
  });

  it("opens a database migrated from the migrations' old folder (drizzle/) without applying anything again", async () => {
    // The migrator records each migration by its SQL's hash and its journal time, not by folder:
    // a file migrated from drizzle/ before the SQLite migrations moved to drizzle/sqlite/ is up to date.
    expect(MIGRATIONS_FOLDER).toBe(path.join(process.cwd(), "drizzle", "sqlite"));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-old-layout-"));
    try {
      const oldFolder = path.join(dir, "drizzle");
      fs.cpSync(MIGRATIONS, oldFolder, { recursive: true });
      const file = path.join(dir, "old.db");
      const state = async (db: DB) => ({
        applied: await sqlAll(db, "select id, hash, created_at from __drizzle_migrations order by id"),
        tables: await sqlAll(db, "select name, sql from sqlite_master order by name"),
      });
      const old = await openMarqueeDb(file, { migrationsFolder: oldFolder });
      const before = await state(old);
      await closeDb(old);

      const reopened = await openMarqueeDb(file);
      try {
        const after = await state(reopened);
        const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
        expect(after.applied).toHaveLength(journal.entries.length);
        expect(after).toEqual(before);
      } finally {
        await closeDb(reopened);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
