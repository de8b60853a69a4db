import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { postTags, posts, type PostRow } from "@/db/schema";
import { gone, notFound } from "@/lib/errors";

// Row helpers shared by the review verbs; each runs inside the caller's transaction.
export function loadLivePost(tx: Tx, postId: number): PostRow {
  const post = tx.select().from(posts).where(eq(posts.id, postId)).get();
  if (!post) throw notFound("There is no such review.");
  if (post.status === "deleted") throw gone("This review was deleted.");
  return post;
}

export function tagsOf(tx: Tx, postId: number): string[] {
  return tx
    .select({ tag: postTags.tag })
    .from(postTags)
    .where(eq(postTags.postId, postId))
    .all()
    .map((r) => r.tag)
    .sort();
}

export function replaceTags(tx: Tx, postId: number, next: string[]) {
  const current = tagsOf(tx, postId);
  const removed = current.filter((t) => !next.includes(t));
  const added = next.filter((t) => !current.includes(t));
  if (removed.length) tx.delete(postTags).where(and(eq(postTags.postId, postId), inArray(postTags.tag, removed))).run();
  for (const tag of added) tx.insert(postTags).values({ postId, tag }).run();
}
