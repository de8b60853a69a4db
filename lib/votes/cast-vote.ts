import { and, eq, sql } from "drizzle-orm";
import { commentVotes, comments, reviewTags, reviewVotes, reviews, users } from "@/db/schema";
import { isSystemName } from "@/lib/badges/system";
import { reviewListed } from "@/lib/cache/changes";
import { actorOf, type Ctx } from "@/lib/context";
import { getEnv } from "@/lib/env";
import { forbidden, gone, notFound, unauthenticated } from "@/lib/errors";
import { takeRateSlots, waitPhrase } from "@/lib/rate-limit";
import { isNewcomer } from "@/lib/users/newcomer";
import { write, type Write } from "@/lib/write";
import { VoteInput, type VoteTarget } from "./schemas";

const MINUTE = 60_000;
const DAY = 86_400_000;
const times = (n: number) => (n === 1 ? "once" : `${n.toLocaleString("en-US")} times`);

type Target = { type: VoteTarget; id: number; reviewId: number; slug: string; authorId: string | null; filmId: number; upvoteCount: number; publishedAt: Date | null };

async function loadTarget(w: Write, type: VoteTarget, id: number): Promise<Target> {
  if (type === "review") {
    const review = await w.tx.select().from(reviews).where(eq(reviews.id, id)).get();
    if (!review || (review.status !== "published" && review.status !== "deleted")) throw notFound("There is no such review.");
    if (review.status === "deleted") throw gone("This review was deleted, so it takes no more votes.");
    return { type, id, reviewId: review.id, slug: review.slug, authorId: review.authorId, filmId: review.filmId, upvoteCount: review.upvoteCount, publishedAt: review.publishedAt };
  }
  const row = await w.tx
    .select({ comment: comments, review: { status: reviews.status, slug: reviews.slug, filmId: reviews.filmId } })
    .from(comments)
    .innerJoin(reviews, eq(reviews.id, comments.reviewId))
    .where(eq(comments.id, id))
    .get();
  if (!row || (row.review.status !== "published" && row.review.status !== "deleted")) throw notFound("There is no such comment.");
  if (row.review.status === "deleted") throw gone("This comment's review was deleted, so it takes no more votes.");
  if (row.comment.deletedAt) throw gone("This comment was deleted, so it takes no more votes.");
  const c = row.comment;
  return { type, id, reviewId: c.reviewId, slug: row.review.slug, authorId: c.authorId, filmId: row.review.filmId, upvoteCount: c.upvoteCount, publishedAt: null };
}

/** The voter's two windows, at the limits of their standing now (a newcomer's are lower). */
async function rateRules(w: Write, voter: { id: string; createdAt: Date }) {
  const env = getEnv();
  const newcomer = await isNewcomer(w.tx, voter, w.now);
  const burst = newcomer ? env.VOTE_NEWCOMER_BURST_PER_MINUTE : env.VOTE_BURST_PER_MINUTE;
  const daily = newcomer ? env.VOTE_NEWCOMER_DAILY_CAP : env.VOTE_DAILY_CAP;
  const who = newcomer ? "New members can" : "You can";
  return [
    { key: `vote:minute:${voter.id}`, limit: burst, windowMs: MINUTE, message: (s: number) => `${who} vote ${times(burst)} a minute. Try again in ${waitPhrase(s)}.` },
    { key: `vote:day:${voter.id}`, limit: daily, windowMs: DAY, message: (s: number) => `${who} vote ${times(daily)} a day. Try again in ${waitPhrase(s)}.` },
  ];
}

/**
 * Upvotes a review or a comment, or takes the upvote back: the vote row and the item's count, then
 * `vote.cast`, whose subscribers move everything else (hot score, upvotes received, standings,
 * badges, notices). Posting the state it is already in changes nothing and counts against no limit.
 */
export async function castVote(ctx: Ctx, raw: unknown) {
  const input = VoteInput.parse(raw);
  const actor = actorOf(ctx, "Please sign in to vote.");
  return write(ctx, async (w) => {
    const voter = await w.tx.select({ id: users.id, createdAt: users.createdAt, suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, actor.id)).get();
    if (!voter) throw unauthenticated("Please sign in to vote.");
    if (voter.suspendedAt) throw forbidden("This account is suspended, so it cannot vote.");
    const target = await loadTarget(w, input.type, input.id);
    if (target.type === "comment" && target.authorId) {
      const author = await w.tx.select({ u: users.username }).from(users).where(eq(users.id, target.authorId)).get();
      if (isSystemName(author?.u)) throw forbidden("Badge notes from Marquee take no upvotes.");
    }
    if (target.authorId === actor.id) {
      throw forbidden(input.type === "review" ? "You can't upvote your own review." : "You can't upvote your own comment.");
    }
    const isReview = input.type === "review";
    const mine = isReview
      ? and(eq(reviewVotes.userId, actor.id), eq(reviewVotes.reviewId, target.id))
      : and(eq(commentVotes.userId, actor.id), eq(commentVotes.commentId, target.id));
    const existing = isReview
      ? await w.tx.select({ at: reviewVotes.createdAt }).from(reviewVotes).where(mine).get()
      : await w.tx.select({ at: commentVotes.createdAt }).from(commentVotes).where(mine).get();
    const wants = input.value === "up";
    const item = { type: target.type, id: target.id, reviewId: target.reviewId, slug: target.slug, authorId: target.authorId };
    if (!!existing === wants) return { ...item, voted: wants, changed: false, count: target.upvoteCount, badges: w.earned };

    await takeRateSlots(w, await rateRules(w, voter));
    const delta = wants ? 1 : -1;
    const count = target.upvoteCount + delta;
    if (isReview) {
      if (wants) await w.tx.insert(reviewVotes).values({ userId: actor.id, reviewId: target.id, createdAt: w.now }).run();
      else await w.tx.delete(reviewVotes).where(mine).run();
      await w.tx.update(reviews).set({ upvoteCount: count }).where(eq(reviews.id, target.id)).run();
      // Its card shows the count: on the feed, its film, its tags and its author's profile.
      const tags = await w.tx.select({ tag: reviewTags.tag }).from(reviewTags).where(eq(reviewTags.reviewId, target.id)).all();
      reviewListed(w.changes, { id: target.id, filmId: target.filmId, authorId: target.authorId, tags: tags.map((t) => t.tag) });
    } else {
      if (wants) await w.tx.insert(commentVotes).values({ userId: actor.id, commentId: target.id, reviewId: target.reviewId, createdAt: w.now }).run();
      else await w.tx.delete(commentVotes).where(mine).run();
      await w.tx.update(comments).set({ upvoteCount: sql`${comments.upvoteCount} + ${delta}` }).where(eq(comments.id, target.id)).run();
      // A comment's count shows in its review's discussion.
      w.changes.threads.add(target.reviewId);
    }
    await w.emit("vote.cast", {
      target: target.type,
      itemId: target.id,
      reviewId: target.reviewId,
      authorId: target.authorId,
      voterId: actor.id,
      up: wants,
      count,
      // An undo is counted against the month the upvote was given in.
      givenAt: wants ? w.now : existing!.at,
      publishedAt: target.publishedAt,
    });
    return { ...item, voted: wants, changed: true, count, badges: w.earned };
  });
}
