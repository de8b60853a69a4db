// `npm run test:pg [-- <vitest arguments>]`: the integration suite on PostgreSQL; with `--e2e
// [<playwright arguments>]`, the end-to-end suite instead. Starts a throwaway cluster of its own
// (scripts/postgres-throwaway.mjs: initdb in a temporary folder, a free port, run as the postgres
// user when root) and stops it at the end, whatever happened.
// - Vitest: a template database migrated from drizzle/pg; DATABASE_URL points at the cluster and
//   tests/helpers/db.ts copies the template for each test.
// - Playwright: an empty database the server migrates and seeds on start (E2E_DATABASE_URL, which
//   playwright.config.ts hands the server as DATABASE_URL).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { startPostgres } from "./postgres-throwaway.mjs";

const root = path.resolve(import.meta.dirname, "..");
export const TEMPLATE = "marquee_template";

/** A throwaway cluster with a database migrated from drizzle/pg to copy (`TEMPLATE`). */
export async function startTestCluster() {
  const cluster = await startPostgres({ name: "marquee-suite" });
  try {
    const pool = new pg.Pool({ connectionString: await cluster.createDatabase(TEMPLATE), max: 1 });
    try {
      await migrate(drizzle(pool), { migrationsFolder: path.join(root, "drizzle", "pg") });
    } finally {
      await pool.end();
    }
    const version = (await cluster.admin("show server_version")).rows[0].server_version;
    return { cluster, version };
  } catch (err) {
    await cluster.stop();
    throw err;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const { cluster, version } = await startTestCluster();
  let status = 1;
  try {
    console.log(`PostgreSQL ${version} on port ${cluster.port} (${cluster.dir})`);
    const args = process.argv.slice(2);
    const res =
      args[0] === "--e2e"
        ? spawnSync(process.execPath, [path.join(root, "scripts", "e2e.mjs"), ...args.slice(1)], {
            cwd: root,
            stdio: "inherit",
            env: { ...process.env, E2E_DATABASE_URL: await cluster.createDatabase("marquee_e2e") },
          })
        : spawnSync(path.join(root, "node_modules", ".bin", "vitest"), ["run", "--config", "vitest.pg.config.mts", ...args], {
            cwd: root,
            stdio: "inherit",
            env: { ...process.env, DATABASE_URL: cluster.url("postgres"), MARQUEE_TEST_PG_TEMPLATE: TEMPLATE },
          });
    status = res.status ?? 1;
  } finally {
    await cluster.stop();
  }
  const what = process.argv[2] === "--e2e" ? "end-to-end suite" : "integration suite";
  console.log(`\nThe ${what} on PostgreSQL ${version}: ${status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  process.exit(status);
}
