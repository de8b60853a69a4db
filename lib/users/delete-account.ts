import fs from "node:fs";
import { eq, inArray, sql } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { comments, postViews, posts, rateWindows, users } from "@/db/schema";
import { invalid, notFound } from "@/lib/errors";
import { bumpMonth } from "@/lib/badges/grant";
import { hotScore } from "@/lib/reviews/hot";
import { avatarDir, avatarFile } from "./avatar-upload";
import { assertCurrentPassword } from "./settings";
import { usernameKey } from "./username";

/**
 * Deletes an account. What the person published stays, shown as by "deleted user"; their
 * profile, email, password, avatar, drafts, sign-in links, notices, votes and sessions go. The
 * counts their votes made are taken back in the same transaction, so every counter stays exact.
 * Confirmed by typing the username, and the current password when the account has one.
 */
export async function deleteAccount(db: DB, userId: string, raw: { username?: unknown; currentPassword?: unknown }, dir = avatarDir()) {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw notFound("This account no longer exists.");
  if (typeof raw.username !== "string" || usernameKey(raw.username) !== usernameKey(user.username)) {
    throw invalid("username", `Type your username, ${user.username}, to confirm.`);
  }
  await assertCurrentPassword(db, user, typeof raw.currentPassword === "string" ? raw.currentPassword : "");
  const result = writeTx(db, (tx) => {
    const votedPosts = tx.all<{ id: number }>(sql`select post_id as id from post_votes where user_id = ${userId}`).map((r) => r.id);
    const votedComments = tx.all<{ id: number }>(sql`select comment_id as id from comment_votes where user_id = ${userId}`).map((r) => r.id);
    // Upvotes this person gave, per author: taken back from each author's upvotes received.
    const given = tx.all<{ authorId: string; month: string; n: number; at: number }>(sql`
      select author_id as authorId, strftime('%Y-%m', created_at / 1000, 'unixepoch') as month, count(*) as n, max(created_at) as at from (
        select p.author_id, v.created_at from post_votes v join posts p on p.id = v.post_id where v.user_id = ${userId}
        union all
        select c.author_id, v.created_at from comment_votes v join comments c on c.id = v.comment_id where v.user_id = ${userId}
      ) where author_id is not null group by author_id, month`);
    // Their badges leave the catalog's holder counts.
    tx.run(sql`update badges set holder_count = holder_count - 1 where slug in (select badge_slug from user_badges where user_id = ${userId})`);
    const drafts = tx.delete(posts).where(sql`${posts.authorId} = ${userId} and ${posts.status} = 'draft'`).run().changes;
    tx.delete(rateWindows).where(sql`${rateWindows.key} like ${`%:${userId}`}`).run();
    tx.delete(postViews).where(eq(postViews.viewerKey, `u:${userId}`)).run();
    // Cascades: sign-in links, votes, notices to them. Set null: their reviews, comments, edits, notices they caused.
    tx.delete(users).where(eq(users.id, userId)).run();
    for (const g of given) {
      tx.update(users).set({ upvotesReceived: sql`${users.upvotesReceived} - ${g.n}` }).where(eq(users.id, g.authorId)).run();
      bumpMonth(tx, g.authorId, new Date(g.at), { upvotes: -g.n });
    }
    if (votedComments.length) {
      tx.update(comments)
        .set({ upvoteCount: sql`(select count(*) from comment_votes v where v.comment_id = ${comments.id})` })
        .where(inArray(comments.id, votedComments))
        .run();
    }
    for (const id of votedPosts) {
      const p = tx.get<{ n: number; publishedAt: number | null; status: string }>(
        sql`select (select count(*) from post_votes where post_id = ${id}) as n, published_at as publishedAt, status from posts where id = ${id}`,
      );
      if (!p) continue;
      const hot = p.status === "published" ? hotScore(p.n, p.publishedAt === null ? null : new Date(p.publishedAt)) : 0;
      tx.update(posts).set({ upvoteCount: p.n, hotScore: hot }).where(eq(posts.id, id)).run();
    }
    return { drafts, votesTakenBack: votedPosts.length + votedComments.length };
  });
  const file = avatarFile(user.image, dir);
  if (file) fs.rmSync(file, { force: true });
  return result;
}
