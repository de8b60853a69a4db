import { and, eq, sql } from "drizzle-orm";
import { commentVotes, comments, postTags, postVotes, posts, users } from "@/db/schema";
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

type Target = { type: VoteTarget; id: number; postId: number; slug: string; authorId: string | null; filmId: number; upvoteCount: number; publishedAt: Date | null };

async function loadTarget(w: Write, type: VoteTarget, id: number): Promise<Target> {
  if (type === "review") {
    const post = await w.tx.select().from(posts).where(eq(posts.id, id)).get();
    if (!post || (post.status !== "published" && post.status !== "deleted")) throw notFound("There is no such review.");
    if (post.status === "deleted") throw gone("This review was deleted, so it takes no more votes.");
    return { type, id, postId: post.id, slug: post.slug, authorId: post.authorId, filmId: post.filmId, upvoteCount: post.upvoteCount, publishedAt: post.publishedAt };
  }
  const row = await w.tx
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
      ? and(eq(postVotes.userId, actor.id), eq(postVotes.postId, target.id))
      : and(eq(commentVotes.userId, actor.id), eq(commentVotes.commentId, target.id));
    const existing = isReview
      ? await w.tx.select({ at: postVotes.createdAt }).from(postVotes).where(mine).get()
      : await w.tx.select({ at: commentVotes.createdAt }).from(commentVotes).where(mine).get();
    const wants = input.value === "up";
    const item = { type: target.type, id: target.id, postId: target.postId, slug: target.slug, authorId: target.authorId };
    if (!!existing === wants) return { ...item, voted: wants, changed: false, count: target.upvoteCount, badges: w.earned };

    await takeRateSlots(w, await rateRules(w, voter));
    const delta = wants ? 1 : -1;
    const count = target.upvoteCount + delta;
    if (isReview) {
      if (wants) await w.tx.insert(postVotes).values({ userId: actor.id, postId: target.id, createdAt: w.now }).run();
      else await w.tx.delete(postVotes).where(mine).run();
      await w.tx.update(posts).set({ upvoteCount: count }).where(eq(posts.id, target.id)).run();
      // Its card shows the count: on the feed, its film, its tags and its author's profile.
      const tags = await w.tx.select({ tag: postTags.tag }).from(postTags).where(eq(postTags.postId, target.id)).all();
      reviewListed(w.changes, { id: target.id, filmId: target.filmId, authorId: target.authorId, tags: tags.map((t) => t.tag) });
    } else {
      if (wants) await w.tx.insert(commentVotes).values({ userId: actor.id, commentId: target.id, postId: target.postId, createdAt: w.now }).run();
      else await w.tx.delete(commentVotes).where(mine).run();
      await w.tx.update(comments).set({ upvoteCount: sql`${comments.upvoteCount} + ${delta}` }).where(eq(comments.id, target.id)).run();
      // A comment's count shows in its review's discussion.
      w.changes.threads.add(target.postId);
    }
    await w.emit("vote.cast", {
      target: target.type,
      itemId: target.id,
      reviewId: target.postId,
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
