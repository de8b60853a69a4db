import type { DrizzleAdapter } from "@auth/drizzle-adapter";
import { is, sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as lite from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as sqliteSchema from "@/db/schema-sqlite";
import * as pgSchema from "@/db/schema-pg";
import { bytes } from "@/db/schema-pg/columns";
import { schemaDifferences } from "../helpers/schema-parity";

const sqliteTables = Object.values(sqliteSchema).filter((v) => is(v, lite.SQLiteTable));
const pgTables = Object.values(pgSchema).filter((v) => is(v, pg.PgTable));

// Auth.js's adapter takes the PostgreSQL tables as they are (checked by the compiler).
type PgAuthTables = NonNullable<Parameters<typeof DrizzleAdapter<PgDatabase<PgQueryResultHKT>>>[1]>;
const pgAuthTables = {
  usersTable: pgSchema.users,
  accountsTable: pgSchema.accounts,
  sessionsTable: pgSchema.sessions,
  verificationTokensTable: pgSchema.verificationTokens,
} satisfies PgAuthTables;

describe("the SQLite and PostgreSQL schemas", () => {
  it("describe the same tables, columns, types, defaults, keys, indexes, checks and foreign keys", () => {
    expect(sqliteTables.length).toBeGreaterThan(0);
    expect(pgTables).toHaveLength(sqliteTables.length);
    expect(schemaDifferences(sqliteTables, pgTables)).toEqual([]);
  });

  it("export the same names (tables and the values of enum-like columns)", () => {
    expect(Object.keys(pgSchema).sort()).toEqual(Object.keys(sqliteSchema).sort());
    expect(pgSchema.ROLES).toBe(sqliteSchema.ROLES);
    expect(pgSchema.REVIEW_STATUSES).toBe(sqliteSchema.REVIEW_STATUSES);
    expect(pgSchema.NOTIFICATION_KINDS).toBe(sqliteSchema.NOTIFICATION_KINDS);
    expect(Object.keys(pgAuthTables)).toHaveLength(4);
  });
});

describe("schemaDifferences", () => {
  // A small pair that differs on purpose, once in each way the comparison looks at.
  const liteOwners = lite.sqliteTable("owners", { id: lite.text("id").primaryKey() });
  const liteItems = lite.sqliteTable(
    "items",
    {
      id: lite.integer("id").primaryKey({ autoIncrement: true }),
      ownerId: lite
        .text("owner_id")
        .notNull()
        .references(() => liteOwners.id, { onDelete: "cascade" }),
      title: lite.text("title").notNull(),
      views: lite.integer("views").notNull().default(0),
      flagged: lite.integer("flagged", { mode: "boolean" }).notNull().default(false),
      createdAt: lite
        .integer("created_at", { mode: "timestamp_ms" })
        .notNull()
        .default(sql`(unixepoch('subsec') * 1000)`),
      status: lite.text("status", { enum: ["open", "closed"] }).notNull(),
      note: lite.text("note"),
    },
    (t) => [
      lite.index("items_owner_idx").on(t.ownerId),
      lite.uniqueIndex("items_title_unique").on(t.title),
      lite.index("items_open_idx").on(t.createdAt).where(sql`${t.status} = 'open'`),
      lite.check("items_views_check", sql`${t.views} >= 0`),
    ],
  );

  const pgOwners = pg.pgTable("owners", { id: pg.text("id").primaryKey() });
  const pgExtras = pg.pgTable("extras", { id: pg.integer("id").primaryKey() });
  const pgItems = pg.pgTable(
    "items",
    {
      id: pg.integer("id").primaryKey().generatedAlwaysAsIdentity(),
      ownerId: pg
        .text("owner_id")
        .notNull()
        .references(() => pgOwners.id, { onDelete: "set null" }),
      title: pg.text("title"),
      views: pg.numeric("views").notNull().default("0"),
      flagged: pg.boolean("flagged").notNull().default(true),
      createdAt: pg.timestamp("created_at", { mode: "date" }).notNull().defaultNow(),
      status: pg.text("status", { enum: ["open", "closed", "archived"] }).notNull(),
      extra: pg.text("extra"),
    },
    (t) => [
      pg.uniqueIndex("items_title_unique").on(t.title),
      pg.index("items_open_idx").on(t.createdAt).where(sql`${t.status} = 'opened'`),
      pg.check("items_views_check", sql`${t.views} > 0`),
    ],
  );

  it("is empty for a table and itself in the other dialect's equivalent types", () => {
    const liteOnly = lite.sqliteTable("same", {
      id: lite.integer("id").primaryKey({ autoIncrement: true }),
      at: lite.integer("at", { mode: "timestamp_ms" }).notNull(),
      on: lite.integer("on", { mode: "boolean" }).notNull().default(true),
      tags: lite.text("tags", { mode: "json" }),
      score: lite.real("score").notNull().default(0),
      big: lite.integer("big"),
      data: lite.blob("data", { mode: "buffer" }),
    });
    const pgOnly = pg.pgTable("same", {
      id: pg.integer("id").primaryKey().generatedByDefaultAsIdentity(),
      at: pg.timestamp("at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
      on: pg.boolean("on").notNull().default(true),
      tags: pg.jsonb("tags"),
      score: pg.doublePrecision("score").notNull().default(0),
      big: pg.bigint("big", { mode: "number" }),
      data: bytes("data"),
    });
    expect(schemaDifferences([liteOnly], [pgOnly])).toEqual([]);
  });

  it("names the table, the column or constraint, and the difference", () => {
    expect(schemaDifferences([liteOwners, liteItems], [pgOwners, pgItems, pgExtras])).toEqual([
      "table extras: only on PostgreSQL",
      "items.id: default numbered, explicit ids allowed on SQLite, numbered, explicit ids refused on PostgreSQL",
      "items.title: NOT NULL on SQLite, nullable on PostgreSQL",
      "items.views: type integer on SQLite, numeric on PostgreSQL (equivalents: integer, bigint (number))",
      'items.views: default value 0 on SQLite, value "0" on PostgreSQL',
      "items.flagged: default value false on SQLite, value true on PostgreSQL",
      "items.created_at: type integer (timestamp_ms) on SQLite, timestamp (date) on PostgreSQL (equivalents: timestamp (3) with time zone (date))",
      "items.status: values (open, closed) on SQLite, (open, closed, archived) on PostgreSQL",
      "items.note: column only on SQLite",
      "items.extra: column only on PostgreSQL",
      "items: index items_owner_idx only on SQLite",
      `items: index items_open_idx is on (created_at) where "items"."status" = 'open' on SQLite, on (created_at) where "items"."status" = 'opened' on PostgreSQL`,
      `items: check items_views_check is "items"."views" >= 0 on SQLite, "items"."views" > 0 on PostgreSQL`,
      "items: foreign key (owner_id) → owners(id) on delete cascade on update no action only on SQLite",
      "items: foreign key (owner_id) → owners(id) on delete set null on update no action only on PostgreSQL",
    ]);
  });

  it("notices a different primary key and a unique constraint on one side only", () => {
    const a = lite.sqliteTable("pairs", { x: lite.text("x").notNull(), y: lite.text("y").notNull().unique() }, (t) => [
      lite.primaryKey({ columns: [t.x, t.y] }),
    ]);
    const b = pg.pgTable("pairs", { x: pg.text("x").notNull(), y: pg.text("y").notNull() }, (t) => [pg.primaryKey({ columns: [t.y, t.x] })]);
    expect(schemaDifferences([a], [b])).toEqual(["pairs: primary key (x, y) on SQLite, (y, x) on PostgreSQL", "pairs: unique constraint on (y) only on SQLite"]);
  });
});
