import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { comments, users } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { rateLimited } from "@/lib/errors";
import { isNewcomer } from "@/lib/users/newcomer";
import type { Write } from "@/lib/write";

// Flood control, checked inside the posting transaction (at `w.now`, read once its lock is held) so
// two racing posts cannot both pass.
const DUPLICATE_WINDOW_MS = 5 * 60_000;

const seconds = (n: number) => (n === 1 ? "1 second" : `${n} seconds`);

/**
 * Refuses a comment repeating one of the author's own still shown from the last five minutes (a
 * comment deleted to post it elsewhere does not count), or one posted too soon after the last.
 */
export async function assertMayComment(w: Write, authorId: string, body: string) {
  const { tx, now } = w;
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS);
  const twin = await tx
    .select({ createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.authorId, authorId), gt(comments.createdAt, since), eq(comments.bodyMd, body), isNull(comments.deletedAt)))
    .orderBy(desc(comments.createdAt))
    .limit(1)
    .get();
  if (twin) {
    const wait = Math.ceil((twin.createdAt.getTime() + DUPLICATE_WINDOW_MS - now.getTime()) / 1000);
    throw rateLimited("You posted this same comment a moment ago. Change it, or wait a few minutes to post it again.", Math.max(1, wait));
  }
  const last = await tx
    .select({ createdAt: comments.createdAt })
    .from(comments)
    .where(eq(comments.authorId, authorId))
    .orderBy(desc(comments.createdAt))
    .limit(1)
    .get();
  if (!last) return;
  const user = await tx.select({ id: users.id, createdAt: users.createdAt }).from(users).where(eq(users.id, authorId)).get();
  if (!user) return;
  const env = getEnv();
  const newcomer = await isNewcomer(tx, user, now);
  const interval = (newcomer ? env.COMMENT_NEWCOMER_INTERVAL_SECONDS : env.COMMENT_INTERVAL_SECONDS) * 1000;
  const wait = Math.ceil((last.createdAt.getTime() + interval - now.getTime()) / 1000);
  if (wait > 0) {
    const who = newcomer ? "New members wait" : "Please wait";
    throw rateLimited(`${who} ${seconds(interval / 1000)} between comments. Try again in ${seconds(wait)}; your text is kept.`, wait);
  }
}
