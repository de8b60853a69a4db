import { dropLeaversBadges } from "./badges/on-member-left";
import type { EventMap, EventType } from "./events";
import { takeBackLeaversStandings } from "./rankings/on-member-left";
import { takeBackLeaversUpvotes } from "./votes/on-member-left";
import { badgesOnReviewEdited } from "./badges/on-review-edited";
import { badgesOnReviewPublished } from "./badges/on-review-published";
import { badgesOnViewCounted } from "./badges/on-view-counted";
import { filmOnReviewDeleted } from "./films/on-review-deleted";
import { filmOnReviewEdited } from "./films/on-review-edited";
import { filmOnReviewPublished } from "./films/on-review-published";
import { notificationsOnReviewDeleted } from "./notifications/on-review-deleted";
import { notificationsOnReviewEdited } from "./notifications/on-review-edited";
import { notificationsOnReviewPublished } from "./notifications/on-review-published";
import { rankingsOnReviewDeleted } from "./rankings/on-review-deleted";
import { rankingsOnReviewPublished } from "./rankings/on-review-published";
import { usersOnReviewDeleted } from "./users/on-review-deleted";
import { usersOnReviewPublished } from "./users/on-review-published";
import { grantUpvoteBadges } from "./badges/on-vote-cast";
import { noticeUpvoteMilestone } from "./notifications/on-vote-cast";
import { bumpUpvoteStanding } from "./rankings/on-vote-cast";
import { updateHotScore } from "./reviews/on-vote-cast";
import { countUpvoteReceived } from "./users/on-vote-cast";
import { noticeBadge } from "./notifications/on-badge-granted";
import type { Write } from "./write";
import { badgesOnCommentEdited } from "./badges/on-comment-edited";
import { badgesOnCommentPosted } from "./badges/on-comment-posted";
import { notificationsOnCommentDeleted } from "./notifications/on-comment-deleted";
import { notificationsOnCommentEdited } from "./notifications/on-comment-edited";
import { notificationsOnCommentPosted } from "./notifications/on-comment-posted";
import { usersOnCommentDeleted } from "./users/on-comment-deleted";
import { usersOnCommentPosted } from "./users/on-comment-posted";

export type Subscriber<K extends EventType> = (w: Write, event: EventMap[K]) => Promise<void>;

/**
 * Who runs on each event, in order, inside the writing transaction. Counters of other entities come
 * first, then standings and badges (which read those counters), then notices.
 */
export const SUBSCRIBERS: { [K in EventType]: Subscriber<K>[] } = {
  // Mention notices before the badges' own, as publishing always sent them.
  "review.published": [filmOnReviewPublished, usersOnReviewPublished, rankingsOnReviewPublished, notificationsOnReviewPublished, badgesOnReviewPublished],
  "review.edited": [filmOnReviewEdited, notificationsOnReviewEdited, badgesOnReviewEdited],
  "review.deleted": [filmOnReviewDeleted, usersOnReviewDeleted, rankingsOnReviewDeleted, notificationsOnReviewDeleted],
  "view.counted": [badgesOnViewCounted],
  "comment.posted": [usersOnCommentPosted, badgesOnCommentPosted, notificationsOnCommentPosted],
  "comment.edited": [notificationsOnCommentEdited, badgesOnCommentEdited],
  "comment.deleted": [usersOnCommentDeleted, notificationsOnCommentDeleted],
  // Upvotes received before the badges that read them.
  "vote.cast": [updateHotScore, countUpvoteReceived, bumpUpvoteStanding, grantUpvoteBadges, noticeUpvoteMilestone],
  "member.joined": [],
  "member.left": [takeBackLeaversUpvotes, takeBackLeaversStandings, dropLeaversBadges],
  "badge.granted": [noticeBadge],
};
