// `npm test`: typecheck, lint, npm audit, unit and integration tests, then the end-to-end suite in
// Debian's Chromium against a production build. Stops at the first failing step.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build } from "./build-if-needed.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const totals = { passed: 0, failed: 0 };
const started = Date.now();

function step(title, cmd, args, { env = {}, count } = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${title}`);
  const res = spawnSync(cmd, args, {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: count ? ["inherit", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (count) {
    process.stdout.write(res.stdout ?? "");
    count(res.stdout ?? "");
  }
  console.log(`◀ ${title}: ${res.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (res.status !== 0) {
    totals.failed += totals.failed === 0 ? 1 : 0;
    finish(res.status ?? 1);
  }
}

function finish(code) {
  console.log(`\nAll steps took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

const ESC = String.fromCharCode(27);
const strip = (s) => s.replace(new RegExp(`${ESC}\\[[0-9;]*m`, "g"), "");

/** Installs a Debian package with apt-get when `present()` says it is missing. */
function ensureDebianPackage(pkg, present, what) {
  if (present()) return;
  console.log(`\n▶ installing Debian's ${pkg} (${what} not found)`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  for (const args of [["apt-get", "update"], ["apt-get", "install", "-y", pkg]]) {
    const [cmd, ...rest] = [...sudo, ...args];
    const res = spawnSync(cmd, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (res.status !== 0) {
      console.error(`Could not install ${pkg} with apt-get; install it and run npm test again.`);
      finish(1);
    }
  }
}

// The integration tests start a throwaway PostgreSQL of their own (scripts/postgres-throwaway.mjs).
const hasPostgres = () =>
  spawnSync("sh", ["-c", "command -v initdb"], { stdio: "ignore" }).status === 0 ||
  (fs.existsSync("/usr/lib/postgresql") && fs.readdirSync("/usr/lib/postgresql").some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)));

step("typecheck", "sh", ["-c", `${bin("next")} typegen >/dev/null && ${bin("tsc")} --noEmit`]);
// eslint, then which way imports point (dependency-cruiser): the one `npm run lint`.
step("lint", "npm", ["run", "--silent", "lint"]);
step("supply chain (npm audit, high and critical)", process.execPath, ["scripts/audit.mjs"]);
ensureDebianPackage("postgresql", hasPostgres, "PostgreSQL's initdb");
step("unit and integration tests (Vitest)", bin("vitest"), ["run"], {
  count: (out) => {
    const m = strip(out).match(/Tests\s+(?:(\d+) failed \| )?(\d+) passed/);
    if (m) {
      totals.failed += Number(m[1] ?? 0);
      totals.passed += Number(m[2]);
    }
  },
});
ensureDebianPackage("chromium", () => fs.existsSync("/usr/bin/chromium"), "/usr/bin/chromium");
console.log("\n▶ production build");
build({ force: process.env.CI === "true" || process.env.CI === "1" });
step("end-to-end tests (Playwright, Chromium)", bin("playwright"), ["test"], {
  env: { CI: "1" },
  count: (out) => {
    const s = strip(out);
    const passed = s.match(/^[ \t]*(\d+) passed/m);
    const failed = s.match(/^[ \t]*(\d+) failed/m);
    totals.passed += Number(passed?.[1] ?? 0);
    totals.failed += Number(failed?.[1] ?? 0);
  },
});
finish(totals.failed > 0 ? 1 : 0);
