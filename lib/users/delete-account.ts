import { eq, sql } from "drizzle-orm";
import { reviewViews, reviews, rateWindows, users } from "@/db/schema";
import { actorOf, type Ctx } from "@/lib/context";
import { invalid, notFound } from "@/lib/errors";
import { write } from "@/lib/write";
import { recordPresence } from "./presence";
import { assertCurrentPassword, confirmsUsername } from "./account";
import { affected, first, rawRows } from "@/db/query";
import { monthOf, msOf } from "@/db/sql";

export type DeleteAccountInput = { username?: unknown; currentPassword?: unknown };

/**
 * Deletes the acting member's account. What they published stays, shown as by "deleted user";
 * their profile, email, password, avatar, drafts, sign-in links, notices, votes and sessions go.
 * The verb removes the account's own rows; `member.left`'s subscribers take back, in the same
 * transaction, what its votes and badges added to other rows (upvote counts and hot scores,
 * upvotes received and monthly standings, badge holder counts), so every counter stays exact.
 * Confirmed by typing the username, and the current password when the account has one.
 */
export async function deleteAccount(ctx: Ctx, raw: DeleteAccountInput) {
  const { id: userId } = actorOf(ctx, "Please sign in to delete your account.");
  const user = await first(ctx.db.select().from(users).where(eq(users.id, userId)));
  if (!user) throw notFound("This account no longer exists.");
  if (!confirmsUsername(user, raw.username)) throw invalid("username", `Type your username, ${user.username}, to confirm.`);
  await assertCurrentPassword(ctx, user, typeof raw.currentPassword === "string" ? raw.currentPassword : "");
  return write(ctx, async (w) => {
    const { tx } = w;
    // Where the name shows, found before the rows that say so are gone.
    await recordPresence(w, userId);
    w.changes.directory = true;
    const votedReviews = (await rawRows<{ id: number }>(tx, sql`select post_id as id from post_votes where user_id = ${userId}`)).map((r) => r.id);
    const votedComments = (await rawRows<{ id: number }>(tx, sql`select comment_id as id from comment_votes where user_id = ${userId}`)).map((r) => r.id);
    // Upvotes this person gave, per author and month: taken back from each author's upvotes received.
    const given = await rawRows<{ authorId: string; n: number; at: number }>(tx, sql`
      select g.author_id as "authorId", count(*) as n, max(${msOf(sql`g.created_at`)}) as at from (
        select p.author_id, v.created_at from post_votes v join posts p on p.id = v.post_id where v.user_id = ${userId}
        union all
        select c.author_id, v.created_at from comment_votes v join comments c on c.id = v.comment_id where v.user_id = ${userId}
      ) as g where g.author_id is not null group by g.author_id, ${monthOf(sql`g.created_at`)}`);
    const badges = (await rawRows<{ slug: string }>(tx, sql`select badge_slug as slug from user_badges where user_id = ${userId}`)).map((r) => r.slug);
    const drafts = affected(await tx.delete(reviews).where(sql`${reviews.authorId} = ${userId} and ${reviews.status} = 'draft'`));
    await tx.delete(rateWindows).where(sql`${rateWindows.key} like ${`%:${userId}`}`);
    await tx.delete(reviewViews).where(eq(reviewViews.viewerKey, `u:${userId}`));
    // Cascades: sign-in links, votes, badges, notices to them, their uploaded avatar. Set null: their reviews, comments, edits, notices they caused.
    await tx.delete(users).where(eq(users.id, userId));
    await w.emit("member.left", {
      memberId: userId,
      votedReviews,
      votedComments,
      upvotesGiven: given.map((g) => ({ authorId: g.authorId, upvotes: g.n, lastAt: new Date(g.at) })),
      badges,
    });
    return { drafts, votesTakenBack: votedReviews.length + votedComments.length };
  });
}
