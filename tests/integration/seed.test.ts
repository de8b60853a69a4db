import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo, seedIfEmpty } from "@/db/seed";
import { SEED_FILMS, SEED_REVIEWS } from "@/db/seed-content";
import { authenticate } from "@/lib/users/authenticate";
import { signUp } from "@/lib/users/sign-up";
import { rows, snapshot, perTestDb } from "../helpers/db";

const DAY = 86_400_000;
const noSleep = async () => {};

describe("demo seed", () => {
  const t = perTestDb();

  it("seeds the demo members once into an empty database", async () => {
    expect(await seedIfEmpty(t.db)).toEqual({ users: DEMO_USERS.length, films: SEED_FILMS.length, reviews: SEED_REVIEWS.length });
    const seeded = rows(t.db, "users");
    expect(seeded.map((r) => r.username)).toEqual(DEMO_USERS.map((u) => u.username));
    expect(seeded.map((r) => r.role)).toEqual(DEMO_USERS.map((u) => u.role ?? "member"));
    expect(seeded.filter((r) => r.role === "admin").map((r) => r.username)).toEqual(["ingrid_alvarado"]);
    for (const r of seeded) {
      expect(r.username_key).toBe(String(r.username).toLowerCase());
      expect(r.email).toBe(`${String(r.username).replace(/_/g, ".")}@demo.marquee.test`);
      expect(r.password_hash).toMatch(/^scrypt\$4096\$8\$1\$/);
    }
    expect(new Set(seeded.map((r) => r.password_hash)).size).toBe(seeded.length);

    const before = snapshot(t.db);
    expect(await seedIfEmpty(t.db)).toBeNull();
    expect(snapshot(t.db)).toEqual(before);
  });

  it("adds nothing to a database that already has a member", async () => {
    await signUp(t.db, { username: "first_member", email: "first@example.com", password: "a slow dolly zoom" });
    const before = snapshot(t.db);
    expect(await seedIfEmpty(t.db)).toBeNull();
    expect(snapshot(t.db)).toEqual(before);
  });

  it("dates each member's joining from the given time", async () => {
    const now = Date.UTC(2026, 0, 15);
    await seedDemo(t.db, now);
    const created = Object.fromEntries(rows(t.db, "users").map((r) => [r.username, r.created_at]));
    for (const u of DEMO_USERS) expect(created[u.username]).toBe(now - u.joinedDaysAgo * DAY);
  });

  it("lets every demo member sign in with DEMO_PASSWORD, by username and by email", { timeout: 30_000 }, async () => {
    await seedIfEmpty(t.db);
    for (const [i, u] of DEMO_USERS.entries()) {
      const address = `198.51.100.${i + 1}`;
      const byName = await authenticate(t.db, { identifier: u.username, password: DEMO_PASSWORD }, address, noSleep);
      expect(byName).toMatchObject({ username: u.username, name: u.name, bio: u.bio });
      const email = `${u.username.replace(/_/g, ".")}@demo.marquee.test`;
      const byEmail = await authenticate(t.db, { identifier: email.toUpperCase(), password: DEMO_PASSWORD }, address, noSleep);
      expect(byEmail.id).toBe(byName.id);
    }
  });
});

describe("demo reviews", () => {
  const t = perTestDb();

  it("writes every demo review through the verbs, with revisions, drafts and exact film counters", async () => {
    await seedIfEmpty(t.db);
    const posts = rows(t.db, "posts");
    const published = SEED_REVIEWS.filter((r) => r.status === "published");
    expect(posts.filter((p) => p.status === "published")).toHaveLength(published.length);
    expect(posts.filter((p) => p.status === "draft")).toHaveLength(SEED_REVIEWS.length - published.length);
    // One revision per published state: the first version plus each dated edit.
    const expectedRevisions = SEED_REVIEWS.reduce((n, r) => n + 1 + (r.edits?.length ?? 0), 0);
    expect(rows(t.db, "post_revisions")).toHaveLength(expectedRevisions);
    expect(posts.filter((p) => Number(p.revision_count) > 1)).toHaveLength(SEED_REVIEWS.filter((r) => r.edits?.length).length);
    const recount = t.db.$client
      .prepare(
        `select f.id, f.review_count, f.score_sum, f.score_count,
           (select count(*) from posts p where p.film_id = f.id and p.status = 'published') as rc,
           (select coalesce(sum(score), 0) from posts p where p.film_id = f.id and p.status = 'published') as ss,
           (select count(score) from posts p where p.film_id = f.id and p.status = 'published') as sc
         from films f`,
      )
      .all() as Record<string, number>[];
    expect(recount).toHaveLength(SEED_FILMS.length);
    for (const f of recount) expect([f.review_count, f.score_sum, f.score_count]).toEqual([f.rc, f.ss, f.sc]);
    // Spoiler text never reaches an excerpt.
    for (const p of posts) expect(String(p.excerpt)).not.toMatch(/>!|!</);
  });
});
