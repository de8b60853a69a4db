// The PostgreSQL schema on a real server: drizzle/pg applied by Drizzle's node-postgres migrator
// builds exactly what db/schema-pg describes, and the database keeps the promises the app relies on.
import fs from "node:fs";
import path from "node:path";
import { and, asc, count, eq, gte, is, lt, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema-pg";
import { childPath, pathIds, subtreeRange } from "@/lib/comments/path";
import { usernameKey } from "@/lib/users/username";
import { expectedShape, liveShape, shapeDifferences } from "../helpers/pg-live-schema";
import { connectPg, migratedTemplate, migratePg, PG_MIGRATIONS, startPostgres, type PgDb, type ThrowawayPostgres } from "../helpers/postgres";

const { users, films, reviews, comments, reviewVotes, commentVotes, reviewRevisions } = schema;
const pgTables = Object.values(schema).filter((v) => is(v, PgTable));

let cluster: ThrowawayPostgres;
let template: Awaited<ReturnType<typeof migratedTemplate>>;
let databases = 0;
const pools: (pg.Pool | pg.Client)[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  template = await migratedTemplate(cluster);
}, 60_000);

afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.end();
});

afterAll(async () => {
  await cluster?.stop();
});

/** A database of the test's own, cloned from the migrated template, and Drizzle on it. */
async function freshDb(): Promise<{ db: PgDb; url: string }> {
  const url = await template.clone(`test_${++databases}`);
  const db = connectPg(url);
  pools.push(db.$client);
  return { db, url };
}

/** A pool of the test's own on a database (ended after the test). */
function pool(url: string, options: pg.PoolConfig = {}): pg.Pool {
  const p = new pg.Pool({ connectionString: url, max: 2, ...options });
  pools.push(p);
  return p;
}

/** How a statement was refused: its SQLSTATE and constraint (through Drizzle's wrapping); null if it was not. */
async function refusal(statement: PromiseLike<unknown>): Promise<{ code: string; constraint: string | undefined } | null> {
  try {
    await statement;
  } catch (err) {
    for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
      if (e instanceof pg.DatabaseError) return { code: e.code ?? "", constraint: e.constraint };
    }
    throw err;
  }
  return null;
}

const member = async (db: PgDb, username: string, extra: Partial<typeof users.$inferInsert> = {}) =>
  (await db.insert(users).values({ username, usernameKey: usernameKey(username), name: username, ...extra }).returning())[0]!;

const filmValues = (slug: string, id?: number) => ({ id, slug, title: slug, titleKey: slug, year: 1950 });

const review = async (db: PgDb, filmId: number, authorId: string | null, slug = "a-review") =>
  (
    await db
      .insert(reviews)
      .values({ slug, authorId, filmId, title: "A review", bodyMd: "Text", bodyHtml: "<p>Text</p>", rendererVersion: 1, excerpt: "Text", status: "published" })
      .returning()
  )[0]!;

/** A comment with an explicit id, under `parent` (its path) or at the top of the thread; returns its path. */
async function comment(db: PgDb, reviewId: number, authorId: string | null, id: number, parent: string | null = null) {
  const path = childPath(parent, id);
  const at = new Date("2026-01-01T00:00:00.000Z");
  await db.insert(comments).values({
    id, reviewId, authorId, parentId: parent ? pathIds(parent).at(-1) : null, depth: pathIds(path).length, path,
    bodyMd: "c", bodyHtml: "<p>c</p>", rendererVersion: 1, createdAt: at, updatedAt: at,
  });
  return path;
}

