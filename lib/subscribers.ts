import type { EventMap, EventType } from "./events";
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
  "vote.cast": [],
  "review.published": [],
  "review.edited": [],
  "review.deleted": [],
  "comment.posted": [usersOnCommentPosted, badgesOnCommentPosted, notificationsOnCommentPosted],
  "comment.edited": [badgesOnCommentEdited, notificationsOnCommentEdited],
  "comment.deleted": [usersOnCommentDeleted, notificationsOnCommentDeleted],
  "view.counted": [],
  "member.joined": [],
  "member.left": [],
  "badge.granted": [],
};
