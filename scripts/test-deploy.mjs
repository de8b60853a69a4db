// `npm run test:deploy [-- <playwright arguments>]`: the deployment suite. Builds when needed,
// starts a throwaway PostgreSQL cluster (scripts/postgres-throwaway.mjs), then runs the Playwright
// specs in tests/deploy/ (playwright.deploy.config.ts), which start two production servers on it
// behind nginx configured from deploy/nginx/marquee.conf (scripts/nginx.mjs installs nginx-light
// when it is missing). Stops the cluster at the end, whatever happened, and says how long it took.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build } from "./build-if-needed.mjs";
import { ensureNginx } from "./nginx.mjs";
import { findPostgresBin, startPostgres } from "./postgres-throwaway.mjs";

const root = path.resolve(import.meta.dirname, "..");
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

/** Installs a Debian package with apt-get when `present()` says it is missing (as scripts/test.mjs does). */
function ensureDebianPackage(pkg, present) {
  if (present()) return;
  console.log(`marquee: installing Debian's ${pkg}`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  for (const args of [["apt-get", "update"], ["apt-get", "install", "-y", pkg]]) {
    const [cmd, ...rest] = [...sudo, ...args];
    const res = spawnSync(cmd, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (res.status !== 0) {
      console.error(`Could not install ${pkg} with apt-get; install it and run the suite again.`);
      process.exit(1);
    }
  }
}

const hasPostgres = () => {
  try {
    return !!findPostgresBin();
  } catch {
    return false;
  }
};
ensureDebianPackage("postgresql", hasPostgres);
ensureDebianPackage("chromium", () => fs.existsSync("/usr/bin/chromium"));
ensureNginx();
build();

const cluster = await startPostgres({ name: "marquee-deploy" });
let status = 1;
try {
  const version = (await cluster.admin("show server_version")).rows[0].server_version;
  console.log(`PostgreSQL ${version} on port ${cluster.port} (${cluster.dir})`);
  const res = spawnSync(path.join(root, "node_modules", ".bin", "playwright"), ["test", "--config", "playwright.deploy.config.ts", ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, CI: "1", DEPLOY_PG_URL: cluster.url("postgres") },
  });
  status = res.status ?? 1;
} finally {
  await cluster.stop();
}
console.log(`\nThe deployment suite (two servers behind nginx, on PostgreSQL): ${status === 0 ? "ok" : "FAILED"} in ${seconds()}.`);
process.exit(status);
