import { and, count, eq, isNull } from "drizzle-orm";
import type { DB, Tx } from "@/db";
import { comments, posts } from "@/db/schema";

// Newcomers: accounts younger than 7 days or with fewer than 3 published contributions.
export const NEWCOMER_DAYS = 7;
export const NEWCOMER_CONTRIBUTIONS = 3;

export function isYoungAccount(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < NEWCOMER_DAYS * 86_400_000;
}

/** Published reviews plus comments not deleted. */
export function publishedContributions(db: DB | Tx, userId: string): number {
  const reviews = db.select({ n: count() }).from(posts).where(and(eq(posts.authorId, userId), eq(posts.status, "published"))).get()!.n;
  if (reviews >= NEWCOMER_CONTRIBUTIONS) return reviews;
  const replies = db.select({ n: count() }).from(comments).where(and(eq(comments.authorId, userId), isNull(comments.deletedAt))).get()!.n;
  return reviews + replies;
}

export function isNewcomer(db: DB | Tx, user: { id: string; createdAt: Date }, now: Date): boolean {
  return isYoungAccount(user.createdAt, now) || publishedContributions(db, user.id) < NEWCOMER_CONTRIBUTIONS;
}
