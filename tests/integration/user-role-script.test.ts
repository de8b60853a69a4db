import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ON_PG, REPO_ROOT, rows, perTestDb } from "../helpers/db";
import { TEST_AUTH_SECRET } from "../helpers/env";
import { signUpAt } from "../helpers/people";

const run = promisify(execFile);

/** `npm run user:role -- …` against `file` (a database's URL on PostgreSQL), as an operator runs it: exit code and what it printed. */
async function userRole(file: string, ...args: string[]) {
  const env = { ...process.env, [ON_PG ? "DATABASE_URL" : "DATABASE_PATH"]: file, AUTH_SECRET: TEST_AUTH_SECRET };
  try {
    const { stdout, stderr } = await run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), ["scripts/user-role.ts", ...args], { cwd: REPO_ROOT, env });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe("npm run user:role on a site started with SEED_DEMO=false", () => {
  const t = perTestDb();

  it("makes the first admin of an empty site once they have signed up, with clear messages before", { timeout: 60_000 }, async () => {
    const missing = ON_PG ? `${t.file}_elsewhere` : path.join(path.dirname(t.file), "elsewhere", "marquee.db");
    const none = await userRole(missing, "first_admin", "admin");
    expect(none).toEqual({ code: 1, out: expect.stringContaining(`No database at ${missing}. ${ON_PG ? "Create it and start" : "Start"} the server once`) });
    expect(fs.existsSync(missing)).toBe(false);

    const empty = await userRole(t.file, "first_admin", "admin");
    expect(empty).toEqual({ code: 1, out: expect.stringContaining("has no members yet. Sign up on the site first") });

    await signUpAt(t.db, { username: "First_Admin", email: "first@example.com", password: "a slow dolly zoom" }, "198.51.100.1");
    const typo = await userRole(t.file, "frist_admin", "admin");
    expect(typo).toEqual({ code: 1, out: expect.stringContaining('No member named "frist_admin"') });
    const badRole = await userRole(t.file, "first_admin", "owner");
    expect(badRole).toEqual({ code: 1, out: expect.stringContaining("Role must be member, moderator or admin.") });
    expect((await rows(t.db, "users")).map((r) => r.role)).toEqual(["member"]);

    const made = await userRole(t.file, "first_admin", "admin");
    expect(made).toEqual({ code: 0, out: expect.stringContaining("First_Admin is now an admin") });
    expect((await rows(t.db, "users")).map((r) => [r.username, r.role])).toEqual([["First_Admin", "admin"]]);
  });
});
