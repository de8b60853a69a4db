// `npm run db:generate [-- --name <change>]`: a migration for each dialect from its schema
// (drizzle.config.ts: db/schema-sqlite → drizzle/sqlite; drizzle.pg.config.ts: db/schema-pg → drizzle/pg).
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const CONFIGS = ["drizzle.config.ts", "drizzle.pg.config.ts"];

for (const config of CONFIGS) {
  const res = spawnSync(path.join(root, "node_modules", ".bin", "drizzle-kit"), ["generate", "--config", config, ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
