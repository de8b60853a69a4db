import type { ReviewStatus } from "@/db/schema";
import type { Earned } from "@/lib/badges/grant";

/** A review that is not deleted: the states a review verb finds it in. */
export type LiveStatus = Exclude<ReviewStatus, "deleted">;

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
  /**
   * A review went from draft (or nothing) to published, by `actorId` (its author, or a moderator
   * publishing a draft). `mentioned`: the members its text names (lower-cased), who hear of it.
   */
  "review.published": { reviewId: number; authorId: string | null; actorId: string; filmId: number; score: number | null; hasSpoilers: boolean; mentioned: string[] };
  /**
   * A review's text or fields changed (not its first publishing). `before` is its film, status and
   * score before the edit; `mentionsAdded` the names this edit's text adds (they hear of it).
   */
  "review.edited": {
    reviewId: number;
    editorId: string;
    authorId: string | null;
    status: LiveStatus;
    wasPublished: boolean;
    filmId: number;
    score: number | null;
    hasSpoilers: boolean;
    before: { filmId: number; status: LiveStatus; score: number | null };
    mentionsAdded: string[];
  };
  /** `status` and `score` are the review's before it was deleted. */
  "review.deleted": { reviewId: number; authorId: string | null; filmId: number; status: LiveStatus; score: number | null; publishedAt: Date | null };
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
  /**
   * An account was deleted (its rows are gone when this runs). What its votes and badges added to
   * other rows, for the subscribers to take back: the items it had upvoted, its upvotes per author
   * and month (`lastAt`: the latest in that month), and the badges it held.
   */
  "member.left": {
    memberId: string;
    votedReviews: number[];
    votedComments: number[];
    upvotesGiven: { authorId: string; upvotes: number; lastAt: Date }[];
    badges: string[];
  };
  /** `at`: when it was earned (a backfilled grant is dated by the event that earned it); `silent`: no notice. */
  "badge.granted": { earned: Earned; at: Date; silent: boolean };
};

export type EventType = keyof EventMap;
export type DomainEvent = { [K in EventType]: { type: K } & EventMap[K] }[EventType];
