// `npm run test:pg [-- <vitest arguments>]`: the integration suite on PostgreSQL. Starts a
// throwaway cluster of its own (scripts/postgres-throwaway.mjs: initdb in a temporary folder, a
// free port, run as the postgres user when root), migrates a template database from drizzle/pg,
// runs Vitest with DATABASE_URL pointing at the cluster (tests/helpers/db.ts copies the template
// for each test), and stops the cluster at the end, whatever happened.
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
  const { cluster, version } = await startTestCluster();
  let status = 1;
  try {
    console.log(`PostgreSQL ${version} on port ${cluster.port} (${cluster.dir})`);
    const res = spawnSync(path.join(root, "node_modules", ".bin", "vitest"), ["run", "--config", "vitest.pg.config.mts", ...process.argv.slice(2)], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: cluster.url("postgres"), MARQUEE_TEST_PG_TEMPLATE: TEMPLATE },
    });
    status = res.status ?? 1;
  } finally {
    await cluster.stop();
  }
  process.exit(status);
}
