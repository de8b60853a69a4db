// `npm run seed`: adds the demo content to an empty database (a database with users is left alone).
import { closeDb, dbLabel } from "@/db";
import { openMarqueeDb } from "@/lib/db";
import { seedIfEmpty } from "@/lib/seed/demo";
import { demoPasswordNotice } from "@/lib/seed/members";
import { getEnv } from "@/lib/env";

async function main() {
  const db = await openMarqueeDb(getEnv().database);
  const where = dbLabel(db);
  const seeded = await seedIfEmpty(db);
  await closeDb(db);
  console.log(
    seeded
      ? `Seeded ${where}: ${seeded.users} demo members (${seeded.avatars} with uploaded avatars), ${seeded.reviews} reviews, ` +
        `${seeded.comments} comments (${seeded.announcements} of them badge notes), ${seeded.votes} upvotes, ${seeded.views} views, ` +
        `${seeded.badges} badges and ${seeded.notifications} notices.\n${demoPasswordNotice(seeded)}`
      : `${where} already has members; nothing seeded.`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
