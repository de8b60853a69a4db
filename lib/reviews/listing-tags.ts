import { eq } from "drizzle-orm";
import type { DB } from "@/db";
import { postTags, posts } from "@/db/schema";
import { FEED_TAG, filmTag, reviewTag, tagTag, userTag } from "@/lib/cache/tags";

/** Every cache tag under which a review or its card (with its counts) is shown. */
export function reviewListingTags(db: DB, postId: number): string[] {
  const post = db.select({ filmId: posts.filmId, authorId: posts.authorId }).from(posts).where(eq(posts.id, postId)).get();
  if (!post) return [reviewTag(postId)];
  const tags = db.select({ tag: postTags.tag }).from(postTags).where(eq(postTags.postId, postId)).all();
  return [
    reviewTag(postId),
    FEED_TAG,
    filmTag(post.filmId),
    ...(post.authorId ? [userTag(post.authorId)] : []),
    ...tags.map((t) => tagTag(t.tag)),
  ];
}
