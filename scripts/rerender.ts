// `npm run rerender [-- --all]`: re-render stored review HTML made by an older renderer version.
import { closeDb } from "@/db";
import { expireEverywhere } from "@/lib/cache/shared-tags";
import { openMarqueeDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { RENDERER_VERSION } from "@/lib/markdown/render";
import { rerenderReviews } from "@/lib/reviews/rerender";

async function main() {
  const db = await openMarqueeDb(getEnv().database);
  const { updated } = await rerenderReviews(db, { all: process.argv.includes("--all") });
  if (updated > 0) await expireEverywhere(db);
  await closeDb(db);
  console.log(`Re-rendered ${updated} review${updated === 1 ? "" : "s"} with renderer version ${RENDERER_VERSION}.${updated ? " Running servers show the new HTML from their next request." : ""}`);
}

void main();
