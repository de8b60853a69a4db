import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { backupDatabase } from "@/db/backup";
import { listThread } from "@/lib/comments/queries";
import { buildThread, DEFAULT_SORT, DISPLAY_DEPTH, type CommentNode } from "@/lib/comments/tree";
import { recountAll } from "@/lib/maintenance/recount";
import { getReviewBySlug, listFeed } from "@/lib/reviews/queries";
import { countMembers, listNewestMembers } from "@/lib/users/queries";
import { MIGRATIONS, REPO_ROOT } from "../helpers/db";
import { buildWriter, durabilityHarness, integrity, missingAcks, tally } from "../helpers/durability-fixtures";
import { prng, type Ack } from "../helpers/durability-shared";
import { setTestEnv } from "../helpers/env";
import { allCounterDrift, RECOUNT_NOTHING } from "../helpers/votes";
import { sqlColumn, sqlValue } from "@/tests/helpers/sql";

// P7: an acknowledged write survives a process kill, no SQLITE_BUSY reaches a writer, backups are
// online and restorable. Writers are separate processes running the real verbs on one SQLite file.

// Fixed, so a failure replays: the same kill moments, and each writer the same choices.
const SEED = 0x5eed_f11e;
const KILLS = 20;
const WRITERS = 4;
const OPS_PER_WRITER = 150;
const MINUTE = 60_000;

let dir: string;
const h = durabilityHarness({
  migrations: MIGRATIONS,
  create: async (name) => path.join(dir, name, "marquee.db"),
});
const { freshDb, writer, withDb } = h;

beforeAll(async () => {
  setTestEnv();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-durability-"));
  h.use(await buildWriter(dir));
}, MINUTE);

afterAll(async () => {
  await h.killAll();
  fs.rmSync(dir, { recursive: true, force: true });
}, MINUTE);

async function expectCountersExact(db: DB) {
  expect(await allCounterDrift(db, new Date())).toEqual([]);
  expect(await recountAll(db)).toEqual(RECOUNT_NOTHING);
}

/** Reviews, members' comments and votes in the file: what the writers wrote, acknowledged or not. */
const writtenRows = async (db: DB) =>
  (await sqlValue(db, `select (select count(*) from posts) + (select count(*) from comments c join users u on u.id = c.author_id where u.is_system = false)
            + (select count(*) from post_votes) + (select count(*) from comment_votes)`)) as number;

const summary = (label: string, facts: Record<string, unknown>) =>
  console.log(`${label}: ${Object.entries(facts).map(([k, v]) => `${k} ${typeof v === "object" ? JSON.stringify(v) : v}`).join(", ")}`);

