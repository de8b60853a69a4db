import { eq, sql } from "drizzle-orm";
import { preparedOn, type Conn } from "@/db";
import { reviews } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { hotScore } from "./hot";

const SET_HOT = (c: Conn) => c.update(reviews).set({ hotScore: sql`${sql.placeholder("score")}` }).where(eq(reviews.id, sql.placeholder("id"))).prepare();

/** A review's stored hot score follows its upvotes (a comment's upvotes leave it alone). */
export async function updateHotScore(w: Write, e: EventMap["vote.cast"]) {
  if (e.target !== "review") return;
  await preparedOn(w.tx, SET_HOT).execute({ score: hotScore(e.count, e.publishedAt), id: e.reviewId });
  // Its place on the Hot feed.
  w.changes.reviews.add(e.reviewId);
}
