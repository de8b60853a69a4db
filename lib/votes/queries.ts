import { and, desc, eq, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/sqlite-core";
import type { DB } from "@/db";
import { commentVotes, reviewVotes, users } from "@/db/schema";
import { votePrefix, type VoteTarget } from "./key";

/** The viewer's upvotes on a review and on its comments, as vote keys ("r42", "c17"): one query. */
export async function listVotesOnReview(db: DB, userId: string, reviewId: number): Promise<string[]> {
  const onReview = db
    .select({ key: sql<string>`${votePrefix("review")} || ${reviewVotes.reviewId}` })
    .from(reviewVotes)
    .where(and(eq(reviewVotes.userId, userId), eq(reviewVotes.reviewId, reviewId)));
  const onComments = db
    .select({ key: sql<string>`${votePrefix("comment")} || ${commentVotes.commentId}` })
    .from(commentVotes)
    .where(and(eq(commentVotes.userId, userId), eq(commentVotes.reviewId, reviewId)));
  const rows = await unionAll(onReview, onComments);
  return rows.map((r) => r.key);
}

export const VOTERS_PAGE_SIZE = 50;

/** Who upvoted a review or a comment, newest first, one page (numbered from 1). */
export async function listVoters(db: DB, type: VoteTarget, id: number, page: number) {
  const table = type === "review" ? reviewVotes : commentVotes;
  const target = type === "review" ? eq(reviewVotes.reviewId, id) : eq(commentVotes.commentId, id);
  return await db
    .select({ username: users.username, name: users.name, image: users.image, isNew: users.isNew, votedAt: table.createdAt })
    .from(table)
    .innerJoin(users, eq(users.id, table.userId))
    .where(target)
    .orderBy(desc(table.createdAt), desc(users.id))
    .limit(VOTERS_PAGE_SIZE)
    .offset((page - 1) * VOTERS_PAGE_SIZE);
}
