import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { comments, reviewTags, reviews, users, type ReviewRow } from "@/db/schema";
import { gone, notFound } from "@/lib/errors";
import { first } from "@/db/query";

// Row helpers shared by the review verbs; each runs inside the caller's transaction.
export async function loadLiveReview(tx: Tx, reviewId: number): Promise<ReviewRow> {
  const review = await first(tx.select().from(reviews).where(eq(reviews.id, reviewId)));
  if (!review) throw notFound("There is no such review.");
  if (review.status === "deleted") throw gone("This review was deleted.");
  return review;
}

export async function tagsOf(tx: Tx, reviewId: number): Promise<string[]> {
  const rows = await tx.select({ tag: reviewTags.tag }).from(reviewTags).where(eq(reviewTags.reviewId, reviewId));
  return rows.map((r) => r.tag).sort();
}

export async function replaceTags(tx: Tx, reviewId: number, next: string[]) {
  const current = await tagsOf(tx, reviewId);
  const removed = current.filter((t) => !next.includes(t));
  const added = next.filter((t) => !current.includes(t));
  if (removed.length) await tx.delete(reviewTags).where(and(eq(reviewTags.reviewId, reviewId), inArray(reviewTags.tag, removed)));
  for (const tag of added) await tx.insert(reviewTags).values({ reviewId, tag });
}

/** Members who commented on a review: their profiles list those comments under its title and status. */
export async function commenterIds(tx: Tx, reviewId: number): Promise<string[]> {
  const rows = await tx.selectDistinct({ id: comments.authorId }).from(comments).where(eq(comments.reviewId, reviewId));
  return rows.flatMap((r) => (r.id ? [r.id] : []));
}

/** The "New" marker of each member: compared before and after a write's events, it says whose flipped. */
export async function newcomerMarks(tx: Tx, userIds: readonly (string | null)[]): Promise<Map<string, boolean>> {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  if (!ids.length) return new Map();
  const rows = await tx.select({ id: users.id, isNew: users.isNew }).from(users).where(inArray(users.id, ids));
  const isNew = new Map(rows.map((r) => [r.id, r.isNew]));
  // In the order asked for (the author first), whatever order the rows came back in.
  return new Map(ids.flatMap((id) => (isNew.has(id) ? [[id, isNew.get(id)!] as const] : [])));
}

export async function flippedSince(tx: Tx, before: Map<string, boolean>): Promise<string[]> {
  const after = await newcomerMarks(tx, [...before.keys()]);
  return [...before].flatMap(([id, was]) => (after.get(id) !== undefined && after.get(id) !== was ? [id] : []));
}
