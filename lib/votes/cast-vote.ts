import { and, eq, sql } from "drizzle-orm";
import { preparedOn, type Conn } from "@/db";
import { commentVotes, comments, reviewTags, reviewVotes, reviews, users } from "@/db/schema";
import { isSystemName } from "@/lib/badges/system";
import { reviewListed } from "@/lib/cache/changes";
import { actorOf, type Ctx } from "@/lib/context";
import { getEnv } from "@/lib/env";
import { forbidden, gone, notFound, unauthenticated } from "@/lib/errors";
import { takeRateSlots, waitPhrase } from "@/lib/rate-limit";
import { isNewcomerRow } from "@/lib/users/newcomer";
import { write, type Write } from "@/lib/write";
import { VoteInput, type VoteTarget } from "./schemas";
import { first } from "@/db/query";

const MINUTE = 60_000;
const DAY = 86_400_000;
const times = (n: number) => (n === 1 ? "once" : `${n.toLocaleString("en-US")} times`);

// The upvote path's queries, prepared once per connection (see preparedOn).
const p = sql.placeholder;
const VOTER = (c: Conn) =>
  c
    .select({ id: users.id, createdAt: users.createdAt, suspendedAt: users.suspendedAt, reviewCount: users.reviewCount, commentCount: users.commentCount })
    .from(users)
    .where(eq(users.id, p("id")))
    .prepare();
const REVIEW = (c: Conn) =>
  c
    .select({ id: reviews.id, status: reviews.status, slug: reviews.slug, authorId: reviews.authorId, filmId: reviews.filmId, upvoteCount: reviews.upvoteCount, publishedAt: reviews.publishedAt })
    .from(reviews)
    .where(eq(reviews.id, p("id")))
    .prepare();
const COMMENT = (c: Conn) =>
  c
    .select({
      comment: { reviewId: comments.reviewId, authorId: comments.authorId, upvoteCount: comments.upvoteCount, deletedAt: comments.deletedAt },
      review: { status: reviews.status, slug: reviews.slug, filmId: reviews.filmId },
      authorName: users.username,
    })
    .from(comments)
    .innerJoin(reviews, eq(reviews.id, comments.reviewId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.id, p("id")))
    .prepare();
const REVIEW_VOTE = (c: Conn) =>
  c.select({ at: reviewVotes.createdAt }).from(reviewVotes).where(and(eq(reviewVotes.userId, p("user")), eq(reviewVotes.reviewId, p("item")))).prepare();
const COMMENT_VOTE = (c: Conn) =>
  c.select({ at: commentVotes.createdAt }).from(commentVotes).where(and(eq(commentVotes.userId, p("user")), eq(commentVotes.commentId, p("item")))).prepare();
const ADD_REVIEW_VOTE = (c: Conn) => c.insert(reviewVotes).values({ userId: p("user"), reviewId: p("item"), createdAt: p("at") }).prepare();
const DROP_REVIEW_VOTE = (c: Conn) => c.delete(reviewVotes).where(and(eq(reviewVotes.userId, p("user")), eq(reviewVotes.reviewId, p("item")))).prepare();
const SET_REVIEW_COUNT = (c: Conn) => c.update(reviews).set({ upvoteCount: sql`${p("count")}` }).where(eq(reviews.id, p("item"))).prepare();
const TAGS = (c: Conn) => c.select({ tag: reviewTags.tag }).from(reviewTags).where(eq(reviewTags.reviewId, p("item"))).prepare();
const ADD_COMMENT_VOTE = (c: Conn) => c.insert(commentVotes).values({ userId: p("user"), commentId: p("item"), reviewId: p("review"), createdAt: p("at") }).prepare();
const DROP_COMMENT_VOTE = (c: Conn) => c.delete(commentVotes).where(and(eq(commentVotes.userId, p("user")), eq(commentVotes.commentId, p("item")))).prepare();
const BUMP_COMMENT_COUNT = (c: Conn) => c.update(comments).set({ upvoteCount: sql`${comments.upvoteCount} + ${p("delta")}` }).where(eq(comments.id, p("item"))).prepare();

