import { and, desc, eq, isNull, lt } from "drizzle-orm";
import type { DB } from "@/db";
import { comments, posts, users } from "@/db/schema";
import { publicColumns } from "./queries";
import { usernameKey } from "./username";

export const PROFILE_PAGE_SIZE = 20;

/** A member's public profile with their counts; null when no member has that username. */
export async function getProfile(db: DB, username: string) {
  const user = await db
    .select({
      ...publicColumns,
      upvotesReceived: users.upvotesReceived,
      reviewCount: users.reviewCount,
      commentCount: users.commentCount,
      badgePoints: users.badgePoints,
      suspendedAt: users.suspendedAt,
    })
    .from(users)
    .where(eq(users.usernameKey, usernameKey(username)))
    .get();
  return user ?? null;
}
export type Profile = NonNullable<Awaited<ReturnType<typeof getProfile>>>;

/** A member's comments still shown, newest first, on published reviews: one page after `before` (a comment id). */
export async function listMemberComments(db: DB, userId: string, before?: number, limit = PROFILE_PAGE_SIZE) {
  const rows = await db
    .select({
      id: comments.id,
      bodyHtml: comments.bodyHtml,
      createdAt: comments.createdAt,
      upvoteCount: comments.upvoteCount,
      replyCount: comments.replyCount,
      edited: comments.revisionCount,
      reviewSlug: posts.slug,
      reviewTitle: posts.title,
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(
      and(
        eq(comments.authorId, userId),
        isNull(comments.deletedAt),
        eq(posts.status, "published"),
        before ? lt(comments.id, before) : undefined,
      ),
    )
    .orderBy(desc(comments.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit).map((r) => ({ ...r, edited: r.edited > 1 }));
  return { items: page, next: rows.length > limit ? page[page.length - 1]!.id : null };
}
export type MemberComment = Awaited<ReturnType<typeof listMemberComments>>["items"][number];
