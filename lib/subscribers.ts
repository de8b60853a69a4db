import { grantUpvoteBadges } from "./badges/on-vote-cast";
import type { EventMap, EventType } from "./events";
import { noticeUpvoteMilestone } from "./notifications/on-vote-cast";
import { bumpUpvoteStanding } from "./rankings/on-vote-cast";
import { updateHotScore } from "./reviews/on-vote-cast";
import { countUpvoteReceived } from "./users/on-vote-cast";
import type { Write } from "./write";

export type Subscriber<K extends EventType> = (w: Write, event: EventMap[K]) => Promise<void>;

/**
 * Who runs on each event, in order, inside the writing transaction. Counters of other entities come
 * first, then standings and badges (which read those counters), then notices.
 */
export const SUBSCRIBERS: { [K in EventType]: Subscriber<K>[] } = {
  // Upvotes received before the badges that read them.
  "vote.cast": [updateHotScore, countUpvoteReceived, bumpUpvoteStanding, grantUpvoteBadges, noticeUpvoteMilestone],
  "review.published": [],
  "review.edited": [],
  "review.deleted": [],
  "comment.posted": [],
  "comment.edited": [],
  "comment.deleted": [],
  "view.counted": [],
  "member.joined": [],
  "member.left": [],
  "badge.granted": [],
};
