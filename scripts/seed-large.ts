// `npm run seed:large -- --users 20000 --reviews 100000 --comments 1000000 --votes 5000000 [--out ./data/large.db]`:
// writes a large, deterministic database for benchmarks (lib/seed/large/seed.ts) to a new file.
import fs from "node:fs";
import path from "node:path";
import type { LargeOptions } from "@/lib/seed/large/options";

const USAGE = `Usage: npm run seed:large -- --users N --reviews N --comments N --votes N [options]

  --users N        members (at least 2)
  --reviews N      reviews, about 6% of them drafts
  --comments N     comments, threaded
  --votes N        upvotes on reviews and comments together
  --views N        review views (default: half the votes, and what the landmarks need)
  --films N        films (default: one per 30 reviews, at least 20)
  --seed N         generator seed (default 1); the same seed and numbers give the same rows
  --now ISO        the moment the history ends (default: LARGE_NOW in lib/seed/large/options.ts)
  --out FILE       where to write it (default ./data/large.db)
  --force          replace FILE if it exists`;

type Args = { options: LargeOptions; out: string; force: boolean };

class UsageError extends Error {}

const COUNTS = ["users", "reviews", "comments", "votes", "views", "films", "seed"] as const;

/** "20000", "20_000" and "20,000" are twenty thousand; anything else is refused with the reason. */
function count(flag: string, raw: string | undefined): number {
  if (raw === undefined || raw.startsWith("--")) throw new UsageError(`${flag} needs a number.`);
  const digits = raw.replace(/[_,]/g, "");
  if (!/^\d+$/.test(digits)) throw new UsageError(`${flag} must be a whole number like 20000, not "${raw}".`);
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) throw new UsageError(`${flag} ${raw} is too large.`);
  return n;
}

function parseArgs(argv: string[]): Args {
  const given: Partial<Record<(typeof COUNTS)[number], number>> = {};
  let out = "./data/large.db";
  let force = false;
  let now: Date | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    const name = flag.replace(/^--/, "");
    if (flag === "--help" || flag === "-h") throw new UsageError("");
    else if (flag === "--force") force = true;
    else if (flag === "--out") {
      const v = value();
      if (!v || v.startsWith("--")) throw new UsageError("--out needs a file name.");
      out = v;
    } else if (flag === "--now") {
      const v = value() ?? "";
      now = new Date(v);
      if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(now.getTime())) throw new UsageError(`--now must be a date like 2026-11-20T00:00:00Z, not "${v}".`);
    } else if ((COUNTS as readonly string[]).includes(name) && flag.startsWith("--")) {
      if (given[name as (typeof COUNTS)[number]] !== undefined) throw new UsageError(`${flag} is given twice.`);
      given[name as (typeof COUNTS)[number]] = count(flag, value());
    } else throw new UsageError(`Unknown argument "${argv[i]}".`);
  }
  const missing = (["users", "reviews", "comments", "votes"] as const).filter((k) => given[k] === undefined);
  if (missing.length) throw new UsageError(`Missing ${missing.map((k) => `--${k}`).join(", ")}.`);
  if (given.users! < 2) throw new UsageError("--users must be at least 2.");
  if (given.reviews! < 1) throw new UsageError("--reviews must be at least 1.");
  const { users, reviews, comments, votes, views, films, seed } = given as Required<typeof given>;
  return { options: { users, reviews, comments, votes, views, films, seed, now }, out, force };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message) console.error(`seed:large: ${err.message}\n`);
    console.error(USAGE);
    process.exit(err.message ? 2 : 0);
  }
  const out = path.resolve(args.out);
  if (fs.existsSync(out) && !args.force) {
    console.error(`seed:large: ${out} exists; pass --force to replace it.`);
    process.exit(1);
  }
  // Built beside the target and moved into place at the end, so a failed run leaves no half database.
  const building = `${out}.building`;
  const clear = (file: string) => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  };
  clear(building);
  const started = performance.now();
  // Loaded once the arguments are known to be good: a mistyped number fails at once.
  const { closeDb, unlockedWriter } = await import("@/db");
  const { openMarqueeDb } = await import("@/lib/db");
  const { LARGE_PASSWORD, LargeSeedError } = await import("@/lib/seed/large/options");
  const { seedLarge } = await import("@/lib/seed/large/seed");
  const db = await openMarqueeDb(building);
  try {
    const o = args.options;
    console.log(`seed:large: ${o.users} members, ${o.reviews} reviews, ${o.comments} comments, ${o.votes} upvotes (seed ${o.seed ?? 1}) → ${out}`);
    const result = await seedLarge(db, { ...o, log: (line) => console.log(`  ${line}`) });
    // eslint-disable-next-line no-restricted-syntax -- the large seed builds a SQLite file only
    unlockedWriter(db).$client.pragma("wal_checkpoint(TRUNCATE)");
    await closeDb(db);
    if (args.force) clear(out);
    fs.renameSync(building, out);
    const total = (performance.now() - started) / 1000;
    const { rows, landmarks } = result;
    console.log("");
    console.log("Phases:");
    for (const t of result.timings) console.log(`  ${t.phase.padEnd(28)} ${t.seconds.toFixed(1).padStart(7)} s`);
    console.log(`  ${"total".padEnd(28)} ${total.toFixed(1).padStart(7)} s`);
    console.log("");
    console.log("Rows:");
    for (const [table, n] of Object.entries(rows)) console.log(`  ${table.padEnd(28)} ${n.toLocaleString("en-US").padStart(12)}`);
    console.log("");
    console.log(`Every member's password: ${LARGE_PASSWORD}`);
    console.log(`Its hash, shared by all: ${result.passwordHash}`);
    console.log("");
    console.log("Landmarks:");
    for (const t of landmarks.threads) console.log(`  review with ${t.comments} comments: /reviews/${t.slug}`);
    console.log(`  most upvoted review:       /reviews/${landmarks.popularReview.slug} (${landmarks.popularReview.upvotes} upvotes)`);
    console.log(`  most reviewed film:        /films/${landmarks.popularFilm.slug} (${landmarks.popularFilm.reviews} reviews)`);
    if (landmarks.fullBoard) console.log(`  full badge board:          /u/${landmarks.fullBoard.username}/badges (${landmarks.fullBoard.badges} badges)`);
    if (landmarks.admin) console.log(`  an admin:                  ${landmarks.admin}`);
    if (landmarks.moderator) console.log(`  a moderator:               ${landmarks.moderator}`);
    console.log("");
    console.log(`Wrote ${out}: ${mb(fs.statSync(out).size)} in ${total.toFixed(0)} s.`);
  } catch (err) {
    await closeDb(db);
    clear(building);
    if (err instanceof LargeSeedError) {
      console.error(`seed:large: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
