import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

// The integration suite on PostgreSQL (`npm run test:pg`, which starts the cluster). The unit
// tests touch no database, and these files test what only the SQLite file has:
const SQLITE_ONLY = [
  // the SQLite file: its pragmas, WAL, two connections, the old migrations folder, file modes, online backup
  "tests/integration/db.test.ts",
  "tests/integration/data-folder-modes.test.ts",
  // the large seed writes a SQLite file directly (PostgreSQL gets it through npm run db:copy)
  "tests/integration/seed-large.test.ts",
  // kill -9 of writers on the SQLite file (its WAL, integrity_check, online backup):
  // tests/integration/durability-pg.test.ts is the same on PostgreSQL
  "tests/integration/durability.test.ts",
  // a server's workers taking turns at the SQLite file's write lock (PostgreSQL's writers wait on its advisory lock)
  "tests/integration/cluster-write-turns.test.ts",
  // these start PostgreSQL clusters of their own: the schema on a real server, and copies between
  // a SQLite file and PostgreSQL both ways
  "tests/integration/pg-schema.test.ts",
  "tests/integration/db-copy.test.ts",
  // drizzle-kit against both dialects' committed migrations: no database involved
  "tests/integration/migrations-drift.test.ts",
];

export default defineConfig({
  ...base,
  test: { ...base.test, include: ["tests/integration/**/*.test.ts"], exclude: SQLITE_ONLY },
});