describe("drizzle/pg on a real PostgreSQL server", () => {
  it("builds exactly what db/schema-pg describes: tables, columns (type, nullability, default), keys, indexes, checks and foreign keys", async () => {
    const { db } = await freshDb();
    const live = await liveShape(db.$client);
    expect(Object.keys(live)).toHaveLength(pgTables.length);
    expect(live.comments).toContain('column path: text collate C not null');
    expect(shapeDifferences(expectedShape(pgTables), live)).toEqual([]);
  });

  it("the comparison notices a database that differs from the schema (so the test above can fail)", async () => {
    const { db } = await freshDb();
    await db.$client.query(`
      alter table users alter column bio drop not null;
      drop index films_title_key_idx;
      alter table posts drop constraint posts_film_id_films_id_fk;
      alter table posts add constraint posts_film_id_films_id_fk foreign key (film_id) references films(id) on delete cascade;
      alter table comments alter column path type text collate "default";`);
    expect(shapeDifferences(expectedShape(pgTables), await liveShape(db.$client)).sort()).toEqual(
      [
        "users: column bio: text not null default ''::text: only in the schema",
        "users: column bio: text default ''::text: only in the database",
        "films: index films_title_key_idx: btree (title_key): only in the schema",
        "posts: foreign key posts_film_id_films_id_fk: (film_id) → films(id) on delete restrict on update no action: only in the schema",
        "posts: foreign key posts_film_id_films_id_fk: (film_id) → films(id) on delete cascade on update no action: only in the database",
        "comments: column path: text collate C not null: only in the schema",
        "comments: column path: text not null: only in the database",
      ].sort(),
    );
  });

  it("applies nothing when migrated again", async () => {
    const { db, url } = await freshDb();
    const journal = JSON.parse(fs.readFileSync(path.join(PG_MIGRATIONS, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    const applied = () => db.$client.query(`select id, hash, created_at from drizzle.__drizzle_migrations order by id`).then((r) => r.rows);
    const before = await applied();
    expect(before).toHaveLength(journal.entries.length);
    await migratePg(url);
    expect(await applied()).toEqual(before);
  });
});

describe("what the app relies on, on PostgreSQL", () => {
  it("usernames are unique case-insensitively through username_key: a second Ann is refused and one row stays", async () => {
    const { db } = await freshDb();
    await member(db, "Ann");
    for (const other of ["ann", "ANN", "Ａｎｎ"]) {
      expect(await refusal(db.insert(users).values({ username: other, usernameKey: usernameKey(other), name: other }))).toEqual({
        code: "23505",
        constraint: "users_username_key_unique",
      });
    }
    expect(await db.select({ username: users.username, key: users.usernameKey }).from(users)).toEqual([{ username: "Ann", key: "ann" }]);
  });

  it("an email is stored lower-case or not at all (check constraint)", async () => {
    const { db } = await freshDb();
    expect(await refusal(db.insert(users).values({ username: "Ann", usernameKey: "ann", name: "Ann", email: "Ann@Example.com" }))).toEqual({
      code: "23514",
      constraint: "users_email_lower_check",
    });
    expect(await db.select().from(users)).toEqual([]);
    await member(db, "Ann", { email: "ann@example.com" });
    expect(await db.select({ email: users.email }).from(users)).toEqual([{ email: "ann@example.com" }]);
  });

  it("deleting a member deletes their votes, and leaves their reviews and comments without an author", async () => {
    const { db } = await freshDb();
    const [ann, bob, cat] = [await member(db, "ann"), await member(db, "bob"), await member(db, "cat")];
    const [film] = await db.insert(films).values(filmValues("film")).returning();
    const r = await review(db, film!.id, ann.id);
    await comment(db, r.id, ann.id, 1);
    const at = new Date("2026-01-02T00:00:00.000Z");
    await db.insert(reviewVotes).values([{ userId: bob.id, reviewId: r.id, createdAt: at }, { userId: cat.id, reviewId: r.id, createdAt: at }]);
    await db.insert(commentVotes).values([{ userId: bob.id, commentId: 1, reviewId: r.id, createdAt: at }]);

    await db.delete(users).where(eq(users.id, bob.id));
    expect(await db.select({ userId: reviewVotes.userId }).from(reviewVotes)).toEqual([{ userId: cat.id }]);
    expect(await db.select().from(commentVotes)).toEqual([]);

    await db.delete(users).where(eq(users.id, ann.id));
    expect(await db.select({ id: reviews.id, authorId: reviews.authorId }).from(reviews)).toEqual([{ id: r.id, authorId: null }]);
    expect(await db.select({ id: comments.id, authorId: comments.authorId }).from(comments)).toEqual([{ id: 1, authorId: null }]);
    expect(await db.select({ username: users.username }).from(users)).toEqual([{ username: "cat" }]);
  });

  it("a film that a review or a revision names cannot be deleted (restrict), and the refusal changes nothing", async () => {
    const { db } = await freshDb();
    const ann = await member(db, "ann");
    const [reviewed, revised] = await db.insert(films).values([filmValues("reviewed"), filmValues("revised")]).returning();
    const r = await review(db, reviewed!.id, ann.id);
    const at = new Date("2026-01-02T00:00:00.000Z");
    // The review was first about the other film: its revision still names that one.
    await db.insert(reviewRevisions).values({ reviewId: r.id, number: 1, title: "t", bodyMd: "b", tags: [], filmId: revised!.id, hasSpoilers: false, createdAt: at, updatedAt: at });
    const contents = async () => ({
      films: await db.select().from(films).orderBy(films.id),
      reviews: await db.select().from(reviews),
      revisions: await db.select().from(reviewRevisions),
    });
    const before = await contents();

    expect(await refusal(db.delete(films).where(eq(films.id, reviewed!.id)))).toEqual({ code: "23503", constraint: "posts_film_id_films_id_fk" });
    expect(await refusal(db.delete(films).where(eq(films.id, revised!.id)))).toEqual({ code: "23503", constraint: "post_revisions_film_id_films_id_fk" });
    expect(await contents()).toEqual(before);
    expect(before.films).toHaveLength(2);
  });

  it("deleting a review deletes its comments, their votes and replies", async () => {
    const { db } = await freshDb();
    const ann = await member(db, "ann");
    const [film] = await db.insert(films).values(filmValues("film")).returning();
    const [kept, gone] = [await review(db, film!.id, ann.id, "kept"), await review(db, film!.id, ann.id, "gone")];
    await comment(db, kept.id, ann.id, 1);
    const top = await comment(db, gone.id, ann.id, 2);
    await comment(db, gone.id, ann.id, 3, top);
    await db.insert(commentVotes).values({ userId: ann.id, commentId: 3, reviewId: gone.id, createdAt: new Date() });

    await db.delete(reviews).where(eq(reviews.id, gone.id));
    expect(await db.select({ id: comments.id }).from(comments)).toEqual([{ id: 1 }]);
    expect(await db.select().from(commentVotes)).toEqual([]);
    expect(await db.select({ slug: reviews.slug }).from(reviews)).toEqual([{ slug: "kept" }]);
  });

  it("identity ids take an explicit id; after a copy, setval must move the sequence past the copied ids", async () => {
    const { db } = await freshDb();
    // A copy from another database (SQLite's file, say) brings its ids along…
    await db.insert(films).values([filmValues("one", 1), filmValues("two", 2), filmValues("three", 3)]);
    const ids = () => db.select({ id: films.id }).from(films).orderBy(films.id).then((rows) => rows.map((r) => r.id));
    // …but an explicit id does not move the identity's sequence: the next generated id collides.
    expect(await refusal(db.insert(films).values(filmValues("four")))).toEqual({ code: "23505", constraint: "films_pkey" });
    expect(await ids()).toEqual([1, 2, 3]);

    await db.execute(sql`select setval(pg_get_serial_sequence('films', 'id'), (select max(id) from films))`);
    const [four] = await db.insert(films).values(filmValues("four")).returning({ id: films.id });
    expect(four).toEqual({ id: 4 });
    expect(await ids()).toEqual([1, 2, 3, 4]);
  });

  it("comments.path orders and ranges byte by byte (COLLATE \"C\"), whatever the database's own collation", async () => {
    // This machine has no en_US.UTF-8 locale (`locale -a`: C, C.utf8, POSIX) and C.UTF-8 orders
    // ASCII like bytes, so the database takes ICU's en-US collation instead, which sorts "~" before
    // the digits. Debian's PostgreSQL is built with ICU: without it this test could not tell.
    const icu = (await cluster.admin<{ n: number }>(`select count(*)::int as n from pg_collation where collprovider = 'i'`)).rows[0]!.n;
    expect(icu, "PostgreSQL built with ICU collations").toBeGreaterThan(0);
    const url = await cluster.createDatabase("collation_check", { icuLocale: "en-US" });
    await migratePg(url);
    const db = connectPg(url);
    pools.push(db.$client);

    const ann = await member(db, "ann");
    const [film] = await db.insert(films).values(filmValues("film")).returning();
    const r = await review(db, film!.id, ann.id);
    const first = await comment(db, r.id, ann.id, 1);
    await comment(db, r.id, ann.id, 4);
    const reply = await comment(db, r.id, ann.id, 2, first);
    await comment(db, r.id, ann.id, 10, first); // segment "00000a": a letter after the digits
    await comment(db, r.id, ann.id, 3, reply);
    await comment(db, r.id, ann.id, 5, childPath(null, 4));

    const thread = await db.select({ id: comments.id }).from(comments).where(eq(comments.reviewId, r.id)).orderBy(asc(comments.path));
    expect(thread.map((c) => c.id)).toEqual([1, 2, 3, 10, 4, 5]);
    const [from, to] = subtreeRange(first);
    const subtree = await db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.reviewId, r.id), gte(comments.path, from), lt(comments.path, to)))
      .orderBy(asc(comments.path));
    expect(subtree.map((c) => c.id)).toEqual([1, 2, 3, 10]);

    // The control: under the database's own collation the same range loses every reply, so it is
    // the column's collation that gives the right answer above.
    const byDefault = await db.$client.query<{ id: number }>(
      `select id from comments where path collate "default" >= $1 and path collate "default" < $2 order by id`,
      [from, to],
    );
    expect(byDefault.rows.map((c) => c.id)).toEqual([1]);
  });

  it("time stamps keep their milliseconds and their instant, whatever the session's time zone", async () => {
    const { db, url } = await freshDb();
    const at = new Date("2026-03-04T05:06:07.891Z");
    // A session in Kathmandu (+05:45) writes; Drizzle (UTC) and plain pg read the same instant back.
    const kathmandu = pool(url, { options: "-c TimeZone=Asia/Kathmandu" });
    await kathmandu.query(`insert into users (id, username, username_key, name, created_at) values ('u1', 'ann', 'ann', 'ann', $1)`, [at]);
    const [row] = await db.select({ createdAt: users.createdAt }).from(users);
    expect(row!.createdAt).toBeInstanceOf(Date);
    expect(row!.createdAt.toISOString()).toBe("2026-03-04T05:06:07.891Z");
    const local = await kathmandu.query<{ createdAt: Date; text: string }>(`select created_at as "createdAt", created_at::text as text from users`);
    expect(local.rows).toEqual([{ createdAt: at, text: "2026-03-04 10:51:07.891+05:45" }]);

    // Precision 3: microseconds are rounded to the millisecond on the way in.
    await db.$client.query(`update users set created_at = '2026-03-04T05:06:07.891567Z' where id = 'u1'`);
    const [rounded] = await db.select({ createdAt: users.createdAt }).from(users);
    expect(rounded!.createdAt.toISOString()).toBe("2026-03-04T05:06:07.892Z");
  });

  it("counts come back as numbers: integer columns, bigint ones through Drizzle, and count()", async () => {
    const { db } = await freshDb();
    const ann = await member(db, "ann", { reviewCount: 7 });
    const [film] = await db.insert(films).values(filmValues("film")).returning();
    const r = await review(db, film!.id, ann.id);
    await review(db, film!.id, ann.id, "second");
    const views = 3_000_000_000; // past 2^31: why the column is a bigint
    await db.update(reviews).set({ viewCount: views }).where(eq(reviews.id, r.id));
    await db.update(users).set({ viewsReceived: views }).where(eq(users.id, ann.id));

    expect(await db.select({ views: reviews.viewCount }).from(reviews).where(eq(reviews.id, r.id))).toEqual([{ views }]);
    expect(await db.select({ views: users.viewsReceived, reviews: users.reviewCount }).from(users)).toEqual([{ views, reviews: 7 }]);
    expect(await db.select({ n: await count() }).from(reviews)).toEqual([{ n: 2 }]);
    // What Drizzle's number mode and count() map: plain pg returns bigint and count(*) as strings.
    const raw = await db.$client.query(`select view_count, upvote_count, (select count(*) from posts) as n from posts where id = $1`, [r.id]);
    expect(raw.rows).toEqual([{ view_count: String(views), upvote_count: 0, n: "2" }]);
  });
});
