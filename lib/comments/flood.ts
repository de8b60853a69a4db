import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { preparedOn, type Conn } from "@/db";
import { comments, users } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { rateLimited } from "@/lib/errors";
import { isNewcomerRow } from "@/lib/users/newcomer";
import type { Write } from "@/lib/write";
import { first } from "@/db/query";

// Flood control, checked inside the posting transaction (at `w.now`, read once its lock is held) so
// two racing posts cannot both pass.
const DUPLICATE_WINDOW_MS = 5 * 60_000;

// Prepared once per connection (see preparedOn): every comment posted runs them.
const p = sql.placeholder;
// A placeholder in a condition is bound as it is given: `since`, a Date, is encoded by its column
// (milliseconds on SQLite, timestamptz on PostgreSQL).
const TWIN = (c: Conn) =>
  c
    .select({ createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.authorId, p("authorId")), gt(comments.createdAt, sql.param(p("since"), comments.createdAt)), eq(comments.bodyMd, p("body")), isNull(comments.deletedAt)))
    .orderBy(desc(comments.createdAt))
    .limit(1)
    .prepare();
const LAST = (c: Conn) =>
  c
    .select({ createdAt: comments.createdAt, joinedAt: users.createdAt, reviewCount: users.reviewCount, commentCount: users.commentCount })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.authorId, p("authorId")))
    .orderBy(desc(comments.createdAt))
    .limit(1)
    .prepare();

const seconds = (n: number) => (n === 1 ? "1 second" : `${n} seconds`);

/**
 * Refuses a comment repeating one of the author's own still shown from the last five minutes (a
 * comment deleted to post it elsewhere does not count), or one posted too soon after the last.
 */
export async function assertMayComment(w: Write, authorId: string, body: string) {
  const { tx, now } = w;
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS);
  const twin = await first(preparedOn(tx, TWIN).execute({ authorId, since, body }));
  if (twin) {
    const wait = Math.ceil((twin.createdAt.getTime() + DUPLICATE_WINDOW_MS - now.getTime()) / 1000);
    throw rateLimited("You posted this same comment a moment ago. Change it, or wait a few minutes to post it again.", Math.max(1, wait));
  }
  // Their latest comment, with what says whether they are new here.
  const last = await first(preparedOn(tx, LAST).execute({ authorId }));
  if (!last) return;
  const env = getEnv();
  const newcomer = isNewcomerRow({ createdAt: last.joinedAt, reviewCount: last.reviewCount, commentCount: last.commentCount }, now);
  const interval = (newcomer ? env.COMMENT_NEWCOMER_INTERVAL_SECONDS : env.COMMENT_INTERVAL_SECONDS) * 1000;
  const wait = Math.ceil((last.createdAt.getTime() + interval - now.getTime()) / 1000);
  if (wait > 0) {
    const who = newcomer ? "New members wait" : "Please wait";
    throw rateLimited(`${who} ${seconds(interval / 1000)} between comments. Try again in ${seconds(wait)}; your text is kept.`, wait);
  }
}
