import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { closeDb, type DB } from "@/db";
import { openMarqueeDb } from "@/lib/db";
import { REPO_ROOT } from "./db";
import { WRITER_ENV, type Ack, type Line, type Member, type WriterConfig } from "./durability-shared";
import { makeUser } from "./reviews";
import { sqlGet } from "@/tests/helpers/sql";

// The parent's side of the durability tests: writer processes, and checks of what they acknowledged.

const WRITER = path.join(REPO_ROOT, "tests", "helpers", "durability-writer.ts");

/**
 * Bundles the writer (the app's own modules, as they are) into one plain script in `dir`. Started
 * through tsx, each writer spent about 0.6 s of CPU compiling and resolving before its first
 * write, four times what the bundle costs: twenty lives on two cores felt it. The esbuild used is
 * the one tsx runs on.
 */
export async function buildWriter(dir: string): Promise<string> {
  const fromTsx = createRequire(createRequire(path.join(REPO_ROOT, "package.json")).resolve("tsx/package.json"));
  const esbuild = fromTsx("esbuild") as { build: (options: Record<string, unknown>) => Promise<unknown> };
  const outfile = path.join(dir, "durability-writer.cjs");
  await esbuild.build({
    entryPoints: [WRITER],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Native: loaded from the repository's node_modules (NODE_PATH below), not copied.
    external: ["better-sqlite3", "pg"],
    tsconfig: path.join(REPO_ROOT, "tsconfig.json"),
    logLevel: "error",
  });
  return outfile;
}

export type Writer = ReturnType<typeof startWriter>;

/**
 * Starts the bundled writer as a child process of its own: plain node, no wrapper (the tsx
 * command, say, runs a script in a grandchild that a kill of the child would leave running).
 * `acks` fills as lines arrive; `errors` holds any error a verb threw.
 */
export function startWriter(script: string, config: WriterConfig) {
  const child = spawn(process.execPath, [script, JSON.stringify(config)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...WRITER_ENV, NODE_PATH: path.join(REPO_ROOT, "node_modules") },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const acks: Ack[] = [];
  // When each acknowledgement arrived (performance.now()), by index.
  const times: number[] = [];
  const errors: string[] = [];
  let stderr = "";
  let pending = "";
  const waiters: { test: () => boolean; resolve: () => void; reject: (e: Error) => void }[] = [];
  let ended: Error | null = null;
  const settle = () => {
    for (const w of waiters.splice(0)) {
      if (w.test()) w.resolve();
      else if (ended) w.reject(ended);
      else waiters.push(w);
    }
  };
  let isLoaded = false;
  let isOpen = false;
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    // A line cut off by the kill never reached us whole: it acknowledges nothing.
    pending = lines.pop()!;
    for (const text of lines) {
      let line: Line;
      try {
        line = JSON.parse(text) as Line;
      } catch {
        errors.push(`unexpected output: ${text}`);
        continue;
      }
      if (line.kind === "loaded") isLoaded = true;
      else if (line.kind === "open") isOpen = true;
      else if (line.kind === "error") errors.push(`${line.name}${line.code ? ` ${line.code}` : ""}: ${line.message}`);
      else {
        acks.push(line);
        times.push(performance.now());
      }
    }
    settle();
  });
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => {
      ended = new Error(`writer ${config.tag} ended (code ${code}, signal ${signal}) ${errors.join("; ")}\n${stderr}`);
      settle();
      resolve({ code, signal });
    }),
  );
  const until = (test: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      waiters.push({ test, resolve, reject });
      settle();
    });
  return {
    acks,
    times,
    errors,
    exited,
    stderr: () => stderr,
    loaded: () => until(() => isLoaded),
    opened: () => until(() => isOpen),
    firstAck: () => until(() => acks.length > 0),
    acked: (n: number) => until(() => acks.length >= n),
    go: () => child.stdin.write("go\n"),
    /** SIGKILL: no handler runs, no connection closes, as when the machine's OOM killer strikes. */
    kill: async () => {
      child.kill("SIGKILL");
      return exited;
    },
  };
}

