import { eq, sql } from "drizzle-orm";
import { reviewViews, reviews } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { write } from "@/lib/write";
import { RecordViewInput } from "./schemas";
import { first, affected } from "@/db/query";

/**
 * Counts a reader once per review per day: one insert-or-ignore on the primary key and, when
 * it inserted, one counter bump. Authors, bots and drafts are not counted. Returns the view count,
 * or `null` for no such published review. No page is re-rendered for a view.
 */
export async function recordView(ctx: Ctx, raw: RecordViewInput) {
  const { reviewId, viewer } = RecordViewInput.parse(raw);
  const result = await write(ctx, async (w) => {
    const day = w.now.toISOString().slice(0, 10);
    const review = await first(w.tx.select({ authorId: reviews.authorId, status: reviews.status, viewCount: reviews.viewCount }).from(reviews).where(eq(reviews.id, reviewId)));
    if (!review || review.status !== "published") return { found: false as const };
    // Bots (no viewer) and the author read the count without adding to it.
    if (!viewer || (viewer.userId && viewer.userId === review.authorId)) return { found: true as const, counted: false, views: review.viewCount };
    const inserted = affected(await w.tx.insert(reviewViews).values({ reviewId, viewerKey: viewer.key, day }).onConflictDoNothing()) > 0;
    if (!inserted) return { found: true as const, counted: false, views: review.viewCount };
    await w.tx.update(reviews).set({ viewCount: sql`${reviews.viewCount} + 1` }).where(eq(reviews.id, reviewId));
    const views = review.viewCount + 1;
    await w.emit("view.counted", { reviewId, authorId: review.authorId, views });
    return { found: true as const, counted: true, views, badges: [...w.earned] };
  });
  if (!result.found) return null;
  const { found: _found, ...rest } = result;
  return rest;
}
