import { eq } from "drizzle-orm";
import { reviews } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { hotScore } from "./hot";

/** A review's stored hot score follows its upvotes (a comment's upvotes leave it alone). */
export async function updateHotScore(w: Write, e: EventMap["vote.cast"]) {
  if (e.target !== "review") return;
  await w.tx.update(reviews).set({ hotScore: hotScore(e.count, e.publishedAt) }).where(eq(reviews.id, e.reviewId)).run();
  // Its place on the Hot feed.
  w.changes.reviews.add(e.reviewId);
}
