import { eq, sql } from "drizzle-orm";
import { preparedOn, type Conn } from "@/db";
import { users } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { announceBadges } from "./announce";
import { grantOneOff, reachRung, type Earned } from "./grant";
import { starAt } from "./rules";
import { first } from "@/db/query";

const RECEIVED = (c: Conn) => c.select({ received: users.upvotesReceived }).from(users).where(eq(users.id, sql.placeholder("id"))).prepare();

/**
 * An upvote may earn the item's author a rung of the upvotes ladder (at the count of upvotes
 * received that the users subscriber, which runs first, just stored) and, at the item's tenth
 * upvote (`starAt`), the review's or comment's one-off. What a review's upvote earned is announced
 * under it. Undos take nothing back.
 */
export async function grantUpvoteBadges(w: Write, e: EventMap["vote.cast"]) {
  if (!e.up || !e.authorId) return;
  const source = { reviewId: e.reviewId, commentId: e.target === "review" ? null : e.itemId };
  const earned: Earned[] = [];
  const author = await first(preparedOn(w.tx, RECEIVED).execute({ id: e.authorId }));
  if (author) {
    const rung = await reachRung(w, e.authorId, "upvotes", author.received, source);
    if (rung) earned.push(rung);
  }
  const starSlug = starAt(e.target, e.count);
  if (starSlug) {
    const star = await grantOneOff(w, e.authorId, starSlug, source);
    if (star) earned.push(star);
  }
  if (e.target !== "review" || !earned.length) return;
  const note = await announceBadges(w, { id: e.reviewId, authorId: e.authorId }, earned);
  if (note !== null) {
    w.changes.comments.add(note);
    w.changes.threads.add(e.reviewId);
  }
}
