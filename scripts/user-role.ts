// `npm run user:role -- <username> <member|moderator|admin>`
import { ZodError } from "zod";
import { openDb } from "@/db";
import { getEnv } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { setRole } from "@/lib/users/set-role";

const [username, role] = process.argv.slice(2);
if (!username || !role) {
  console.error("Usage: npm run user:role -- <username> <member|moderator|admin>");
  process.exit(2);
}
const db = openDb(getEnv().databasePath);
try {
  const row = setRole(db, username, role);
  console.log(`${row.username} is now ${row.role}.`);
} catch (err) {
  if (err instanceof ZodError) console.error(err.issues.map((i) => i.message).join("\n"));
  else if (err instanceof DomainError) console.error(err.message);
  else throw err;
  process.exitCode = 1;
} finally {
  db.$client.close();
}
