import { dbLabel } from "@/db";
import { ensureAuthSecret, getEnv } from "@/lib/env";
import { dbReady } from "@/lib/db";
import { createBootToken, markBooted } from "@/lib/boot";
import { demoPasswordNotice, seedIfEmpty } from "@/lib/seed/demo";
import { sweep } from "@/lib/maintenance/sweep";

const log = (msg: string) => console.log(`marquee: ${msg}`);

/** Secret, migrations and first-run seed, then expire what build time cached. */
export async function startServer() {
  const env = getEnv();
  const secret = ensureAuthSecret();
  if (secret.source === "generated") log(`AUTH_SECRET was not set; generated one and stored it in ${secret.file} (mode 0600).`);
  if (secret.source === "file") log(`using the AUTH_SECRET stored in ${secret.file}.`);
  if (!env.AUTH_URL) log(`AUTH_URL was not set; links and cookies use ${env.siteOrigin} (set AUTH_URL to the public origin on a real site).`);

  const db = await dbReady();
  log(`database ${dbLabel(db)} migrated.`);
  if (env.SEED_DEMO === "true") {
    const seeded = await seedIfEmpty(db);
    if (seeded) {
      log(`seeded demo content: ${seeded.users} members, ${seeded.films} films, ${seeded.reviews} reviews, ${seeded.comments} comments, ${seeded.votes} upvotes.`);
      // The first start only: a database that has members is never seeded again.
      log(demoPasswordNotice(seeded));
    }
  }

  // Start-up expires every page anyway, so what the sweep changes while stopped needs no more.
  if (env.SWEEP === "true") await sweep(db, new Date());
  const token = createBootToken();
  void expireBuildTimeCache(env.PORT, token);
  if (env.SWEEP === "true") setInterval(() => void sweepSoon(env.PORT, token), SWEEP_INTERVAL_MS).unref();
}

// How often a first week that just ended takes the "New" marker off the pages showing that name.
const SWEEP_INTERVAL_MS = 5 * 60_000;

async function sweepSoon(port: number, token: string) {
  try {
    await fetch(`http://127.0.0.1:${port}/api/internal/sweep`, { method: "POST", headers: { "x-marquee-boot": token } });
  } catch {
    // not listening: the next round tries again
  }
}

async function expireBuildTimeCache(port: number, token: string) {
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, i === 0 ? 50 : 100));
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/internal/boot`, {
        method: "POST",
        headers: { "x-marquee-boot": token },
      });
      if (res.status === 204) return;
    } catch {
      // not listening yet
    }
  }
  log("could not reach this server on 127.0.0.1 to expire the build-time cache; pages may show build-time data.");
  markBooted();
}
