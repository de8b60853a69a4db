import { eq, sql } from "drizzle-orm";
import { preparedOn, type Conn } from "@/db";
import { users } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { isStop, stopAnnouncements } from "./announce";
import { reachRung } from "./grant";
import { first } from "@/db/query";

type Posted = EventMap["comment.posted"];

// Every comment posted reads its author's count (and the replied-to member's): prepared once per connection.
const COUNTS = (c: Conn) =>
  c.select({ comments: users.commentCount, replies: users.repliesReceived }).from(users).where(eq(users.id, sql.placeholder("id"))).prepare();

/** "STOP" from the review's author in reply to a badge announcement: announcements stop. */
export function asksToStopAnnouncements(e: Pick<Posted, "parentAnnouncesBadge" | "authorId" | "reviewAuthorId" | "body">): boolean {
  return !!e.parentAnnouncesBadge && e.authorId === e.reviewAuthorId && isStop(e.body);
}

/**
 * The comments rung of its author and the replies rung of the member it answers, at the counts the
 * users' subscriber just moved; then a STOP under an announcement turns announcements off.
 */
export async function badgesOnCommentPosted(w: Write, e: Posted) {
  const source = { reviewId: e.reviewId, commentId: e.commentId };
  const repliedTo = e.repliedToId && e.repliedToId !== e.authorId ? e.repliedToId : null;
  const counts = async (id: string) => await first(preparedOn(w.tx, COUNTS).execute({ id }));
  await reachRung(w, e.authorId, "comments", (await counts(e.authorId))?.comments ?? 0, source);
  if (repliedTo) await reachRung(w, repliedTo, "replies", (await counts(repliedTo))?.replies ?? 0, source);
  if (asksToStopAnnouncements(e)) {
    await stopAnnouncements(w, e.authorId, { id: e.reviewId }, { id: e.commentId, path: e.path, depth: e.depth });
  }
}
