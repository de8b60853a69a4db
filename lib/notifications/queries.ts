import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DB } from "@/db";
import { comments, notifications, reviews, users, type NotificationKind } from "@/db/schema";
import { BADGE_BY_SLUG, badgeNotice } from "@/lib/badges/catalog";
import { excerptOfHtml } from "@/lib/markdown/render";
import { first } from "@/db/query";

const NOTIFICATIONS_PAGE_SIZE = 20;
const EXCERPT = 160;

export async function countUnread(db: DB, userId: string): Promise<number> {
  return (
    (
      await first(db
        .select({ n: sql<number>`count(*)` })
        .from(notifications)
        .where(and(eq(notifications.recipientId, userId), isNull(notifications.readAt))))
    )?.n ?? 0
  );
}

const actors = alias(users, "actor");

const boardOf = async (db: DB, userId: string) => {
  const me = await first(db.select({ username: users.username }).from(users).where(eq(users.id, userId)));
  return me ? `/u/${me.username}/badges` : "/badges";
};

export type NoticeView = {
  id: number;
  kind: NotificationKind;
  read: boolean;
  createdAt: Date;
  actor: { username: string; name: string; image: string | null } | null;
  /** What happened, in words; `subject` is the linked title inside it. */
  before: string;
  subject: string;
  after: string;
  href: string;
  /** The reply's or mention's own words, spoilers removed. */
  excerpt: string | null;
};

function describe(r: Row, board: string): Pick<NoticeView, "before" | "subject" | "after" | "href"> {
  const title = r.reviewTitle ?? "a review";
  const reviewHref = r.reviewSlug ? `/reviews/${r.reviewSlug}` : "/";
  const commentHref = r.commentId ? `/comments/${r.commentId}` : reviewHref;
  const upvotes = r.amount === 1 ? "its first upvote" : `${(r.amount ?? 0).toLocaleString("en-US")} upvotes`;
  switch (r.kind) {
    case "review_reply":
      return { before: "replied to your review ", subject: title, after: "", href: commentHref };
    case "comment_reply":
      return { before: "replied to your comment on ", subject: title, after: "", href: commentHref };
    case "mention":
      return r.commentId
        ? { before: "mentioned you in a comment on ", subject: title, after: "", href: commentHref }
        : { before: "mentioned you in their review ", subject: title, after: "", href: reviewHref };
    case "milestone":
      return r.commentId
        ? { before: "Your comment on ", subject: title, after: ` reached ${upvotes}.`, href: commentHref }
        : { before: "Your review ", subject: title, after: ` reached ${upvotes}.`, href: `${reviewHref}#vote` };
    case "badge": {
      const badge = BADGE_BY_SLUG.get(r.target ?? "");
      const words = badgeNotice(r.target ?? "");
      if (!badge || !words) return { before: "You earned a badge that is no longer given.", subject: "", after: "", href: board };
      return { before: "New badge: ", subject: badge.name, after: `. ${words.reached} ${words.next ?? ""}`.trimEnd(), href: board };
    }
  }
}

const select = (db: DB) =>
  db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      target: notifications.target,
      amount: notifications.amount,
      commentId: notifications.commentId,
      actorUsername: actors.username,
      actorName: actors.name,
      actorImage: actors.image,
      reviewSlug: reviews.slug,
      reviewTitle: reviews.title,
      commentHtml: comments.bodyHtml,
      commentDeletedAt: comments.deletedAt,
    })
    .from(notifications)
    .leftJoin(actors, eq(actors.id, notifications.actorId))
    .leftJoin(reviews, eq(reviews.id, notifications.reviewId))
    .leftJoin(comments, eq(comments.id, notifications.commentId));
type Row = ReturnType<ReturnType<typeof select>["all"]>[number];

/** One page of a member's notices, newest first, after `before` (a notice id). */
export async function listNotifications(db: DB, userId: string, before?: number, limit = NOTIFICATIONS_PAGE_SIZE) {
  const rows = await select(db)
    .where(and(eq(notifications.recipientId, userId), before ? lt(notifications.id, before) : undefined))
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
  const board = await boardOf(db, userId);
  const items: NoticeView[] = rows.slice(0, limit).map((r) => ({
    id: r.id,
    kind: r.kind,
    read: r.readAt !== null,
    createdAt: r.createdAt,
    actor: r.actorUsername ? { username: r.actorUsername, name: r.actorName!, image: r.actorImage } : null,
    ...describe(r, board),
    excerpt: (r.kind === "review_reply" || r.kind === "comment_reply" || r.kind === "mention") && r.commentHtml && !r.commentDeletedAt ? excerptOfHtml(r.commentHtml, EXCERPT) : null,
  }));
  return { items, next: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** Where a notice leads; null when it is not this member's. Reads only. */
export async function notificationHref(db: DB, userId: string, id: number): Promise<string | null> {
  const row = await first(select(db)
    .where(and(eq(notifications.id, id), eq(notifications.recipientId, userId))));
  return row ? describe(row, await boardOf(db, userId)).href : null;
}
