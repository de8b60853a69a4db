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
  /**
   * `repliedToId` is the member replied to: the parent comment's author, or the review's (the
   * comment's own author included: subscribers leave them out). `mentioned`: the lower-cased names
   * of members the comment `@`-mentions. `path`, `depth` and `parentAnnouncesBadge` place it under
   * a badge announcement, where the review's author may answer STOP.
   */
  "comment.posted": {
    commentId: number;
    reviewId: number;
    reviewAuthorId: string | null;
    authorId: string;
    parentId: number | null;
    repliedToId: string | null;
    body: string;
    mentioned: readonly string[];
    path: string;
    depth: number;
    parentAnnouncesBadge: string | null;
  };
  /** A comment's text changed; `addedMentions`: the names its new text mentions that its old text did not. */
  "comment.edited": { commentId: number; reviewId: number; editorId: string; authorId: string | null; addedMentions: readonly string[] };
  /** `repliedToId` as for `comment.posted`: whose replies received go back down. */
  "comment.deleted": { commentId: number; reviewId: number; authorId: string | null; parentId: number | null; repliedToId: string | null };
  /** A reader counted once for the day; `views` is the review's count after it. */
  "view.counted": { reviewId: number; authorId: string | null; views: number };
  "member.joined": { memberId: string };
  "member.left": { memberId: string };
  "badge.granted": { earned: Earned };
};

export type EventType = keyof EventMap;
export type DomainEvent = { [K in EventType]: { type: K } & EventMap[K] }[EventType];
