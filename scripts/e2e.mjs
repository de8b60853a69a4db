// `npm run test:e2e [-- <spec>]`: build when needed, then Playwright.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { build } from "./build-if-needed.mjs";

const root = path.resolve(import.meta.dirname, "..");
build();
const res = spawnSync(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CI: "1" },
});
process.exit(res.status ?? 1);
