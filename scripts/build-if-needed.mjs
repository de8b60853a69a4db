// Builds the production bundle when there is none or a source file is newer than it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const SOURCES = ["app", "components", "lib", "db", "drizzle", "public", "auth.ts", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "package-lock.json", "tsconfig.json"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function buildIsFresh() {
  const id = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(id)) return false;
  const built = fs.statSync(id).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}

const LOCK = path.join(root, ".next-build.lock");
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One build at a time in this folder: a second caller waits, then finds the build fresh. */
function withBuildLock(fn) {
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: "wx" });
      break;
    } catch {
      const holder = Number(fs.readFileSync(LOCK, "utf8") || 0);
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = true;
      } catch {
        // the holder died without removing the lock
      }
      if (!alive) fs.rmSync(LOCK, { force: true });
      else sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

export function build({ force = false } = {}) {
  if (!force && buildIsFresh()) return;
  withBuildLock(() => {
    if (!force && buildIsFresh()) return;
    runBuild(force);
  });
}

function runBuild(force) {
  console.log(force ? "marquee: building…" : "marquee: no up-to-date build; building first (about 20–40 s)…");
  // The build prerenders cached pages; it reads a throwaway SQLite file, never the real database
  // (on PostgreSQL too: the build is the same for both, and the server expires what it cached).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-build-"));
  const res = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_PATH: path.join(dir, "build.db"), DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
  });
  fs.rmSync(dir, { recursive: true, force: true });
  if (res.status !== 0) {
    console.error("marquee: the build failed.");
    process.exit(res.status ?? 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) build({ force: process.argv.includes("--force") });
