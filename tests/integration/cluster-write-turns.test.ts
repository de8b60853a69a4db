import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/db";

// Two workers of one server writing to one SQLite file take turns through their primary
// (db/cluster-lock.ts): neither ever finds the file locked, even with busy_timeout 0.

const N = 400;

describe("write turns across a server's workers (SQLite)", () => {
  it(`lets two workers write ${N} transactions each at once with busy_timeout 0: none meets a locked file, every row is there`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-turns-"));
    try {
      const file = path.join(dir, "marquee.db");
      const res = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "tests", "helpers", "cluster-writers.ts"), file, String(N)], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(res.status, res.stderr).toBe(0);
      const reports = JSON.parse(res.stdout.trim().split("\n").pop()!) as { worker: string; written: number; failed: number; failures: string[] }[];
      expect(reports.map((r) => ({ worker: r.worker, written: r.written, failed: r.failed, failures: r.failures })).sort((a, b) => a.worker.localeCompare(b.worker))).toEqual([
        { worker: "0", written: N, failed: 0, failures: [] },
        { worker: "1", written: N, failed: 0, failures: [] },
      ]);
      const db = new Database(file, { readonly: true });
      try {
        expect((db.prepare("select count(*) as n from rate_windows where key like 'w%:%' and count = 1").get() as { n: number }).n).toBe(2 * N);
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
