// `npm run user:role -- <username> <member|moderator|admin>`: how a site gets its first admin
// (sign up on the site, then run this with your username) and how roles change afterwards.
import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { ZodError } from "zod";
import { closeDb, dbLabel, openDb, readyDb } from "@/db";
import { syncCatalog } from "@/lib/badges/sync";
import { users } from "@/db/schema";
import { makeCtx } from "@/lib/context";
import { getEnv } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { setRole } from "@/lib/users/set-role";
import { first } from "@/db/query";

const USAGE = "Usage: npm run user:role -- <username> <member|moderator|admin>";
const [username, role, ...extra] = process.argv.slice(2);
if (!username || !role || extra.length > 0) {
  console.error(USAGE);
  process.exit(2);
}
const { databasePath, database } = getEnv();
// Never create a database here: a wrong DATABASE_PATH would otherwise give an empty site silently.
if (database === databasePath && !fs.existsSync(databasePath)) {
  console.error(`No database at ${databasePath}. Start the server once (npm start), or set DATABASE_PATH to the site's database.`);
  process.exit(1);
}

/** PostgreSQL's answer for a database the server does not have (3D000), also when wrapped by Drizzle. */
function isMissingDatabase(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) if ((e as { code?: unknown }).code === "3D000") return true;
  return false;
}

async function main() {
  const db = openDb(database);
  const where = dbLabel(db);
  try {
    await readyDb(db, syncCatalog);
  } catch (err) {
    await closeDb(db);
    if (!isMissingDatabase(err)) throw err;
    console.error(`No database at ${where}. Create it and start the server once (npm start), or set DATABASE_URL to the site's database.`);
    process.exitCode = 1;
    return;
  }
  try {
    const row = await setRole(makeCtx(db), { username, role });
    const article = row.role === "admin" ? "an" : "a";
    console.log(`${row.username} is now ${article} ${row.role} (in ${where}); it takes effect on their next page.`);
  } catch (err) {
    if (err instanceof ZodError) console.error(`${err.issues.map((i) => i.message).join("\n")}\n${USAGE}`);
    else if (err instanceof DomainError && err.kind === "NotFound") {
      const members = (await first(db.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.isSystem, false))))?.n ?? 0;
      console.error(
        members === 0
          ? `${where} has no members yet. Sign up on the site first (/signup), then run this again with that username.`
          : `No member named "${username}" in ${where}. Usernames are as shown on the profile (/u/<username>); a new member signs up at /signup first.`,
      );
    } else if (err instanceof DomainError) console.error(err.message);
    else throw err;
    process.exitCode = 1;
  } finally {
    await closeDb(db);
  }
}

void main();
