import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import sqliteConfig from "../../drizzle.config";
import pgConfig from "../../drizzle.pg.config";
import { REPO_ROOT } from "../helpers/db";

const DRIZZLE_KIT = path.join(REPO_ROOT, "node_modules", ".bin", "drizzle-kit");
const dirs: string[] = [];

/** Each dialect as `npm run db:generate` sees it: its schema and its committed migrations. */
const DIALECTS = [sqliteConfig, pgConfig].map((c) => ({ dialect: c.dialect, schema: c.schema as string, out: path.join(REPO_ROOT, c.out!) }));

/** Runs `drizzle-kit generate` for one dialect into a copy of `from` (never into drizzle/). */
function generateInto(d: (typeof DIALECTS)[number], from: string | null) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-drift-"));
  dirs.push(out);
  if (from) fs.cpSync(from, out, { recursive: true });
  const before = fs.readdirSync(out);
  // drizzle-kit prefixes --out with "./", so it must be relative to the working directory.
  // Neither dialect needs a database server (or its driver) to generate.
  const output = execFileSync(
    DRIZZLE_KIT,
    ["generate", "--dialect", d.dialect, "--schema", d.schema, "--out", path.relative(REPO_ROOT, out), "--name", "drift-check"],
    { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const added = fs.readdirSync(out).filter((f) => f.endsWith(".sql") && !before.includes(f));
  return { output, added };
}

describe.each(DIALECTS)("schema and migrations ($dialect)", (d) => {
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`${d.schema} matches the committed migrations in ${path.relative(REPO_ROOT, d.out)} (run \`npm run db:generate\` if this fails)`, { timeout: 60_000 }, () => {
    const committed = fs.readdirSync(d.out).sort();
    const { output, added } = generateInto(d, d.out);
    expect(added).toEqual([]);
    expect(output).toContain("No schema changes");
    expect(fs.readdirSync(d.out).sort()).toEqual(committed);
  });

  it("the check notices a schema with no migration (so the test above can fail)", { timeout: 60_000 }, () => {
    const { output, added } = generateInto(d, null);
    expect(output).not.toContain("No schema changes");
    expect(added).toEqual(["0000_drift-check.sql"]);
  });
});
