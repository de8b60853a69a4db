import { and, eq, sql } from "drizzle-orm";
import { writeTx, type DB, type Tx } from "@/db";
import { commentVotes, comments, postVotes, posts, users } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { forbidden, gone, notFound, unauthenticated } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { takeRateSlots, waitPhrase } from "@/lib/rate-limit";
import { hotScore } from "@/lib/reviews/hot";
import { announceBadges } from "@/lib/badges/announce";
import { isSystemName } from "@/lib/badges/system";
import { bumpMonth, grantOneOff, reachRung, type Earned } from "@/lib/badges/grant";
import { isMilestone, notify } from "@/lib/notifications/notify";
import { isNewcomer } from "@/lib/users/newcomer";
import { VoteInput, type VoteTarget } from "./schemas";

const MINUTE = 60_000;
const times = (n: number) => (n === 1 ? "once" : `${n.toLocaleString("en-US")} times`);
const DAY = 86_400_000;

type Target = { type: VoteTarget; id: number; postId: number; slug: string; authorId: string | null; filmId: number; upvoteCount: number; publishedAt: Date | null };

function loadTarget(tx: Tx, type: VoteTarget, id: number): Target {
  if (type === "review") {
    const post = tx.select().from(posts).where(eq(posts.id, id)).get();
    if (!post || (post.status !== "published" && post.status !== "deleted")) throw notFound("There is no such review.");
    if (post.status === "deleted") throw gone("This review was deleted, so it takes no more votes.");
    return { type, id, postId: post.id, slug: post.slug, authorId: post.authorId, filmId: post.filmId, upvoteCount: post.upvoteCount, publishedAt: post.publishedAt };
  }
  const row = tx
    .select({ comment: comments, post: { status: posts.status, slug: posts.slug, filmId: posts.filmId } })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(eq(comments.id, id))
    .get();
  if (!row || (row.post.status !== "published" && row.post.status !== "deleted")) throw notFound("There is no such comment.");
  if (row.post.status === "deleted") throw gone("This comment's review was deleted, so it takes no more votes.");
  if (row.comment.deletedAt) throw gone("This comment was deleted, so it takes no more votes.");
  const c = row.comment;
  return { type, id, postId: c.postId, slug: row.post.slug, authorId: c.authorId, filmId: row.post.filmId, upvoteCount: c.upvoteCount, publishedAt: null };
}

function rateRules(tx: Tx, user: { id: string; createdAt: Date }, now: Date) {
  const env = getEnv();
  const newcomer = isNewcomer(tx, user, now);
  const burst = newcomer ? env.VOTE_NEWCOMER_BURST_PER_MINUTE : env.VOTE_BURST_PER_MINUTE;
  const daily = newcomer ? env.VOTE_NEWCOMER_DAILY_CAP : env.VOTE_DAILY_CAP;
  const who = newcomer ? "New members can" : "You can";
  return [
    { key: `vote:minute:${user.id}`, limit: burst, windowMs: MINUTE, message: (s: number) => `${who} vote ${times(burst)} a minute. Try again in ${waitPhrase(s)}.` },
    { key: `vote:day:${user.id}`, limit: daily, windowMs: DAY, message: (s: number) => `${who} vote ${times(daily)} a day. Try again in ${waitPhrase(s)}.` },
  ];
}

/**
 * Upvotes a review or a comment, or takes the upvote back, in one immediate transaction with the
 * item's count, its author's upvotes received and (for a review) its stored hot score. Posting the
 * state it is already in changes nothing and counts against no limit.
 */
export function castVote(db: DB, actor: Actor, raw: unknown, now = new Date()) {
  const input = VoteInput.parse(raw);
  return writeTx(db, (tx) => {
    const voter = tx.select({ id: users.id, createdAt: users.createdAt, suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, actor.id)).get();
    if (!voter) throw unauthenticated("Please sign in to vote.");
    if (voter.suspendedAt) throw forbidden("This account is suspended, so it cannot vote.");
    const target = loadTarget(tx, input.type, input.id);
    if (target.type === "comment" && target.authorId && isSystemName(tx.select({ u: users.username }).from(users).where(eq(users.id, target.authorId)).get()?.u)) {
      throw forbidden("Badge notes from Marquee take no upvotes.");
    }
    if (target.authorId === actor.id) {
      throw forbidden(input.type === "review" ? "You can't upvote your own review." : "You can't upvote your own comment.");
    }
    const isReview = input.type === "review";
    const mine = isReview
      ? and(eq(postVotes.userId, actor.id), eq(postVotes.postId, target.id))
      : and(eq(commentVotes.userId, actor.id), eq(commentVotes.commentId, target.id));
    const existing = isReview
      ? tx.select({ at: postVotes.createdAt }).from(postVotes).where(mine).get()
      : tx.select({ at: commentVotes.createdAt }).from(commentVotes).where(mine).get();
    const had = !!existing;
    const wants = input.value === "up";
    const { upvoteCount, ...item } = target;
    const result = { ...item, voted: wants, changed: had !== wants, count: upvoteCount, badges: [] as Earned[] };
    if (had === wants) return result;

    takeRateSlots(tx, rateRules(tx, voter, now), now);
    const delta = wants ? 1 : -1;
    if (isReview) {
      if (wants) tx.insert(postVotes).values({ userId: actor.id, postId: target.id, createdAt: now }).run();
      else tx.delete(postVotes).where(mine).run();
      const count = target.upvoteCount + delta;
      tx.update(posts).set({ upvoteCount: count, hotScore: hotScore(count, target.publishedAt) }).where(eq(posts.id, target.id)).run();
    } else {
      if (wants) tx.insert(commentVotes).values({ userId: actor.id, commentId: target.id, postId: target.postId, createdAt: now }).run();
      else tx.delete(commentVotes).where(mine).run();
      tx.update(comments).set({ upvoteCount: sql`${comments.upvoteCount} + ${delta}` }).where(eq(comments.id, target.id)).run();
    }
    const count = upvoteCount + delta;
    const badges: Earned[] = [];
    if (target.authorId) {
      const received = tx
        .update(users)
        .set({ upvotesReceived: sql`${users.upvotesReceived} + ${delta}`, ...(wants ? { upvotesReachedAt: now } : {}) })
        .where(eq(users.id, target.authorId))
        .returning({ n: users.upvotesReceived })
        .get()!.n;
      // This month's standing: an undo takes the upvote from the month it was given in.
      bumpMonth(tx, target.authorId, wants ? now : existing!.at, { upvotes: delta });
      if (wants) {
        const source = { postId: target.postId, commentId: isReview ? null : target.id };
        const rung = reachRung(tx, target.authorId, "upvotes", received, source, now);
        if (rung) badges.push(rung);
        if (count === 10) {
          const star = grantOneOff(tx, target.authorId, isReview ? "review-10-upvotes" : "comment-10-upvotes", source, now);
          if (star) badges.push(star);
        }
        // A review's upvotes that earn its author a badge are announced under the review.
        if (isReview) announceBadges(tx, { id: target.id, authorId: target.authorId }, badges, now);
      }
    }
    if (wants && isMilestone(count)) {
      notify(
        tx,
        {
          recipientId: target.authorId,
          kind: "milestone",
          postId: target.postId,
          commentId: isReview ? null : target.id,
          target: isReview ? `r${target.id}` : `c${target.id}`,
          amount: count,
        },
        now,
      );
    }
    return { ...result, count, badges };
  });
}
