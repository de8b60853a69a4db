import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { preparedOn, type Conn } from "@/db";
import { notifications, users, type NotificationKind } from "@/db/schema";
import type { Write } from "@/lib/write";
import { first } from "@/db/query";

// Upvote counts that earn their author a notice: one per item and milestone, never one per vote.
export const MILESTONES = [1, 10, 50, 100, 200, 500, 1000, 2000, 5000, 10000] as const;

export function isMilestone(count: number): boolean {
  return (MILESTONES as readonly number[]).includes(count) || (count > 10000 && count % 10000 === 0);
}

const SWITCH = {
  review_reply: users.notifyReviewReplies,
  comment_reply: users.notifyCommentReplies,
  mention: users.notifyMentions,
  milestone: users.notifyMilestones,
  badge: users.notifyBadges,
} as const;

// Whether a member wants a kind of notice, and writing one: every reply runs both, so they are
// prepared once per connection (see preparedOn).
const p = sql.placeholder;
const wantsOf = (kind: NotificationKind) => (c: Conn) => c.select({ on: SWITCH[kind] }).from(users).where(eq(users.id, p("id"))).prepare();
const WANTS = Object.fromEntries(Object.keys(SWITCH).map((k) => [k, wantsOf(k as NotificationKind)])) as Record<NotificationKind, ReturnType<typeof wantsOf>>;
const INSERT = (c: Conn) =>
  c
    .insert(notifications)
    .values({
      recipientId: p("recipientId"),
      kind: p("kind"),
      actorId: p("actorId"),
      reviewId: p("reviewId"),
      commentId: p("commentId"),
      target: p("target"),
      amount: p("amount"),
      createdAt: p("at"),
    })
    .onConflictDoNothing()
    .returning({ id: notifications.id })
    .prepare();

export type Notice = {
  recipientId: string | null;
  kind: NotificationKind;
  actorId?: string | null;
  reviewId?: number | null;
  commentId?: number | null;
  target?: string | null;
  amount?: number | null;
  /** When it happened, if not now (a backfilled badge is noticed when it was earned). */
  at?: Date;
};

/**
 * Records a notice inside the write's transaction, unless it is about the recipient's own action,
 * the recipient switched that kind off, or (for milestones and badges) it was already given.
 * True when a notice was written.
 */
export async function notify(w: Write, n: Notice): Promise<boolean> {
  if (!n.recipientId || n.recipientId === n.actorId) return false;
  const wants = await first(preparedOn(w.tx, WANTS[n.kind]).execute({ id: n.recipientId }));
  if (!wants?.on) return false;
  // Milestones and badges come once (the unique index says so too, but a badge has no amount,
  // and SQLite's unique indexes let NULLs repeat). Inside the write lock this check cannot race.
  if (n.target) {
    const given = await first(w.tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.recipientId, n.recipientId),
          eq(notifications.kind, n.kind),
          eq(notifications.target, n.target),
          sql`${notifications.amount} is not distinct from ${n.amount ?? null}`,
        ),
      )
      .limit(1));
    if (given) return false;
  }
  const row = await first(preparedOn(w.tx, INSERT).execute({
    recipientId: n.recipientId,
    kind: n.kind,
    actorId: n.actorId ?? null,
    reviewId: n.reviewId ?? null,
    commentId: n.commentId ?? null,
    target: n.target ?? null,
    amount: n.amount ?? null,
    at: n.at ?? w.now,
  }));
  return !!row;
}

export type MentionsAt = { actorId: string; reviewId: number; commentId?: number | null; skip?: readonly (string | null)[] };

/**
 * Tells each member `@`-mentioned (lower-cased names) that they were, except the author, anyone
 * in `skip`, and anyone already told about this comment (or review) — by a reply notice or an
 * earlier mention, however often an edit takes the name out and puts it back. Returns how many.
 */
export async function notifyMentions(w: Write, names: readonly string[], at: MentionsAt): Promise<number> {
  if (!names.length) return 0;
  // In name order, so that the notices of one mention come in the same order on every database.
  const people = await w.tx.select({ id: users.id }).from(users).where(inArray(users.usernameKey, [...names])).orderBy(users.usernameKey);
  if (!people.length) return 0;
  const about = at.commentId
    ? eq(notifications.commentId, at.commentId)
    : and(eq(notifications.reviewId, at.reviewId), isNull(notifications.commentId), eq(notifications.kind, "mention"));
  const told = new Set(
    (
      await w.tx
        .select({ id: notifications.recipientId })
        .from(notifications)
        .where(and(about, or(...people.map((p) => eq(notifications.recipientId, p.id)))))
    ).map((r) => r.id),
  );
  let sent = 0;
  for (const p of people) {
    if (at.skip?.includes(p.id) || told.has(p.id)) continue;
    if (await notify(w, { recipientId: p.id, kind: "mention", actorId: at.actorId, reviewId: at.reviewId, commentId: at.commentId ?? null })) sent++;
  }
  return sent;
}
