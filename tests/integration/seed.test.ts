import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyBodyEdits } from "@/lib/seed/body-edits";
import { SEED_FILMS } from "@/lib/seed/content/films";
import { SEED_REVIEWS } from "@/lib/seed/content/reviews";
import { SEED_STOPS, SEED_THREADS } from "@/lib/seed/content/threads";
import type { SeedComment } from "@/lib/seed/content/types";
import { SEED_UNDOS, SEED_VOTES } from "@/lib/seed/content/votes";
import { seedIfEmpty } from "@/lib/seed/demo";
import { DEMO_USERS, seedDemo } from "@/lib/seed/members";
import { ANON_READERS } from "@/lib/seed/views";
import { planVotes, VOTE_SPACING_MS } from "@/lib/seed/votes";
import { SYSTEM_USERNAME } from "@/lib/badges/announce";
import { BADGE_BY_SLUG } from "@/lib/badges/catalog";
import { listThread } from "@/lib/comments/queries";
import { buildThread, type CommentNode } from "@/lib/comments/tree";
import { mentionCandidates } from "@/lib/markdown/mentions";
import { recountAll } from "@/lib/maintenance/recount";
import { hotScore } from "@/lib/reviews/hot";
import { listFeed } from "@/lib/reviews/queries";
import { AVATAR_SIZE } from "@/lib/users/avatar-upload";
import { avatarName, loadAvatarFile } from "@/lib/users/avatar-files";
import { authenticate } from "@/lib/users/authenticate";
import { signUp } from "@/lib/users/sign-up";
import { clearEnv } from "../helpers/comments";
import { createTestDb, ctxAs, ON_PG, REPO_ROOT, rows, snapshot, perTestDb, type TestDb } from "../helpers/db";
import { setTestEnv, TEST_DEMO_PASSWORD } from "../helpers/env";
import { sqlAll, sqlColumn } from "@/tests/helpers/sql";

const DAY = 86_400_000;
const noSleep = async () => {};
const countSeedComments = (list: SeedComment[]): number => list.reduce((n, c) => n + 1 + countSeedComments(c.replies ?? []), 0);
const SEED_COMMENT_COUNT = SEED_THREADS.reduce((n, t) => n + countSeedComments(t.comments), 0);
// The members' comments: the threads, and each STOP to a badge note. The system account adds its
// notes and a confirmation under each STOP.
const MEMBER_COMMENT_COUNT = SEED_COMMENT_COUNT + SEED_STOPS.length;
const SYSTEM = `(select id from users where is_system = true)`;
// Undone upvotes leave no row behind.
const SEED_VOTE_COUNT = SEED_VOTES.reduce((n, v) => n + v.up.length + Object.values(v.comments ?? {}).reduce((m, voters) => m + voters.length, 0), 0);

/**
 * One demo database, seeded once for the whole file and closed after it, with the moments just
 * before and after its seeding. A seed takes a second or two, and most tests here only read one.
 */
let shared: { t: TestDb; seeded: Awaited<ReturnType<typeof seedIfEmpty>>; before: number; after: number } | undefined;
afterAll(() => shared?.t.close());

/**
 * perTestDb(), plus `await t.seeded()` for a test that only reads the demo: `t.db` then stands for
 * the shared seeded database until the test ends. Tests that seed under other settings, write to
 * the data or check seeding itself use the fresh `t.db` instead.
 */
function demoDb() {
  const fresh = perTestDb();
  let useShared = false;
  afterEach(() => {
    useShared = false;
  });
  return {
    get db() {
      return useShared ? shared!.t.db : fresh.db;
    },
    get file() {
      return fresh.file;
    },
    async seeded() {
      if (!shared) {
        const t = await createTestDb();
        const before = Date.now();
        const seeded = await seedIfEmpty(t.db);
        shared = { t, seeded, before, after: Date.now() };
      }
      useShared = true;
      return shared;
    },
  };
}

