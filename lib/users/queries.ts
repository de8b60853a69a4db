import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db";
import { comments, reviews, users, type UserRow } from "@/db/schema";
import type { NotificationPrefs } from "./schemas";
import { usernameKey } from "./username";
import { first } from "@/db/query";

export type PublicUser = Pick<UserRow, "id" | "username" | "name" | "image" | "bio" | "role" | "createdAt" | "isNew">;

const publicColumns = {
  id: users.id,
  username: users.username,
  name: users.name,
  image: users.image,
  bio: users.bio,
  role: users.role,
  createdAt: users.createdAt,
  isNew: users.isNew,
};

export async function getUserById(db: DB | Tx, id: string): Promise<UserRow | undefined> {
  return await first(db.select().from(users).where(eq(users.id, id)));
}

/** A username (any case or Unicode form) or an email address. */
export async function findUserByIdentifier(db: DB, identifier: string): Promise<UserRow | undefined> {
  const trimmed = identifier.normalize("NFKC").trim();
  return await first(db
    .select()
    .from(users)
    .where(or(eq(users.usernameKey, usernameKey(trimmed)), eq(users.email, trimmed.toLowerCase()))));
}

export async function isUsernameTaken(db: DB | Tx, username: string): Promise<boolean> {
  return !!(await first(db.select({ id: users.id }).from(users).where(eq(users.usernameKey, usernameKey(username)))));
}

export async function isEmailTaken(db: DB | Tx, email: string): Promise<boolean> {
  return !!(await first(db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()))));
}

export async function listNewestMembers(db: DB, limit = 12): Promise<PublicUser[]> {
  return await db
    .select(publicColumns)
    .from(users)
    .where(sql`${users.suspendedAt} is null`)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(limit);
}

export async function countMembers(db: DB): Promise<number> {
  return (await first(db.select({ n: sql<number>`count(*)` }).from(users)))?.n ?? 0;
}

const PROFILE_PAGE_SIZE = 20;

/** A member's public profile with their counts; null when no member has that username. */
export async function getProfile(db: DB, username: string) {
  const user = await first(db
    .select({
      ...publicColumns,
      upvotesReceived: users.upvotesReceived,
      reviewCount: users.reviewCount,
      commentCount: users.commentCount,
      badgePoints: users.badgePoints,
      suspendedAt: users.suspendedAt,
    })
    .from(users)
    .where(eq(users.usernameKey, usernameKey(username))));
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
      reviewSlug: reviews.slug,
      reviewTitle: reviews.title,
    })
    .from(comments)
    .innerJoin(reviews, eq(reviews.id, comments.reviewId))
    .where(
      and(
        eq(comments.authorId, userId),
        isNull(comments.deletedAt),
        eq(reviews.status, "published"),
        before ? lt(comments.id, before) : undefined,
      ),
    )
    .orderBy(desc(comments.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r) => ({ ...r, edited: r.edited > 1 }));
  return { items: page, next: rows.length > limit ? page[page.length - 1]!.id : null };
}
export type MemberComment = Awaited<ReturnType<typeof listMemberComments>>["items"][number];

/** What the settings page shows its member; null when the account is gone. */
export async function getSettings(db: DB, userId: string) {
  const u = await first(db.select().from(users).where(eq(users.id, userId)));
  if (!u) return null;
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    bio: u.bio,
    email: u.email,
    image: u.image,
    hasPassword: !!u.passwordHash,
    prefs: {
      notifyReviewReplies: u.notifyReviewReplies,
      notifyCommentReplies: u.notifyCommentReplies,
      notifyMentions: u.notifyMentions,
      notifyMilestones: u.notifyMilestones,
      notifyBadges: u.notifyBadges,
      badgeAnnouncements: u.badgeAnnouncements,
    } satisfies NotificationPrefs,
  };
}