describe("durability (P7)", () => {
  it(`keeps every acknowledged write through ${KILLS} kill -9s of a writer process`, async () => {
    const t0 = performance.now();
    const { file, members } = await freshDb("kill", 6);
    const random = prng(SEED);
    const acks: Ack[] = [];
    const perRound: number[] = [];
    let checks = 0;
    const life = (round: number) => writer({ file, tag: `k${round}`, seed: SEED + round, members, waitForGo: true });
    // The next lives load their code meanwhile and open the database only when told: a round
    // costs the wait before the kill more than a start-up, and no one has the file open at the kill.
    const waiting = [life(1), life(2)];
    for (let round = 1; round <= KILLS; round++) {
      const w = waiting.shift()!;
      await w.loaded();
      w.go();
      await w.firstAck();
      if (round + waiting.length < KILLS) waiting.push(life(round + waiting.length + 1));
      await sleep(30 + Math.floor(random() * 371));
      const { signal } = await w.kill();
      expect(signal, `round ${round}: the writer ended by itself\n${w.stderr()}`).toBe("SIGKILL");
      expect(w.errors, `round ${round}`).toEqual([]);
      // Killed with the database open: the next opener recovers from the WAL left behind.
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      acks.push(...w.acks);
      perRound.push(w.acks.length);
      await withDb(file, async (db) => {
        expect(integrity(db), `round ${round}`).toBe("ok");
        expect(await missingAcks(db, acks), `round ${round}`).toEqual([]);
      });
      checks += acks.length;
    }
    const unacknowledged = await withDb(file, async (db) => {
      expect(integrity(db)).toBe("ok");
      await expectCountersExact(db);
      // The check itself notices a row that is not there.
      const first = <K extends Ack["kind"]>(kind: K) => acks.find((a): a is Extract<Ack, { kind: K }> => a.kind === kind)!;
      const absent = [{ ...first("review"), id: 1e9 }, { ...first("comment"), body: "edited" }, { ...first("vote"), id: 1e9 }];
      expect(await missingAcks(db, absent)).toHaveLength(3);
      return await writtenRows(db) - acks.length;
    });
    expect(Math.min(...perRound)).toBeGreaterThan(0);
    summary("kill -9 loop", {
      kills: KILLS,
      acked: acks.length,
      ...tally(acks),
      "committed but never acknowledged": unacknowledged,
      "ack checks": checks,
      "acks per life": perRound.join(" "),
      s: ((performance.now() - t0) / 1000).toFixed(1),
    });
  }, 3 * MINUTE);

  it(`lets ${WRITERS} writer processes write at once: no SQLITE_BUSY, nothing lost, counters exact`, async () => {
    const t0 = performance.now();
    const { file, members } = await freshDb("four", 8);
    // Every writer writes as any member: the same member's comments and votes come from several
    // processes at once, as from a member's several tabs.
    const ws = Array.from({ length: WRITERS }, (_, i) =>
      writer({ file, tag: `w${i + 1}`, seed: SEED * 7 + i, members, ops: OPS_PER_WRITER, waitForGo: true, waitToWrite: true, refreshEvery: 10 }),
    );
    await Promise.all(ws.map((w) => w.loaded()));
    // All four open the database at once (each syncing the badge catalog in its own write)…
    for (const w of ws) w.go();
    await Promise.all(ws.map((w) => w.opened()));
    // …then write at once.
    for (const w of ws) w.go();
    const ends = await Promise.all(ws.map((w) => w.exited));
    ws.forEach((w, i) => {
      expect(w.errors, `writer ${i + 1}`).toEqual([]);
      expect(ends[i], `writer ${i + 1}: ${w.stderr()}`).toEqual({ code: 0, signal: null });
      expect(w.acks).toHaveLength(OPS_PER_WRITER);
    });
    // They really wrote side by side: each writer acknowledged writes while another was acknowledging
    // its own. (Not all four throughout: the write lock is not handed out in turn, so one writer can
    // get through its run while another waits.)
    const spans = ws.map((w) => [w.times[0]!, w.times.at(-1)!] as const);
    spans.forEach(([from, to], i) => {
      const alongside = spans.filter(([f, t], j) => j !== i && f < to && from < t).length;
      expect(alongside, `writer ${i + 1} wrote alone: ${spans.map(([f, t]) => `${Math.round(f - t0)}..${Math.round(t - t0)} ms`).join(", ")}`).toBeGreaterThan(0);
    });
    const acks = ws.flatMap((w) => w.acks);
    const byWriter = new Map(ws.flatMap((w, i) => w.acks.filter((a) => a.kind !== "vote").map((a) => [`${a.kind}:${a.id}`, i])));
    // …and on each other's rows: replies to, and votes on, what another writer wrote.
    const crossing = ws.flatMap((w, i) =>
      w.acks.filter((a) =>
        a.kind === "comment" ? a.parentId !== null && byWriter.get(`comment:${a.parentId}`) !== i : a.kind === "vote" && (byWriter.get(`${a.type}:${a.id}`) ?? i) !== i,
      ),
    );
    expect(crossing.length).toBeGreaterThan(0);
    await withDb(file, async (db) => {
      expect(integrity(db)).toBe("ok");
      expect(await missingAcks(db, acks)).toEqual([]);
      await expectCountersExact(db);
    });
    summary("four writers", {
      "ms writing": spans.map(([f, t]) => `${Math.round(f - t0)}..${Math.round(t - t0)}`).join(" "), writers: WRITERS, "ops each": OPS_PER_WRITER, acked: acks.length, ...tally(acks), "on another's rows": crossing.length, s: ((performance.now() - t0) / 1000).toFixed(1) });
  }, 3 * MINUTE);

  it("backs up online while a writer writes; the copy is sound, complete, and serves once restored", async () => {
    const t0 = performance.now();
    const { file, members } = await freshDb("backup", 6);
    const w = writer({ file, tag: "b", seed: SEED * 13, members });
    await w.acked(150);

    const direct = path.join(dir, "backup", "direct.db");
    const beforeDirect = w.acks.slice();
    const report = await backupDatabase(file, direct);
    const duringDirect = w.acks.length - beforeDirect.length;
    expect(report).toMatchObject({ file: direct, integrity: "ok" });
    expect(report.bytes).toBe(fs.statSync(direct).size);

    const viaCli = path.join(dir, "backup", "cli.db");
    const beforeCli = w.acks.slice();
    const cli = await run("npm", ["run", "--silent", "backup", "--", viaCli, "--db", file]);
    expect(cli, cli.stderr).toMatchObject({ code: 0 });
    expect(cli.stdout).toMatch(/integrity_check ok/);
    expect(cli.stdout).toMatch(/^[ \t]+posts[ \t]+\d/m);
    const cliHash = sha256(viaCli);
    // The writer never waited on the backups: it is still writing.
    await w.acked(w.acks.length + 20);
    // A crash, not a clean stop: the live file keeps a WAL that a careless restore would replay.
    await w.kill();
    expect(w.errors).toEqual([]);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

    const again = await run("npm", ["run", "--silent", "backup", "--", viaCli, "--db", file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; a backup never overwrites/);
    expect(sha256(viaCli)).toBe(cliHash);
    await expect(backupDatabase(file, direct)).rejects.toThrow(/already exists/);

    // Restored as the README says: no WAL left beside the database path, the backup copied over it.
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    fs.copyFileSync(direct, file);
    const restored = await checkRestored(file, beforeDirect, w.acks.slice(beforeDirect.length));
    const other = path.join(dir, "backup", "restored-cli", "marquee.db");
    fs.mkdirSync(path.dirname(other));
    fs.copyFileSync(viaCli, other);
    const restoredCli = await checkRestored(other, beforeCli, w.acks.slice(beforeCli.length));
    summary("backup while writing", {
      "acked before": beforeDirect.length,
      "acked during": duringDirect,
      "backup bytes": report.bytes,
      "backup ms": Math.round(report.ms),
      rows: report.rows,
      "cli acked before": beforeCli.length,
      "acked later yet in the copy": `${restored.later} (direct) ${restoredCli.later} (cli)`,
      s: ((performance.now() - t0) / 1000).toFixed(1),
    });
  }, 3 * MINUTE);
});

/**
 * A backup put in place at `file`: sound, already migrated (openDb has nothing to apply), holds
 * every write acknowledged before the backup began with exact counters, and the review page's and
 * home feed's loaders read from it. Returns how many of the writes acknowledged after the backup
 * began made it in too (any number may: the copy is of some moment during the backup).
 */
async function checkRestored(file: string, acked: Ack[], ackedLater: Ack[]) {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  const journal = raw.pragma("journal_mode", { simple: true });
  const applied = raw.prepare(`select hash from __drizzle_migrations order by id`).pluck().all();
  const schema = raw.prepare(`select sql from sqlite_master order by name`).pluck().all();
  raw.close();
  expect(journal).toBe("delete");
  const migrations = (JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
  expect(applied).toHaveLength(migrations);
  return withDb(file, async (db) => {
    expect(await sqlColumn(db, `select hash from __drizzle_migrations order by id`)).toEqual(applied);
    expect(await sqlColumn(db, `select sql from sqlite_master order by name`)).toEqual(schema);
    expect(integrity(db)).toBe("ok");
    expect(await missingAcks(db, acked)).toEqual([]);
    await expectCountersExact(db);

    // The review with the most acknowledged comments, read as its page reads it.
    const reviews = acked.filter((a) => a.kind === "review");
    const comments = acked.filter((a) => a.kind === "comment");
    const busiest = reviews.map((r) => ({ r, n: comments.filter((c) => c.reviewId === r.id).length })).sort((a, b) => b.n - a.n)[0]!;
    expect(busiest.n).toBeGreaterThan(0);
    const page = await getReviewBySlug(db, busiest.r.slug);
    expect(page).toMatchObject({ id: busiest.r.id, title: busiest.r.title, status: "published", author: { id: busiest.r.authorId } });
    const rows = await listThread(db, busiest.r.id);
    const mine = comments.filter((c) => c.reviewId === busiest.r.id);
    expect(rows.map((c) => c.id)).toEqual(expect.arrayContaining(mine.map((c) => c.id)));
    const shown = new Set<number>();
    const walk = (nodes: CommentNode[]) => nodes.forEach((n) => (shown.add(n.id), walk(n.children)));
    walk(buildThread(rows, DEFAULT_SORT));
    const shallow = rows.filter((c) => c.depth <= DISPLAY_DEPTH).map((c) => c.id);
    expect([...shown].sort((a, b) => a - b)).toEqual(shallow.sort((a, b) => a - b));
    expect(page!.commentCount).toBe(rows.filter((c) => !c.deleted).length);

    // The home page: the hot feed and the newest members.
    const published = (await sqlValue(db, `select count(*) from posts where status = 'published'`)) as number;
    const hot = (await listFeed(db, { tab: "hot" })).items.map((i) => i.id);
    expect(hot).toEqual(await sqlColumn(db, `select id from posts where status = 'published' order by hot_score desc, id desc limit 20`));
    expect(hot).toHaveLength(Math.min(published, 20));
    const newest = (await listFeed(db, { tab: "new" })).items[0]!;
    expect(newest.id).toBe(await sqlValue(db, `select max(id) from posts where status = 'published'`));
    expect(await countMembers(db)).toBeGreaterThanOrEqual(6);
    expect((await listNewestMembers(db, 8)).length).toBeGreaterThanOrEqual(6);
    return { later: ackedLater.length - (await missingAcks(db, ackedLater)).length };
  });
}

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Runs a command from the repository root; resolves with its exit code and output. */
function run(cmd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: REPO_ROOT, env: process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
