import { and, eq, sql } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { postViews, posts } from "@/db/schema";
import { bumpCounter, reachRung } from "@/lib/badges/grant";

/**
 * Counts a reader once per review per day: one insert-or-ignore on the primary key and, when
 * it inserted, one counter bump. Authors, bots and drafts are not counted. Returns the view count.
 */
export function recordView(db: DB, postId: number, viewer: { key: string; userId: string | null } | null, now = new Date()) {
  const day = now.toISOString().slice(0, 10);
  return writeTx(db, (tx) => {
    const post = tx.select({ authorId: posts.authorId, status: posts.status, viewCount: posts.viewCount }).from(posts).where(eq(posts.id, postId)).get();
    if (!post || post.status !== "published") return null;
    // Bots (no viewer) and the author read the count without adding to it.
    if (!viewer || (viewer.userId && viewer.userId === post.authorId)) return { counted: false, views: post.viewCount };
    const inserted = tx.insert(postViews).values({ postId, viewerKey: viewer.key, day }).onConflictDoNothing().run().changes > 0;
    if (!inserted) return { counted: false, views: post.viewCount };
    tx.update(posts).set({ viewCount: sql`${posts.viewCount} + 1` }).where(and(eq(posts.id, postId))).run();
    // The author's views received climb the views ladder.
    const received = post.authorId ? bumpCounter(tx, post.authorId, "viewsReceived", 1) : null;
    const badge = received !== null ? reachRung(tx, post.authorId, "views", received, { postId }, now) : null;
    return { counted: true, views: post.viewCount + 1, badges: badge ? [badge] : [] };
  });
}
