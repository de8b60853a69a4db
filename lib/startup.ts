import cluster from "node:cluster";
import { dbLabel } from "@/db";
import { ensureAuthSecret, getEnv } from "@/lib/env";
import { dbReady } from "@/lib/db";
import { markBooted } from "@/lib/boot";
import { demoPasswordNotice, seedIfEmpty } from "@/lib/seed/demo";
import { sweep, SWEEP_EVERY_MS } from "@/lib/maintenance/sweep";

const log = (msg: string) => console.log(`marquee: ${msg}`);

/**
 * The secret, the migrations and the first-run seed: done once by whoever starts first (the
 * primary of several workers does it before it starts them, so they never race for it), and again,
 * quietly and with nothing left to do, by each serving process.
 */
export async function prepareData({ quiet = false } = {}) {
  const env = getEnv();
  const say = quiet ? () => {} : log;
  const secret = ensureAuthSecret();
  if (secret.source === "generated") say(`AUTH_SECRET was not set; generated one and stored it in ${secret.file} (mode 0600).`);
  if (secret.source === "file") say(`using the AUTH_SECRET stored in ${secret.file}.`);
  if (!env.AUTH_URL) say(`AUTH_URL was not set; links and cookies use ${env.siteOrigin} (set AUTH_URL to the public origin on a real site).`);

  const db = await dbReady();
  say(`database ${dbLabel(db)} migrated.`);
  if (env.SEED_DEMO === "true") {
    const seeded = await seedIfEmpty(db);
    if (seeded) {
      say(`seeded demo content: ${seeded.users} members, ${seeded.films} films, ${seeded.reviews} reviews, ${seeded.comments} comments, ${seeded.votes} upvotes.`);
      // The first start only: a database that has members is never seeded again.
      say(demoPasswordNotice(seeded));
    }
  }
  return { db, secret: secret.secret };
}

/**
 * A serving process's start (instrumentation.ts): the data prepared, then the sweep, now and every
 * few minutes; each run is claimed in the database, so across all processes it runs once. What a
 * run changes is expired in every process through the rows its write commits (lib/cache/shared-tags.ts);
 * this process's own start-up expiry happens at its first request (server/shared-tags.ts).
 */
export async function startServer() {
  const env = getEnv();
  const { db } = await prepareData({ quiet: cluster.isWorker });
  if (env.SWEEP === "true") {
    await sweep(db, new Date());
    setInterval(() => void sweep(db, new Date()).catch((err: unknown) => log(`the sweep failed and runs again later: ${String(err)}`)), SWEEP_EVERY_MS / 5).unref();
  }
  markBooted();
}
