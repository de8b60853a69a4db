// Runs as its own process (bundled and started by ./durability-fixtures.ts): opens the test's
// SQLite file with the app's openDb and loops through real verbs — reviews, comments, threaded
// replies, upvotes on reviews and comments — printing one JSON line on stdout after each verb
// has returned. A line that reached the parent is an acknowledged write; nothing else is.
import { closeDb, type DB } from "@/db";
import { makeCtx } from "@/lib/context";
import { openMarqueeDb } from "@/lib/db";
import { createComment } from "@/lib/comments/create-comment";
import { createReview } from "@/lib/reviews/create-review";
import { castVote } from "@/lib/votes/cast-vote";
import { prng, type Ack, type WriterConfig } from "./durability-shared";
import { setTestEnv } from "./env";
import { sqlAll } from "@/tests/helpers/sql";

const config = JSON.parse(process.argv[2]!) as WriterConfig;
const random = prng(config.seed);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const FILMS = [
  { filmTitle: "The Third Man", filmYear: "1949" },
  { filmTitle: "Stalker", filmYear: "1979" },
  { filmTitle: "Cléo from 5 to 7", filmYear: "1962" },
  { filmTitle: "Tokyo Story", filmYear: "1953" },
];

type Item = { id: number; authorId: string | null };
type Known = { reviews: Item[]; comments: (Item & { reviewId: number })[]; votes: Set<string> };

/** What the database holds now (other writers' rows included): the targets this writer picks from. */
async function load(db: DB): Promise<Known> {
  const q = async <T>(sql: string) => (await sqlAll(db, sql)) as T[];
  return {
    reviews: (await q<Item>(`select id, author_id as authorId from posts where status = 'published'`)),
    // Badge notes by the system account take no upvotes: leave them out.
    comments: (await q<Item & { reviewId: number }>(
      `select c.id, c.post_id as reviewId, c.author_id as authorId from comments c join users u on u.id = c.author_id
       where c.deleted_at is null and u.is_system = false`,
    )),
    votes: new Set([
      ...(await q<{ k: string }>(`select user_id || ':review:' || post_id as k from post_votes`)).map((r) => r.k),
      ...(await q<{ k: string }>(`select user_id || ':comment:' || comment_id as k from comment_votes`)).map((r) => r.k),
    ]),
  };
}

let n = 0;
const label = () => `${config.tag}-${++n}`;

async function writeReview(db: DB, known: Known): Promise<Ack> {
  const author = pick(config.members);
  const mention = random() < 0.3 ? ` As @${pick(config.members).username} said, it holds up.` : "";
  const title = `Notes on a rewatch ${label()}`;
  const form = {
    title,
    body: `A long look at the **framing** and the sound.${mention}\n\nSecond paragraph, ${title}.`,
    score: random() < 0.8 ? String(1 + Math.floor(random() * 10)) : "",
    tags: pick(["noir", "slow-cinema, rewatch", "", "vienna, noir, rubble"]),
    intent: "publish",
    ...pick(FILMS),
  };
  const r = await createReview(makeCtx(db, { actor: { id: author.id, role: "member" } }), form);
  known.reviews.push({ id: r.id, authorId: author.id });
  return { kind: "review", id: r.id, slug: r.slug, authorId: author.id, title };
}

async function writeComment(db: DB, known: Known): Promise<Ack> {
  const author = pick(config.members);
  const review = pick(known.reviews);
  const under = known.comments.filter((c) => c.reviewId === review.id);
  const parent = under.length && random() < 0.5 ? pick(under) : null;
  const body = `${parent ? "Replying" : "Commenting"}: ${label()} — the zither again.${random() < 0.2 ? ` @${pick(config.members).username}` : ""}`;
  const r = await createComment(makeCtx(db, { actor: { id: author.id, role: "member" } }), { reviewId: String(review.id), parentId: parent ? String(parent.id) : "", body });
  known.comments.push({ id: r.comment.id, reviewId: review.id, authorId: author.id });
  return { kind: "comment", id: r.comment.id, reviewId: review.id, parentId: parent?.id ?? null, authorId: author.id, body };
}

/** An upvote by a member who is not the author and has not voted on it yet, or null when none is left to try. */
async function writeVote(db: DB, known: Known): Promise<Ack | null> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const type = random() < 0.5 || !known.comments.length ? "review" : "comment";
    const target = type === "review" ? pick(known.reviews) : pick(known.comments);
    const voter = pick(config.members);
    const key = `${voter.id}:${type}:${target.id}`;
    if (voter.id === target.authorId || known.votes.has(key)) continue;
    // Another writer may have cast this very vote a moment ago: then nothing changes, and the row is there all the same.
    const r = await castVote(makeCtx(db, { actor: { id: voter.id, role: "member" } }), { type, id: String(target.id), value: "up" });
    known.votes.add(key);
    return { kind: "vote", type, id: target.id, userId: voter.id, changed: r.changed };
  }
  return null;
}

async function step(db: DB, known: Known): Promise<Ack> {
  const roll = random();
  if (!known.reviews.length || roll < 0.15) return writeReview(db, known);
  if (roll < 0.45) return writeComment(db, known);
  return (await writeVote(db, known)) ?? writeComment(db, known);
}

const say = (line: unknown) => process.stdout.write(JSON.stringify(line) + "\n");

/** Resolves at each line the parent writes on stdin; the parent sends one only after hearing from us. */
const lines: (() => void)[] = [];
const nextLine = () => new Promise<void>((resolve) => lines.push(resolve));
process.stdin.on("data", () => lines.shift()?.());

async function main() {
  setTestEnv();
  say({ kind: "loaded" });
  if (config.waitForGo) await nextLine();
  const db = await openMarqueeDb(config.file, { migrationsFolder: config.migrations });
  if (config.waitToWrite) {
    say({ kind: "open" });
    await nextLine();
  }
  process.stdin.destroy();
  let known = await load(db);
  for (let i = 0; config.ops === undefined || i < config.ops; i++) {
    if (i > 0 && i % config.refreshEvery === 0) known = await load(db);
    say(await step(db, known));
    // Let the acknowledgement leave, as a server answers a request before taking the next one.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await closeDb(db);
}

main().catch((err: unknown) => {
  const e = err as { name?: string; message?: string; code?: string };
  say({ kind: "error", name: e.name, code: e.code ?? null, message: e.message ?? String(err) });
  process.exitCode = 1;
});
