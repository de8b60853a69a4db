import type { Earned } from "@/lib/badges/grant";

/**
 * What a verb records about its write. Subscribers (`lib/subscribers.ts`) run on each inside the
 * same transaction: counters of other entities, standings, badges, notices, announcements. A
 * payload carries what its subscribers need so they read as little as possible.
 */
export type EventMap = {
  /** An upvote given (`up`) or taken back. `count` is the item's count after it; `givenAt` is when the upvote was given (for an undo, the original moment). */
  "vote.cast": {
    target: "review" | "comment";
    itemId: number;
    reviewId: number;
    authorId: string | null;
    voterId: string;
    up: boolean;
    count: number;
    givenAt: Date;
    publishedAt: Date | null;
  };
  /** A review went from draft (or nothing) to published. */
  "review.published": { reviewId: number; authorId: string | null; filmId: number; score: number | null; hasSpoilers: boolean };
  /** A review's text or fields changed (not its first publishing). */
  "review.edited": { reviewId: number; editorId: string; authorId: string | null; status: "draft" | "published"; wasPublished: boolean; score: number | null; hasSpoilers: boolean };
  "review.deleted": { reviewId: number; authorId: string | null; filmId: number; publishedAt: Date | null };
  /** `repliedToId` is the member replied to: the parent comment's author, or the review's. */
  "comment.posted": { commentId: number; reviewId: number; authorId: string; parentId: number | null; repliedToId: string | null };
  "comment.edited": { commentId: number; reviewId: number; editorId: string; authorId: string | null };
  "comment.deleted": { commentId: number; reviewId: number; authorId: string | null };
  /** A reader counted once for the day; `views` is the review's count after it. */
  "view.counted": { reviewId: number; authorId: string | null; views: number };
  "member.joined": { memberId: string };
  "member.left": { memberId: string };
  /** `at`: when it was earned (a backfilled grant is dated by the event that earned it); `silent`: no notice. */
  "badge.granted": { earned: Earned; at: Date; silent: boolean };
};

export type EventType = keyof EventMap;
export type DomainEvent = { [K in EventType]: { type: K } & EventMap[K] }[EventType];
