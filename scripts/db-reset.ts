// `npm run db:reset`: deletes the database file and recreates it, migrated and seeded.
import fs from "node:fs";
import path from "node:path";
import { closeDb } from "@/db";
import { openMarqueeDb } from "@/lib/db";
import { seedIfEmpty } from "@/lib/seed/demo";
import { demoPasswordNotice } from "@/lib/seed/members";
import { getEnv } from "@/lib/env";
import { avatarDir } from "@/lib/users/avatar-upload";

async function main() {
  const { databasePath } = getEnv();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databasePath + suffix, { force: true });
  // Uploaded avatars belonged to the members of the old database.
  fs.rmSync(avatarDir(), { recursive: true, force: true });
  const db = await openMarqueeDb(databasePath);
  const seeded = await seedIfEmpty(db);
  await closeDb(db);
  // Pages cached on disk by an earlier server run were rendered from the old data.
  fs.rmSync(path.join(process.cwd(), ".next", "server", "route-cache"), { recursive: true, force: true });
  console.log(`Recreated ${databasePath} with ${seeded?.users ?? 0} demo members, ${seeded?.reviews ?? 0} reviews, ${seeded?.comments ?? 0} comments and ${seeded?.votes ?? 0} upvotes. Restart the server if it is running.`);
  if (seeded) console.log(demoPasswordNotice(seeded));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
