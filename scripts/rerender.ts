// `npm run rerender [-- --all]`: re-render stored review HTML made by an older renderer version.
import fs from "node:fs";
import path from "node:path";
import { closeDb } from "@/db";
import { openMarqueeDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { RENDERER_VERSION } from "@/lib/markdown/render";
import { rerenderReviews } from "@/lib/reviews/rerender";

async function main() {
  const db = await openMarqueeDb(getEnv().database);
  const { updated } = await rerenderReviews(db, { all: process.argv.includes("--all") });
  await closeDb(db);
  // Pages a server cached on disk hold the old HTML; a restart expires the rest.
  if (updated > 0) fs.rmSync(path.join(process.cwd(), ".next", "server", "route-cache"), { recursive: true, force: true });
  console.log(`Re-rendered ${updated} review${updated === 1 ? "" : "s"} with renderer version ${RENDERER_VERSION}.${updated ? " Restart the server so cached pages show the new HTML." : ""}`);
}

void main();
