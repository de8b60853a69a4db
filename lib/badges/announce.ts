import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { insertComment } from "@/lib/comments/store";
import { renderMarkdown } from "@/lib/markdown/render";
import { usernameKey } from "@/lib/users/username";
import type { Write } from "@/lib/write";
import { BADGE_BY_SLUG, badgeNotice } from "./catalog";
import type { Earned } from "./grant";
import { SYSTEM_USERNAME } from "./system";
import { first, one } from "@/db/query";

export { SYSTEM_USERNAME };

const SYSTEM_NAME = "Marquee badges";

/** The system account's id, created on first use (no password, no email: it never signs in). */
async function systemAccountId(w: Write): Promise<string> {
  const found = await first(w.tx.select({ id: users.id }).from(users).where(eq(users.isSystem, true)));
  if (found) return found.id;
  const made = await one(w.tx
    .insert(users)
    .values({
      username: SYSTEM_USERNAME,
      usernameKey: usernameKey(SYSTEM_USERNAME),
      name: SYSTEM_NAME,
      bio: "Posts a note under a review when its upvotes earn the author a badge. Reply STOP to one of these notes to stop them.",
      isSystem: true,
      isNew: false,
      notifyReviewReplies: false,
      notifyCommentReplies: false,
      notifyMentions: false,
      notifyMilestones: false,
      notifyBadges: false,
      badgeAnnouncements: false,
      createdAt: w.now,
    })
    .returning({ id: users.id }));
  return made.id;
}

/** The body of an announcement, in the shape of the source's badge bot (one note for what one vote earned). */
function announcementMarkdown(username: string, slugs: readonly string[]): string {
  const words = (slug: string) => {
    const n = badgeNotice(slug)!;
    return n.next ? `${n.reached} ${n.next}` : n.reached;
  };
  const [only] = slugs;
  const badge = (slug: string) => BADGE_BY_SLUG.get(slug)!;
  const earned =
    slugs.length === 1
      ? [`Congratulations @${username}! Your review's upvotes earned you a new badge: **${badge(only!).name}** (${badge(only!).tier}).`, "", ...words(only!).split(/(?<=\.) /)]
      : [
          `Congratulations @${username}! Your review's upvotes earned you ${slugs.length} new badges:`,
          "",
          ...slugs.map((s) => `- **${badge(s).name}** (${badge(s).tier}): ${words(s)}`),
        ];
  return [
    ...earned,
    "",
    `Your badges are on [your board](/u/${username}/badges); see where you stand in the [Ranking](/ranking).`,
    "Reply STOP to this note and there will be no more of them under your reviews.",
  ].join("\n");
}

/**
 * Posts the badges a review's upvote earned its author as one comment under that review, by the
 * system account, unless the author turned announcements off. Returns the comment's id.
 */
export async function announceBadges(w: Write, review: { id: number; authorId: string | null }, earned: readonly Earned[]): Promise<number | null> {
  if (!review.authorId || earned.length === 0) return null;
  const author = await first(w.tx
    .select({ username: users.username, on: users.badgeAnnouncements, system: users.isSystem })
    .from(users)
    .where(eq(users.id, review.authorId)));
  if (!author?.on || author.system) return null;
  const body = announcementMarkdown(author.username, earned.map((e) => e.slug));
  // Rendering a few lines of the system's own text: small enough to do under the write lock.
  const html = renderMarkdown(body, { demoteHeadings: true, mentions: new Map([[usernameKey(author.username), author.username]]) }).html;
  const authorId = await systemAccountId(w);
  const comment = await insertComment(w.tx, { reviewId: review.id, parent: null, authorId, bodyMd: body, bodyHtml: html, now: w.now, announcesBadge: earned[0]!.slug });
  // A new comment under the review: its thread, and its card's comment count.
  w.changes.comments.add(comment.id);
  w.changes.reviews.add(review.id);
  return comment.id;
}

/** A reply that is just the word STOP (any case, a full stop or "!" allowed). */
export const isStop = (body: string) => /^\s*stop[.!]?\s*$/i.test(body);

const STOPPED = "Done: no more badge notes under your reviews. Your badges still arrive in your notifications, and you can switch these notes back on in your settings.";

/**
 * The review's author replied STOP to an announcement: announcements stop, and the system says
 * so in a reply. Anyone else's STOP is an ordinary comment. Returns the reply's id.
 */
export async function stopAnnouncements(w: Write, authorId: string, review: { id: number }, stop: { id: number; path: string; depth: number }): Promise<number> {
  await w.tx.update(users).set({ badgeAnnouncements: false }).where(eq(users.id, authorId));
  const comment = await insertComment(w.tx, {
    reviewId: review.id,
    parent: stop,
    authorId: await systemAccountId(w),
    bodyMd: STOPPED,
    bodyHtml: renderMarkdown(STOPPED, { demoteHeadings: true }).html,
    now: w.now,
  });
  w.changes.comments.add(comment.id);
  w.changes.reviews.add(review.id);
  return comment.id;
}
