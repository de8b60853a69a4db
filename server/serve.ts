// The production server (`npm start` runs it after building; its PID is the server's): Next.js's
// request handler behind the security headers every response carries. With WEB_CONCURRENCY above
// one (by default, one process per core), this process is the primary of that many workers on the
// same port (server/cluster.ts).
import cluster from "node:cluster";
import path from "node:path";
import { fail, startMarquee } from "./main";
import { runPrimary, workersWanted } from "./cluster";

// Next.js types NODE_ENV as read-only; it is this process's to set, before Next.js loads.
Object.assign(process.env, { NODE_ENV: "production" });
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

async function main() {
  const { getEnv } = await import("../lib/env");
  const count = workersWanted(getEnv().WEB_CONCURRENCY);
  if (count > 1 && cluster.isPrimary) {
    await runPrimary(count, async () => {
      const { prepareData } = await import("../lib/startup");
      const { closeDb } = await import("../db");
      const { db, secret } = await prepareData();
      await closeDb(db);
      // Every worker signs with the same secret, however it was found.
      return { AUTH_SECRET: secret };
    });
    return;
  }
  await startMarquee({ root: path.resolve(__dirname, ".."), dev: false });
}

main().catch(fail);