type Target = { type: VoteTarget; id: number; reviewId: number; slug: string; authorId: string | null; filmId: number; upvoteCount: number; publishedAt: Date | null };

async function loadTarget(w: Write, type: VoteTarget, id: number): Promise<Target & { authorName: string | null }> {
  if (type === "review") {
    const review = await first(preparedOn(w.tx, REVIEW).execute({ id }));
    if (!review || (review.status !== "published" && review.status !== "deleted")) throw notFound("There is no such review.");
    if (review.status === "deleted") throw gone("This review was deleted, so it takes no more votes.");
    return { type, id, reviewId: review.id, slug: review.slug, authorId: review.authorId, filmId: review.filmId, upvoteCount: review.upvoteCount, publishedAt: review.publishedAt, authorName: null };
  }
  const row = await first(preparedOn(w.tx, COMMENT).execute({ id }));
  if (!row || (row.review.status !== "published" && row.review.status !== "deleted")) throw notFound("There is no such comment.");
  if (row.review.status === "deleted") throw gone("This comment's review was deleted, so it takes no more votes.");
  if (row.comment.deletedAt) throw gone("This comment was deleted, so it takes no more votes.");
  const c = row.comment;
  return { type, id, reviewId: c.reviewId, slug: row.review.slug, authorId: c.authorId, filmId: row.review.filmId, upvoteCount: c.upvoteCount, publishedAt: null, authorName: row.authorName };
}

/** The voter's two windows, at the limits of their standing now (a newcomer's are lower). */
function rateRules(w: Write, voter: { id: string; createdAt: Date; reviewCount: number; commentCount: number }) {
  const env = getEnv();
  const newcomer = isNewcomerRow(voter, w.now);
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
    const voter = await first(preparedOn(w.tx, VOTER).execute({ id: actor.id }));
    if (!voter) throw unauthenticated("Please sign in to vote.");
    if (voter.suspendedAt) throw forbidden("This account is suspended, so it cannot vote.");
    const target = await loadTarget(w, input.type, input.id);
    if (target.type === "comment" && target.authorId && isSystemName(target.authorName ?? undefined)) throw forbidden("Badge notes from Marquee take no upvotes.");
    if (target.authorId === actor.id) {
      throw forbidden(input.type === "review" ? "You can't upvote your own review." : "You can't upvote your own comment.");
    }
    const isReview = input.type === "review";
    const mine = { user: actor.id, item: target.id };
    const existing = await first(preparedOn(w.tx, isReview ? REVIEW_VOTE : COMMENT_VOTE).execute(mine));
    const wants = input.value === "up";
    const item = { type: target.type, id: target.id, reviewId: target.reviewId, slug: target.slug, authorId: target.authorId };
    if (!!existing === wants) return { ...item, voted: wants, changed: false, count: target.upvoteCount, badges: w.earned };

    await takeRateSlots(w, rateRules(w, voter));
    const delta = wants ? 1 : -1;
    const count = target.upvoteCount + delta;
    if (isReview) {
      if (wants) await preparedOn(w.tx, ADD_REVIEW_VOTE).execute({ ...mine, at: w.now });
      else await preparedOn(w.tx, DROP_REVIEW_VOTE).execute(mine);
      await preparedOn(w.tx, SET_REVIEW_COUNT).execute({ count, item: target.id });
      // Its card shows the count: on the feed, its film, its tags and its author's profile.
      const tags = await preparedOn(w.tx, TAGS).execute({ item: target.id });
      reviewListed(w.changes, { id: target.id, filmId: target.filmId, authorId: target.authorId, tags: tags.map((t) => t.tag) });
    } else {
      if (wants) await preparedOn(w.tx, ADD_COMMENT_VOTE).execute({ ...mine, review: target.reviewId, at: w.now });
      else await preparedOn(w.tx, DROP_COMMENT_VOTE).execute(mine);
      await preparedOn(w.tx, BUMP_COMMENT_COUNT).execute({ delta, item: target.id });
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