/** The acknowledged writes whose rows are missing or differ: `[]` when every one is there as acknowledged. */
export async function missingAcks(db: DB, acks: readonly Ack[]): Promise<string[]> {
  const get = async (sql: string, ...args: unknown[]) => (await sqlGet(db, sql, ...args)) as Record<string, unknown> | undefined;
  const problems: string[] = [];
  for (const a of acks) {
    if (a.kind === "review") {
      const row = await get(`select slug, author_id as authorId, title, status, (select count(*) from post_revisions r where r.post_id = posts.id) as revisions from posts where id = ?`, a.id);
      const want = { slug: a.slug, authorId: a.authorId, title: a.title, status: "published", revisions: 1 };
      if (JSON.stringify(row) !== JSON.stringify(want)) problems.push(`review ${a.id}: ${JSON.stringify(row)} instead of ${JSON.stringify(want)}`);
    } else if (a.kind === "comment") {
      const row = await get(
        `select post_id as reviewId, parent_id as parentId, author_id as authorId, body_md as body,
                (select count(*) from comment_revisions r where r.comment_id = comments.id) as revisions
         from comments where id = ? and deleted_at is null`,
        a.id,
      );
      const want = { reviewId: a.reviewId, parentId: a.parentId, authorId: a.authorId, body: a.body, revisions: 1 };
      if (JSON.stringify(row) !== JSON.stringify(want)) problems.push(`comment ${a.id}: ${JSON.stringify(row)} instead of ${JSON.stringify(want)}`);
    } else {
      const row =
        a.type === "review"
          ? await get(`select 1 as one from post_votes where user_id = ? and post_id = ?`, a.userId, a.id)
          : await get(`select 1 as one from comment_votes where user_id = ? and comment_id = ?`, a.userId, a.id);
      if (!row) problems.push(`${a.type} vote by ${a.userId} on ${a.id}: no row`);
    }
  }
  return problems;
}

/** `PRAGMA integrity_check`'s answer as one string: "ok" when the file is sound. */
export const integrity = (db: DB) => (db.$client.pragma("integrity_check", { simple: false }) as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");

/** Acknowledged writes by kind, for the summary a test prints. */
export function tally(acks: readonly Ack[]) {
  const t = { reviews: 0, comments: 0, replies: 0, votes: 0 };
  for (const a of acks) {
    if (a.kind === "review") t.reviews++;
    else if (a.kind === "comment") t[a.parentId === null ? "comments" : "replies"]++;
    else t.votes++;
  }
  return t;
}

/**
 * The durability tests' database and writers, on either dialect: `create(name)` makes an empty
 * database and returns what openDb opens (a SQLite file's path, a PostgreSQL address), and
 * `migrations` is that dialect's folder. Call `use(script)` with the bundled writer first.
 */
export function durabilityHarness(opts: { migrations: string; create: (name: string) => Promise<string> }) {
  let script = "";
  const started = new Set<Writer>();

  /** Opens the database with the app's openDb, runs `fn`, closes: no connection stays open between checks. */
  async function withDb<T>(target: string, fn: (db: DB) => Promise<T> | T): Promise<T> {
    const db = await openMarqueeDb(target, { migrationsFolder: opts.migrations });
    try {
      return await fn(db);
    } finally {
      await closeDb(db);
    }
  }

  return {
    use: (bundled: string) => void (script = bundled),
    withDb,
    /** A new database built from the committed migrations, with `n` members; closed again. */
    freshDb: (name: string, n: number) =>
      opts.create(name).then((file) =>
        withDb(file, async (db) => {
          const members: Member[] = [];
          for (let i = 1; i <= n; i++) members.push({ id: (await makeUser(db, `${name}${i}`)).id, username: `${name}${i}` });
          return { file, members };
        }),
      ),
    writer(config: Omit<WriterConfig, "migrations" | "refreshEvery"> & { refreshEvery?: number }): Writer {
      const w = startWriter(script, { migrations: opts.migrations, refreshEvery: 20, ...config });
      started.add(w);
      return w;
    },
    /** A failed test must not leave a writer behind, nor one waiting for its signal to start. */
    killAll: () => Promise.all([...started].map((w) => w.kill())),
  };
}
