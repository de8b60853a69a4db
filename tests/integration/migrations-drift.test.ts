import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS, REPO_ROOT } from "../helpers/db";

const DRIZZLE_KIT = path.join(REPO_ROOT, "node_modules", ".bin", "drizzle-kit");
const dirs: string[] = [];

/** Runs `drizzle-kit generate` against the schema into a copy of `from` (never into drizzle/). */
function generateInto(from: string | null) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-drift-"));
  dirs.push(out);
  if (from) fs.cpSync(from, out, { recursive: true });
  const before = fs.readdirSync(out);
  // drizzle-kit prefixes --out with "./", so it must be relative to the working directory.
  const output = execFileSync(
    DRIZZLE_KIT,
    ["generate", "--dialect", "sqlite", "--schema", "./db/schema/index.ts", "--out", path.relative(REPO_ROOT, out), "--name", "drift-check"],
    { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const added = fs.readdirSync(out).filter((f) => f.endsWith(".sql") && !before.includes(f));
  return { output, added };
}

describe("schema and migrations", () => {
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it("db/schema matches the committed migrations (run `npm run db:generate` if this fails)", { timeout: 60_000 }, () => {
    const committed = fs.readdirSync(MIGRATIONS).sort();
    const { output, added } = generateInto(MIGRATIONS);
    expect(added).toEqual([]);
    expect(output).toContain("No schema changes");
    expect(fs.readdirSync(MIGRATIONS).sort()).toEqual(committed);
  });

  it("the check notices a schema with no migration (so the test above can fail)", { timeout: 60_000 }, () => {
    const { output, added } = generateInto(null);
    expect(output).not.toContain("No schema changes");
    expect(added).toEqual(["0000_drift-check.sql"]);
  });
});
