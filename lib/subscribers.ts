import type { EventMap, EventType } from "./events";
import { noticeBadge } from "./notifications/on-badge-granted";
import type { Write } from "./write";

export type Subscriber<K extends EventType> = (w: Write, event: EventMap[K]) => Promise<void>;

/**
 * Who runs on each event, in order, inside the writing transaction. Counters of other entities come
 * first, then standings and badges (which read those counters), then notices.
 */
export const SUBSCRIBERS: { [K in EventType]: Subscriber<K>[] } = {
  "vote.cast": [],
  "review.published": [],
  "review.edited": [],
  "review.deleted": [],
  "comment.posted": [],
  "comment.edited": [],
  "comment.deleted": [],
  "view.counted": [],
  "member.joined": [],
  "member.left": [],
  "badge.granted": [noticeBadge],
};