describe("demo seed", () => {
  const t = demoDb();

  it("seeds the demo members once into an empty database", async () => {
    const { seeded } = await t.seeded();
    const announcements = (await rows(t.db, "comments", "where announces_badge is not null")).length;
    expect(seeded).toEqual({
      users: DEMO_USERS.length,
      password: TEST_DEMO_PASSWORD,
      generated: false,
      films: SEED_FILMS.length,
      reviews: SEED_REVIEWS.length,
      comments: MEMBER_COMMENT_COUNT + announcements + SEED_STOPS.length,
      announcements,
      votes: SEED_VOTE_COUNT,
      views: (await rows(t.db, "post_views")).length,
      badges: (await rows(t.db, "user_badges")).length,
      avatars: DEMO_USERS.filter((u) => u.avatar).length,
      notifications: (await rows(t.db, "notifications")).length,
    });
    expect(seeded?.notifications).toBeGreaterThan(0);
    expect(await rows(t.db, "comments")).toHaveLength(seeded!.comments);
    // The badge notes' author: the one system account, which cannot sign in.
    expect(await rows(t.db, "users", "where is_system = true")).toEqual([
      expect.objectContaining({ username: SYSTEM_USERNAME, email: null, password_hash: null, is_new: 0 }),
    ]);
    // In the order they were made (PostgreSQL keeps no insertion order of its own).
    const order = DEMO_USERS.map((u) => u.username);
    const members = (await rows(t.db, "users", "where is_system = false")).sort((a, b) => order.indexOf(String(a.username)) - order.indexOf(String(b.username)));
    expect(members.map((r) => r.username)).toEqual(order);
    expect(members.map((r) => r.role)).toEqual(DEMO_USERS.map((u) => u.role ?? "member"));
    expect(members.filter((r) => r.role === "admin").map((r) => r.username)).toEqual(["ingrid_alvarado"]);
    for (const r of members) {
      expect(r.username_key).toBe(String(r.username).toLowerCase());
      expect(r.email).toBe(`${String(r.username).replace(/_/g, ".")}@demo.marquee.test`);
      expect(r.password_hash).toMatch(/^scrypt\$4096\$8\$1\$/);
    }
    expect(new Set(members.map((r) => r.password_hash)).size).toBe(members.length);

    const before = await snapshot(t.db);
    expect(await seedIfEmpty(t.db)).toBeNull();
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("adds nothing to a database that already has a member", async () => {
    await signUp(ctxAs(t.db, null, undefined, "198.51.100.1"), { username: "first_member", email: "first@example.com", password: "a slow dolly zoom" });
    const before = await snapshot(t.db);
    expect(await seedIfEmpty(t.db)).toBeNull();
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("dates each member's joining from the given time", async () => {
    const now = Date.UTC(2026, 0, 15);
    await seedDemo(t.db, now);
    const created = Object.fromEntries((await rows(t.db, "users")).map((r) => [r.username, r.created_at]));
    for (const u of DEMO_USERS) expect(created[u.username]).toBe(now - u.joinedDaysAgo * DAY);
  });

  it("lets every demo member sign in with the configured DEMO_PASSWORD, by username and by email", { timeout: 30_000 }, async () => {
    await seedIfEmpty(t.db);
    for (const [i, u] of DEMO_USERS.entries()) {
      const address = `198.51.100.${i + 1}`;
      const byName = await authenticate(ctxAs(t.db, null, undefined, address), { identifier: u.username, password: TEST_DEMO_PASSWORD }, noSleep);
      expect(byName).toMatchObject({ username: u.username, name: u.name, bio: u.bio });
      const email = `${u.username.replace(/_/g, ".")}@demo.marquee.test`;
      const byEmail = await authenticate(ctxAs(t.db, null, undefined, address), { identifier: email.toUpperCase(), password: TEST_DEMO_PASSWORD }, noSleep);
      expect(byEmail.id).toBe(byName.id);
    }
  });
});

describe("demo reviews", () => {
  const t = demoDb();

  it("writes every demo review through the verbs, with revisions, drafts and exact film counters", async () => {
    await t.seeded();
    const reviews = await rows(t.db, "posts");
    const published = SEED_REVIEWS.filter((r) => r.status === "published");
    expect(reviews.filter((p) => p.status === "published")).toHaveLength(published.length);
    expect(reviews.filter((p) => p.status === "draft")).toHaveLength(SEED_REVIEWS.length - published.length);
    // One revision per published state: the first version plus each dated edit.
    const expectedRevisions = SEED_REVIEWS.reduce((n, r) => n + 1 + (r.edits?.length ?? 0), 0);
    expect(await rows(t.db, "post_revisions")).toHaveLength(expectedRevisions);
    expect(reviews.filter((p) => Number(p.revision_count) > 1)).toHaveLength(SEED_REVIEWS.filter((r) => r.edits?.length).length);
    const recount = (await sqlAll(t.db, `select f.id, f.review_count, f.score_sum, f.score_count,
           (select count(*) from posts p where p.film_id = f.id and p.status = 'published') as rc,
           (select coalesce(sum(score), 0) from posts p where p.film_id = f.id and p.status = 'published') as ss,
           (select count(score) from posts p where p.film_id = f.id and p.status = 'published') as sc
         from films f`)) as Record<string, number>[];
    expect(recount).toHaveLength(SEED_FILMS.length);
    for (const f of recount) expect([f.review_count, f.score_sum, f.score_count]).toEqual([f.rc, f.ss, f.sc]);
    // Spoiler text never reaches an excerpt.
    for (const p of reviews) expect(String(p.excerpt)).not.toMatch(/>!|!</);
  });
});

describe("demo edit history", () => {
  const t = demoDb();

  // The data stores each edit as changes to the text before it. Every revision that replaying them
  // writes, reviews' and members' comments' alike, is the one the seed wrote when the data still
  // spelled out each revision's whole text: the digest of those 220 texts, sorted, taken then.
  const REVISIONS_DIGEST = "4034fa5ffc824db11f811d00298ae688a4b670ebcd87ba0519e92bd40d9c568c";

  it("writes exactly the revisions the whole-text history wrote", async () => {
    await t.seeded();
    const filmKey = new Map(SEED_FILMS.map((f) => [f.title, f.key]));
    const reviewTexts = (
      await sqlAll<{ username: string; title: string; body: string }>(
        t.db,
        `select u.username, f.title, r.body_md as body from post_revisions r join posts p on p.id = r.post_id
         join users u on u.id = p.author_id join films f on f.id = p.film_id`,
      )
    ).map(({ username, title, body }) => `${username}/${filmKey.get(title)}\0${body}`);
    const commentTexts = (
      (await sqlColumn(t.db, `select r.body_md from comment_revisions r join comments c on c.id = r.comment_id
           where c.author_id not in ${SYSTEM} and c.body_md <> 'STOP'`)) as string[]
    ).map((body) => `c\0${body}`);
    const texts = [...reviewTexts, ...commentTexts].sort();
    expect(texts).toHaveLength(220);
    expect(createHash("sha256").update(texts.join("\n\0\n")).digest("hex")).toBe(REVISIONS_DIGEST);
  });

  it("refuses an edit whose anchor is missing or found twice", () => {
    expect(applyBodyEdits("one two one", [{ find: "two", replace: "2" }, { after: "2", insert: "!" }])).toBe("one 2! one");
    expect(() => applyBodyEdits("one two one", [{ find: "one", replace: "1" }])).toThrow(/exactly once/);
    expect(() => applyBodyEdits("one two", [{ after: "three", insert: "!" }])).toThrow(/exactly once/);
    expect(() => applyBodyEdits("one two", [{ find: "", replace: "!" }])).toThrow(/exactly once/);
  });
});

describe("demo comments", () => {
  const t = demoDb();
  type Row = Record<string, number | string | null>;
  const all = async (q: string) => (await sqlAll(t.db, q)) as Row[];

  it("writes the threads through the verbs, in time order, with exact counters", async () => {
    await t.seeded();
    const comments = await all(`select * from comments order by id`);
    const system = await all(`select * from comments where author_id = ${SYSTEM} order by id`);
    expect(comments.length - system.length).toBe(MEMBER_COMMENT_COUNT);
    // Its badge notes, and a confirmation under each STOP.
    expect(system.filter((c) => c.announces_badge === null)).toHaveLength(SEED_STOPS.length);
    const byId = new Map(comments.map((c) => [c.id, c]));
    const reviews = new Map((await all(`select * from posts`)).map((p) => [p.id, p]));
    const joined = new Map((await all(`select id, created_at from users`)).map((u) => [u.id, Number(u.created_at)]));

    // Later than the review's publication, the parent and the author's joining; never on a draft.
    // The system confirms a STOP in the STOP's own transaction, so at the same moment. The system
    // account is created by its first note, dated then: that note is as old as the account.
    const isSystem = (c: Row) => system.some((s) => s.id === c.id);
    const systemId = system[0]!.author_id;
    expect(system[0]!.announces_badge).not.toBeNull();
    expect(Number(system[0]!.created_at)).toBe(joined.get(systemId));
    for (const c of comments) {
      const review = reviews.get(c.post_id)!;
      expect(review.status).toBe("published");
      expect(Number(c.created_at)).toBeGreaterThan(Number(review.published_at));
      if (c.id === system[0]!.id) expect(Number(c.created_at)).toBe(joined.get(c.author_id));
      else expect(Number(c.created_at)).toBeGreaterThan(joined.get(c.author_id)!);
      if (c.parent_id !== null) {
        const parent = byId.get(c.parent_id)!;
        expect(parent.post_id).toBe(c.post_id);
        expect(c.depth).toBe(Number(parent.depth) + 1);
        if (isSystem(c)) expect(Number(c.created_at)).toBeGreaterThanOrEqual(Number(parent.created_at));
        else expect(Number(c.created_at)).toBeGreaterThan(Number(parent.created_at));
        if (parent.deleted_at !== null) expect(Number(c.created_at)).toBeLessThan(Number(parent.deleted_at));
      } else expect(c.depth).toBe(1);
    }

    // Flood control held for every member: 30 s between comments, no repeated body within 5 minutes.
    // (The system account posts inside the verb that earned the badge, so it has no flood control.)
    for (const author of new Set(comments.filter((c) => !isSystem(c)).map((c) => c.author_id))) {
      const sorted = comments.filter((c) => c.author_id === author).sort((a, b) => Number(a.created_at) - Number(b.created_at));
      for (let i = 1; i < sorted.length; i++) {
        expect(Number(sorted[i]!.created_at) - Number(sorted[i - 1]!.created_at)).toBeGreaterThanOrEqual(30_000);
        for (let j = i - 1; j >= 0 && Number(sorted[i]!.created_at) - Number(sorted[j]!.created_at) < 5 * 60_000; j--)
          expect(sorted[i]!.body_md).not.toBe(sorted[j]!.body_md);
      }
    }

    // Counters equal a recount: live comments per review, live direct replies per comment.
    for (const p of reviews.values()) {
      const live = comments.filter((c) => c.post_id === p.id && c.deleted_at === null).length;
      expect([p.id, p.comment_count]).toEqual([p.id, live]);
    }
    for (const c of comments) {
      const replies = comments.filter((r) => r.parent_id === c.id && r.deleted_at === null).length;
      expect([c.id, c.reply_count]).toEqual([c.id, replies]);
    }
    const revisions = await all(`select comment_id, count(*) as n from comment_revisions group by comment_id`);
    expect(revisions).toHaveLength(comments.length);
    for (const r of revisions) expect(r.n).toBe(byId.get(r.comment_id)!.revision_count);
  });

  // The seed runs at every first start, so no allowed setting of flood control or grace may stop it.
  const ENV_KEYS = ["COMMENT_INTERVAL_SECONDS", "COMMENT_NEWCOMER_INTERVAL_SECONDS", "EDIT_GRACE_SECONDS"];
  afterEach(() => clearEnv(...ENV_KEYS));
  it("seeds under the strictest flood control and without a grace window", async () => {
    setTestEnv({ COMMENT_INTERVAL_SECONDS: "3600", COMMENT_NEWCOMER_INTERVAL_SECONDS: "3600", EDIT_GRACE_SECONDS: "0" });
    const seeded = await seedIfEmpty(t.db);
    expect(await rows(t.db, "comments")).toHaveLength(seeded!.comments);
    expect(await rows(t.db, "comments", `where author_id <> ${SYSTEM}`)).toHaveLength(MEMBER_COMMENT_COUNT);
  });

  it("has deep and shallow threads, edits, deletions and the page states they lead to", async () => {
    await t.seeded();
    const comments = await all(`select * from comments`);
    const published = await all(`select * from posts where status = 'published'`);

    // One argument runs at least 8 levels deep; several threads stop at 2 to 4.
    expect(Math.max(...comments.map((c) => Number(c.depth)))).toBeGreaterThanOrEqual(8);
    const threadDepth = new Map<number, number>();
    for (const c of comments) {
      const root = parseInt(String(c.path).slice(0, 6), 36);
      threadDepth.set(root, Math.max(threadDepth.get(root) ?? 0, Number(c.depth)));
    }
    expect([...threadDepth.values()].filter((d) => d >= 2 && d <= 4).length).toBeGreaterThanOrEqual(5);

    // "One response to …", and a review nobody has answered yet.
    const counts = published.map((p) => Number(p.comment_count));
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(published.length / 2);
    expect(counts.filter((n) => n === 1).length).toBeGreaterThanOrEqual(1);
    expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(1);

    // Substantive edits show "(edited)": a second revision with a reason, well after posting.
    const edited = comments.filter((c) => Number(c.revision_count) > 1);
    expect(edited.length).toBeGreaterThanOrEqual(2);
    for (const c of edited) {
      expect(c.edited_at).not.toBeNull();
      const last = (await all(`select * from comment_revisions where comment_id = ${c.id} order by number desc limit 1`))[0]!;
      expect(last.reason).toBeTruthy();
      expect(Number(last.created_at) - Number(c.created_at)).toBeGreaterThan(5 * 60_000);
      expect(last.body_md).toBe(c.body_md);
    }
    // A moderator's edit is recorded under the moderator, not the author.
    expect(await all(`select r.* from comment_revisions r join comments c on c.id = r.comment_id where r.editor_id <> c.author_id`)).not.toHaveLength(0);
    // A typo fixed within the grace window amends the only revision.
    expect(comments.some((c) => c.revision_count === 1 && c.edited_at === null && Number(c.updated_at) > Number(c.created_at))).toBe(true);

    // Deleted comments: one stays as "[deleted]" above live replies, one had none and is gone.
    const deleted = comments.filter((c) => c.deleted_at !== null);
    const liveReplies = (id: unknown) => comments.filter((r) => r.parent_id === id && r.deleted_at === null).length;
    expect(deleted.some((c) => liveReplies(c.id) > 0)).toBe(true);
    expect(deleted.some((c) => liveReplies(c.id) === 0)).toBe(true);

    // Inline spoilers in a comment are rendered hidden.
    expect(comments.some((c) => String(c.body_html).includes('<span class="spoiler"'))).toBe(true);

    // A review edited after people replied says so, counting the comments live at that moment.
    const afterComments = published.filter((p) => Number(p.edited_after_comments) > 0);
    expect(afterComments.length).toBeGreaterThanOrEqual(1);
    for (const p of afterComments) {
      const editedAt = Number(p.edited_at);
      const liveThen = comments.filter(
        (c) => c.post_id === p.id && Number(c.created_at) < editedAt && (c.deleted_at === null || Number(c.deleted_at) > editedAt),
      ).length;
      expect([p.id, p.edited_after_comments]).toEqual([p.id, liveThen]);
    }
  });
});

describe("demo people: avatars, mentions, notices and newcomers", () => {
  const t = demoDb();
  type Row = Record<string, number | string | null>;
  const all = async (q: string, ...params: unknown[]) => (await sqlAll(t.db, q, ...params)) as Row[];
  const UPLOADERS = DEMO_USERS.filter((u) => u.avatar).map((u) => u.username);
  // The app's own data folder (DATABASE_PATH's), fresh for each test: uploads write nothing there.
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-seed-data-"));
    setTestEnv({ DATABASE_PATH: path.join(dataDir, "marquee.db") });
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("stores two members' own pictures in the database, as 256 px WebP, and no others, writing no file", async () => {
    expect(UPLOADERS).toEqual(["mara_kowalczyk", "samir_haddad"]);
    expect(await seedIfEmpty(t.db)).toMatchObject({ avatars: 2 });
    const uploaded = await all(`select u.username, u.image, a.name, a.content_type from users u left join avatar_files a on a.user_id = u.id where u.image is not null order by u.username`);
    expect(uploaded.map((u) => u.username)).toEqual(UPLOADERS);
    for (const u of uploaded) {
      expect(String(u.image)).toMatch(/^\/avatars\/[\w-]{16}\.webp$/);
      expect(u.name).toBe(avatarName(String(u.image)));
      expect(u.content_type).toBe("image/webp");
      const meta = await sharp((await loadAvatarFile(t.db, String(u.name)))!.bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", AVATAR_SIZE, AVATAR_SIZE]);
    }
    // Only those two rows, and no file anywhere: not in the data folder, beside the database, or in the repository's.
    expect(await sqlColumn(t.db, `select count(*) from avatar_files`)).toEqual([2]);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    for (const folder of [...(ON_PG ? [] : [path.join(path.dirname(t.file), "avatars")]), path.join(REPO_ROOT, "data", "avatars")]) {
      for (const u of uploaded) expect(fs.existsSync(path.join(folder, String(u.name)))).toBe(false);
    }
  });

  it("keeps the uploaded pictures small and real images", async () => {
    for (const u of DEMO_USERS.filter((u) => u.avatar)) {
      const file = path.join(REPO_ROOT, "lib", "seed", "assets", u.avatar!.file);
      expect(fs.statSync(file).size).toBeLessThan(60 * 1024);
      const meta = await sharp(file).metadata();
      expect(["png", "jpeg"]).toContain(meta.format);
      expect(Math.min(meta.width!, meta.height!) / Math.max(meta.width!, meta.height!)).toBeGreaterThan(0.8);
    }
  });

  it("links @mentions of members to their profiles and tells each of them, never before they joined", async () => {
    await t.seeded();
    const ids = new Map((await all(`select id, username, created_at from users`)).map((u) => [String(u.username), u]));
    const link = (name: string) => `<a href="/u/${name}" class="mention">@${name}</a>`;
    // Members' mentions; the system's badge notes name their member without telling them (see "demo badges").
    const mentioned = await all(
      `select id, post_id, author_id, body_md, body_html, created_at from comments where body_md like '%@%' and author_id <> ${SYSTEM} order by id`,
    );
    expect(mentioned.length).toBeGreaterThanOrEqual(4);
    expect(mentioned.length).toBeLessThanOrEqual(6);
    let expected = 0;
    for (const c of mentioned) {
      const names = mentionCandidates(String(c.body_md));
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        const who = ids.get(name)!;
        expect(who, name).toBeDefined();
        expect(who.id).not.toBe(c.author_id);
        expect(Number(who.created_at)).toBeLessThan(Number(c.created_at));
        expect(String(c.body_html)).toContain(link(name));
        const told = await all(`select * from notifications where kind = 'mention' and comment_id = ? and recipient_id = ?`, c.id, who.id);
        expect(told).toHaveLength(1);
        expect(told[0]).toMatchObject({ actor_id: c.author_id, post_id: c.post_id, created_at: c.created_at });
        expected++;
      }
    }
    const reviews = await all(`select id, author_id, body_md, body_html, published_at from posts where body_md like '%@%'`);
    expect(reviews).toHaveLength(1);
    const review = reviews[0]!;
    const names = mentionCandidates(String(review.body_md));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const who = ids.get(name)!;
      expect(Number(who.created_at)).toBeLessThan(Number(review.published_at));
      expect(String(review.body_html)).toContain(link(name));
      const told = await all(`select * from notifications where kind = 'mention' and post_id = ? and comment_id is null and recipient_id = ?`, review.id, who.id);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ actor_id: review.author_id });
      expected++;
    }
    expect(await all(`select * from notifications where kind = 'mention'`)).toHaveLength(expected);
  });

  it("leaves each member a realistic handful of unread notices, the older ones read", async () => {
    const { before, after } = await t.seeded();
    const notices = await all(`select * from notifications`);
    // Nobody is told about their own doing.
    for (const n of notices) expect(n.recipient_id).not.toBe(n.actor_id);
    for (const n of notices) {
      if (n.read_at === null) expect(Number(n.created_at)).toBeGreaterThanOrEqual(before - 3 * DAY);
      else {
        expect(Number(n.created_at)).toBeLessThan(after - 3 * DAY);
        expect(Number(n.read_at)).toBeGreaterThanOrEqual(Number(n.created_at));
        expect(Number(n.read_at)).toBeLessThanOrEqual(after - 3 * DAY);
      }
    }
    const perMember = await all(
      `select u.username, count(n.id) as total, count(n.id) - count(n.read_at) as unread
         from users u left join notifications n on n.recipient_id = u.id where u.is_system = false group by u.id`,
    );
    expect(perMember).toHaveLength(DEMO_USERS.length);
    // A handful each; the newcomer's first two days, first badges included, are all still unread.
    for (const m of perMember) {
      expect([m.username, Number(m.total) > 0]).toEqual([m.username, true]);
      expect([m.username, Number(m.unread) > 0 && Number(m.unread) < 20]).toEqual([m.username, true]);
    }
    // The system account is told nothing.
    expect(await all(`select * from notifications where recipient_id = ${SYSTEM}`)).toHaveLength(0);
    // Replies, mentions, milestones and badges all show up.
    expect(new Set(notices.map((n) => n.kind))).toEqual(new Set(["review_reply", "comment_reply", "mention", "milestone", "badge"]));
  });

  it("marks only hollis_greer as new, with her first review announced", async () => {
    await t.seeded();
    expect((await all(`select username from users where is_new = true`)).map((u) => u.username)).toEqual(["hollis_greer"]);
    // Badges, views and the system's notes and replies leave the marker alone.
    expect(await all(`select username from users where is_new = false and is_system = false`)).toHaveLength(DEMO_USERS.length - 1);
    const firsts = await all(`select p.title from posts p join users u on u.id = p.author_id where u.username = 'hollis_greer' and p.first_review = true`);
    expect(firsts).toHaveLength(1);
  });
});

describe("demo votes", () => {
  const t = demoDb();
  type Row = Record<string, number | string | null>;
  const all = async (q: string) => (await sqlAll(t.db, q)) as Row[];
  // Every vote with its target's author and time and the voter's joining.
  const VOTES = `
    select 'review' as type, v.user_id, v.post_id as target, v.created_at, p.author_id, p.published_at as item_at, u.created_at as joined
      from post_votes v join posts p on p.id = v.post_id join users u on u.id = v.user_id
    union all
    select 'comment', v.user_id, v.comment_id, v.created_at, c.author_id, c.created_at, u.created_at
      from comment_votes v join comments c on c.id = v.comment_id join users u on u.id = v.user_id`;

  it("casts upvotes on reviews and comments, never on one's own, after the item and the voter existed", async () => {
    const { before, seeded } = await t.seeded();
    const votes = await all(VOTES);
    expect(seeded?.votes).toBe(votes.length);
    expect(votes.filter((v) => v.type === "review").length).toBeGreaterThan(50);
    expect(votes.filter((v) => v.type === "comment").length).toBeGreaterThan(50);
    for (const v of votes) {
      expect(v.user_id).not.toBe(v.author_id);
      expect(Number(v.created_at)).toBeGreaterThan(Number(v.item_at));
      expect(Number(v.created_at)).toBeGreaterThan(Number(v.joined));
      expect(Number(v.created_at)).toBeLessThan(before);
    }
    // Only published reviews and live comments carry votes.
    expect(await all(`select v.* from post_votes v join posts p on p.id = v.post_id where p.status <> 'published'`)).toHaveLength(0);
    expect(await all(`select v.* from comment_votes v join comments c on c.id = v.comment_id where c.deleted_at is not null`)).toHaveLength(0);
    expect(await all(`select v.* from comment_votes v join comments c on c.id = v.comment_id where v.post_id <> c.post_id`)).toHaveLength(0);
    // Every member votes, the newcomer included.
    expect(new Set(votes.map((v) => v.user_id)).size).toBe(DEMO_USERS.length);
  });

  it("leaves every counter, upvotes received, contributions, \"New\" marker and hot score equal to a recount", async () => {
    const now = Date.now();
    await t.seeded();
    const reviews = await all(`select p.*, (select count(*) from post_votes v where v.post_id = p.id) as recount from posts p`);
    for (const p of reviews) expect([p.id, p.upvote_count]).toEqual([p.id, p.recount]);
    const comments = await all(`select c.id, c.upvote_count, (select count(*) from comment_votes v where v.comment_id = c.id) as recount from comments c`);
    for (const c of comments) expect([c.id, c.upvote_count]).toEqual([c.id, c.recount]);
    const users = await all(
      `select u.username, u.upvotes_received,
         (select count(*) from post_votes v join posts p on p.id = v.post_id where p.author_id = u.id) +
         (select count(*) from comment_votes v join comments c on c.id = v.comment_id where c.author_id = u.id) as recount
       from users u`,
    );
    for (const u of users) expect([u.username, u.upvotes_received]).toEqual([u.username, u.recount]);
    // Published reviews; comments not deleted on published reviews.
    // Members' contributions (the system account's notes are no contribution).
    const people = await all(
      `select u.username, u.created_at, u.is_new, u.review_count, u.comment_count,
         (select count(*) from posts p where p.author_id = u.id and p.status = 'published') as reviews,
         (select count(*) from comments c join posts p on p.id = c.post_id
           where c.author_id = u.id and c.deleted_at is null and p.status = 'published') as comments
       from users u where u.is_system = false`,
    );
    for (const u of people) expect([u.username, u.review_count, u.comment_count]).toEqual([u.username, u.reviews, u.comments]);
    // New: joined within the week, or fewer than 3 of those. Among the demo members, only the one who joined 2 days ago.
    const isNew = (u: Record<string, unknown>) => now - Number(u.created_at) < 7 * DAY || Number(u.reviews) + Number(u.comments) < 3;
    for (const u of people) expect([u.username, u.is_new]).toEqual([u.username, isNew(u) ? 1 : 0]);
    expect(people.filter((u) => u.is_new).map((u) => u.username)).toEqual(["hollis_greer"]);
    for (const p of reviews.filter((p) => p.status === "published")) {
      expect(p.hot_score).toBeCloseTo(hotScore(Number(p.upvote_count), new Date(Number(p.published_at))), 9);
    }
    // Every step of the recount finds nothing to correct, the badge standings included.
    const fixed = await recountAll(t.db, new Date(now));
    expect(Object.keys(fixed)).toEqual(
      expect.arrayContaining([
        ...["reviewComments", "reviewUpvotes", "commentReplies", "commentUpvotes", "upvotesReceived", "contributions", "newcomers"],
        ...["badgePoints", "badgeHolders", "repliesReceived", "viewsReceived", "monthly", "films", "hotScores"],
      ]),
    );
    expect(fixed).toEqual(Object.fromEntries(Object.keys(fixed).map((k) => [k, 0])));
  });

  it("has favourites, a handful on most reviews, unvoted ones, and a member ahead of the rest", async () => {
    await t.seeded();
    const counts = (await all(`select upvote_count from posts where status = 'published'`)).map((p) => Number(p.upvote_count));
    const possible = DEMO_USERS.length - 1;
    expect(counts.filter((n) => n === possible).length).toBeGreaterThanOrEqual(1);
    expect(counts.filter((n) => n === possible).length).toBeLessThanOrEqual(2);
    expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(1);
    expect(counts.filter((n) => n >= 2 && n <= 5).length).toBeGreaterThan(counts.length / 2);

    // Comment upvotes gather on a minority of comments, a few of them well liked.
    const comments = (await all(`select upvote_count from comments`)).map((c) => Number(c.upvote_count));
    expect(comments.filter((n) => n > 0).length).toBeLessThan(comments.length / 2);
    expect(comments.filter((n) => n >= 3).length).toBeGreaterThanOrEqual(5);

    const received = (await all(`select upvotes_received as n from users order by upvotes_received desc`)).map((u) => Number(u.n));
    expect(received[0]! - received[1]!).toBeGreaterThanOrEqual(5);
  });

  it("orders Hot differently from New, and best differently from oldest in some threads", async () => {
    await t.seeded();
    const ids = async (tab: "hot" | "new") => (await listFeed(t.db, { tab, limit: 100 })).items.map((r) => r.id);
    expect(await ids("hot")).toHaveLength(SEED_REVIEWS.filter((r) => r.status === "published").length);
    expect(await ids("hot")).not.toEqual(await ids("new"));

    const flat = (nodes: CommentNode[]): number[] => nodes.flatMap((n) => [n.id, ...flat(n.children)]);
    const differs = [];
    for (const p of await all(`select id from posts where status = 'published' and comment_count > 1`)) {
      const rows = await listThread(t.db, Number(p.id));
      if (flat(buildThread(rows, "best", 100)).join() !== flat(buildThread(rows, "oldest", 100)).join()) differs.push(p);
    }
    expect(differs.length).toBeGreaterThanOrEqual(3);
  });

  it("takes a few upvotes back, leaving no vote where one was undone", async () => {
    await t.seeded();
    expect(SEED_UNDOS.length).toBeGreaterThanOrEqual(2);
    const reviewId = async (key: string) => {
      const [author, film] = key.split("/");
      const title = SEED_FILMS.find((f) => f.key === film)!.title;
      return Number(
        (await all(`select p.id from posts p join users u on u.id = p.author_id join films f on f.id = p.film_id
             where u.username = '${author}' and f.title = '${title.replace(/'/g, "''")}'`))[0]!.id,
      );
    };
    const commentId = async (review: string, path: string) => {
      const thread = SEED_THREADS.find((th) => th.review === review)!;
      let c: SeedComment | undefined;
      for (const step of path.split(".")) c = (c ? c.replies : thread.comments)![Number(step) - 1];
      const body = (c!.edits ?? []).reduce((text, e) => applyBodyEdits(text, e.bodyEdits), c!.body);
      const found = (await sqlAll(t.db, `select id from comments where post_id = ? and body_md = ?`, await reviewId(review), body)) as Row[];
      expect(found).toHaveLength(1);
      return Number(found[0]!.id);
    };
    for (const u of SEED_UNDOS) {
      const voter = (await all(`select id from users where username = '${u.voter}'`))[0]!.id;
      const left = u.comment
        ? await sqlAll(t.db, `select * from comment_votes where user_id = ? and comment_id = ?`, voter, await commentId(u.review, u.comment))
        : await sqlAll(t.db, `select * from post_votes where user_id = ? and post_id = ?`, voter, await reviewId(u.review));
      expect(left).toHaveLength(0);
    }
  });

  it("spaces each member's votes so no vote limit trips", async () => {
    await t.seeded();
    const votes = await all(VOTES);
    for (const user of new Set(votes.map((v) => v.user_id))) {
      const times = votes.filter((v) => v.user_id === user).map((v) => Number(v.created_at)).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(VOTE_SPACING_MS);
    }
  });

  // The seed runs at every first start, so vote limits set far below their defaults must not stop it.
  const ENV_KEYS = ["VOTE_BURST_PER_MINUTE", "VOTE_DAILY_CAP", "VOTE_NEWCOMER_BURST_PER_MINUTE", "VOTE_NEWCOMER_DAILY_CAP"];
  afterEach(() => clearEnv(...ENV_KEYS));
  it("seeds under one vote a minute and twenty a day", async () => {
    setTestEnv({ VOTE_BURST_PER_MINUTE: "1", VOTE_DAILY_CAP: "20", VOTE_NEWCOMER_BURST_PER_MINUTE: "1", VOTE_NEWCOMER_DAILY_CAP: "20" });
    expect(await seedIfEmpty(t.db)).toMatchObject({ votes: SEED_VOTE_COUNT });
  });

  it("refuses a demo vote the product would refuse or that could not have happened", () => {
    const now = Date.UTC(2026, 0, 15);
    const joined = new Map([
      ["ann", now - 10 * DAY],
      ["bob", now - 10 * DAY],
    ]);
    const items = [
      { review: "ann/film", author: "ann", at: now - 5 * DAY },
      { review: "ann/film", comment: "1", author: "bob", at: now - 4 * DAY, deletedAt: now - 3 * DAY },
    ];
    const plan = (up: string[], comments?: Record<string, string[]>) => planVotes(items, joined, now, [{ review: "ann/film", up, comments }], []);
    expect(plan(["bob"])).toMatchObject([{ voter: "bob", review: "ann/film", value: "up" }]);
    expect(() => plan(["ann"])).toThrow(/never upvotes their own review/);
    expect(() => plan(["bob", "bob"])).toThrow(/listed twice/);
    expect(() => plan(["cy"])).toThrow(/no demo member "cy"/);
    expect(() => plan([], { "1": ["ann"] })).toThrow(/the comment is deleted/);
    expect(() => plan([], { "2": ["ann"] })).toThrow(/no such published review or comment/);
    const undo = planVotes(items, joined, now, [], [{ voter: "bob", review: "ann/film", undoAfter: "5m" }]);
    expect(undo.map((v) => v.value)).toEqual(["up", "none"]);
    expect(undo[1]!.at - undo[0]!.at).toBeGreaterThanOrEqual(VOTE_SPACING_MS);
  });
});

describe("demo badges, badge notes and views", () => {
  const t = demoDb();
  type Row = Record<string, number | string | null>;
  const all = async (q: string, ...params: unknown[]) => (await sqlAll(t.db, q, ...params)) as Row[];
  const one = async (q: string, ...params: unknown[]) => {
    const found = await all(q, ...params);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const day = (ms: unknown) => new Date(Number(ms)).toISOString().slice(0, 10);
  const systemId = async () => (await one(`select id from users where is_system = true`)).id;

  it("gives every member badges, with their points, holder counts and a notice each", async () => {
    await t.seeded();
    const members = await all(`select id, username, created_at, badge_points from users where is_system = false`);
    expect(members).toHaveLength(DEMO_USERS.length);
    const held = await all(`select ub.*, b.points from user_badges ub join badges b on b.slug = ub.badge_slug`);
    for (const m of members) {
      const mine = held.filter((b) => b.user_id === m.id);
      expect([m.username, mine.length > 0]).toEqual([m.username, true]);
      expect([m.username, m.badge_points]).toEqual([m.username, mine.reduce((n, b) => n + Number(b.points), 0)]);
      for (const b of mine) expect(Number(b.granted_at)).toBeGreaterThan(Number(m.created_at));
    }
    expect(await all(`select * from user_badges where user_id = ${SYSTEM}`)).toHaveLength(0);
    for (const b of await all(`select slug, holder_count, (select count(*) from user_badges ub where ub.badge_slug = badges.slug) as n from badges`)) {
      expect([b.slug, b.holder_count]).toEqual([b.slug, b.n]);
    }
    // Each grant told its member once, when it happened, pointing at what earned it.
    for (const g of held) {
      const told = await one(`select * from notifications where recipient_id = ? and kind = 'badge' and target = ?`, g.user_id, g.badge_slug);
      expect(told).toMatchObject({ created_at: g.granted_at, post_id: g.post_id, comment_id: g.comment_id, actor_id: null });
    }
    expect(await all(`select * from notifications where kind = 'badge'`)).toHaveLength(held.length);
    // Several ladders climbed: upvotes and views among them, a thousand views for one member at least.
    const holders = async (slug: string) => (await all(`select user_id from user_badges where badge_slug = ?`, slug)).length;
    expect(await holders("upvotes-10")).toBeGreaterThanOrEqual(3);
    expect(await holders("views-100")).toBeGreaterThanOrEqual(1);
    expect(await holders("views-1000")).toBeGreaterThanOrEqual(1);
    // None of it makes anyone but the newcomer new.
    expect((await all(`select username from users where is_new = true`)).map((u) => u.username)).toEqual(["hollis_greer"]);
  });

  it("records views through the verb: dozens to hundreds a review, exact counters, readers who existed", async () => {
    await t.seeded();
    const now = Date.now();
    const reviews = await all(
      `select p.id, p.view_count, p.upvote_count, (select count(*) from post_views v where v.post_id = p.id) as recount
         from posts p where p.status = 'published'`,
    );
    for (const r of reviews) expect([r.id, r.view_count]).toEqual([r.id, r.recount]);
    expect(await all(`select v.* from post_views v join posts p on p.id = v.post_id where p.status <> 'published'`)).toHaveLength(0);
    const counts = reviews.map((r) => Number(r.view_count)).sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)]!;
    expect(counts[0]).toBeGreaterThan(0);
    expect(median).toBeGreaterThanOrEqual(30);
    expect(median).toBeLessThanOrEqual(300);
    expect(counts.at(-1)).toBeLessThan(1000);
    // The favourites are read more than most.
    const top = Math.max(...reviews.map((r) => Number(r.upvote_count)));
    for (const r of reviews.filter((r) => r.upvote_count === top)) expect(Number(r.view_count)).toBeGreaterThan(median);

    // Views received: the sum over a member's reviews.
    for (const u of await all(`select username, views_received, (select coalesce(sum(view_count), 0) from posts p where p.author_id = users.id) as sum from users`)) {
      expect([u.username, u.views_received]).toEqual([u.username, u.sum]);
    }

    // Members read by their id, never their own reviews, from the day they joined; the rest come from
    // the pool of anonymous readers. No view before its review appeared or after today.
    const views = await all(
      `select v.*, p.author_id, p.published_at, u.id as member, u.created_at as joined, u.is_system
         from post_views v join posts p on p.id = v.post_id left join users u on v.viewer_key = 'u:' || u.id`,
    );
    for (const v of views) {
      expect(String(v.day) >= day(v.published_at) && String(v.day) <= day(now)).toBe(true);
      if (String(v.viewer_key).startsWith("u:")) {
        expect(v.member).not.toBeNull();
        expect(v.member).not.toBe(v.author_id);
        expect(v.is_system).toBe(0);
        expect(String(v.day) >= day(v.joined)).toBe(true);
      } else {
        const n = Number(/^a:seed-reader-(\d+)$/.exec(String(v.viewer_key))?.[1]);
        expect(n >= 1 && n <= ANON_READERS).toBe(true);
      }
    }
    const readers = new Set(views.filter((v) => v.member !== null).map((v) => v.member));
    expect(readers.size).toBe(DEMO_USERS.length);
  });

  it("has the system account note, under a review, the badges that review's upvotes earned its author", async () => {
    await t.seeded();
    const system = await systemId();
    const notes = await all(
      `select c.*, p.author_id as review_author, u.username from comments c join posts p on p.id = c.post_id join users u on u.id = p.author_id
         where c.announces_badge is not null order by c.id`,
    );
    expect(notes.length).toBeGreaterThanOrEqual(3);
    for (const n of notes) {
      const slug = String(n.announces_badge);
      const badge = BADGE_BY_SLUG.get(slug)!;
      expect(badge.ladder === "upvotes" || slug === "review-10-upvotes").toBe(true);
      expect([n.author_id, n.parent_id, n.deleted_at]).toEqual([system, null, null]);
      const grant = await one(`select * from user_badges where user_id = ? and badge_slug = ?`, n.review_author, slug);
      expect(grant).toMatchObject({ post_id: n.post_id, comment_id: null, granted_at: n.created_at });
      expect(String(n.body_md)).toContain(`**${badge.name}**`);
      expect(String(n.body_html)).toContain(`<a href="/u/${n.username}" class="mention">@${n.username}</a>`);
    }
    // Conversely, every badge a review's upvote earned was noted, unless its author had said STOP by then.
    const stops = await all(
      `select c.author_id, c.created_at from comments c join comments note on note.id = c.parent_id
         where note.announces_badge is not null and c.author_id <> ${SYSTEM}`,
    );
    const byReviewVotes = await all(`select * from user_badges where (badge_slug like 'upvotes-%' or badge_slug = 'review-10-upvotes') and comment_id is null`);
    expect(byReviewVotes.length).toBeGreaterThan(notes.length);
    for (const g of byReviewVotes) {
      const stopped = stops.some((s) => s.author_id === g.user_id && Number(s.created_at) < Number(g.granted_at));
      const noted = notes.some((n) => n.review_author === g.user_id && n.announces_badge === g.badge_slug);
      expect([g.user_id, g.badge_slug, noted]).toEqual([g.user_id, g.badge_slug, !stopped]);
    }
  });

  it("stops the notes for the author who replied STOP, and the system says so", async () => {
    await t.seeded();
    const system = await systemId();
    expect(SEED_STOPS.length).toBeGreaterThanOrEqual(1);
    const stoppers: string[] = [];
    for (const st of SEED_STOPS) {
      const username = st.review.split("/")[0]!;
      expect(username).not.toBe("hollis_greer");
      stoppers.push(username);
      const author = await one(`select * from users where username = ?`, username);
      expect(author.badge_announcements).toBe(0);
      const note = await one(
        `select c.* from comments c join posts p on p.id = c.post_id where p.author_id = ? and c.announces_badge = ?`,
        author.id,
        st.badge,
      );
      const stop = await one(`select * from comments where parent_id = ?`, note.id);
      expect(stop).toMatchObject({ author_id: author.id, body_md: "STOP", deleted_at: null });
      expect(Number(stop.created_at)).toBeGreaterThan(Number(note.created_at));
      const done = await one(`select * from comments where parent_id = ?`, stop.id);
      expect(done).toMatchObject({ author_id: system, announces_badge: null, created_at: stop.created_at });
      expect(String(done.body_md)).toMatch(/^Done: no more badge notes under your reviews\./);
      // No note under any of their reviews since…
      const since = await all(
        `select c.* from comments c join posts p on p.id = c.post_id where p.author_id = ? and c.announces_badge is not null and c.created_at > ?`,
        author.id,
        new Date(Number(stop.created_at)),
      );
      expect(since).toHaveLength(0);
      // …though a review's upvotes earned them another badge later, which came as a notice only.
      const later = await all(
        `select * from user_badges where user_id = ? and badge_slug like 'upvotes-%' and comment_id is null and granted_at > ?`,
        author.id,
        new Date(Number(stop.created_at)),
      );
      expect(later.length).toBeGreaterThanOrEqual(1);
      for (const g of later) await one(`select * from notifications where recipient_id = ? and kind = 'badge' and target = ?`, author.id, g.badge_slug);
    }
    // Everyone else still has the notes on.
    expect((await all(`select username from users where is_system = false and badge_announcements = false`)).map((u) => u.username)).toEqual(stoppers);
  });
});
