import { and, desc, eq } from "drizzle-orm";
import type { DB } from "@/db";
import { comments } from "@/db/schema";
import { applyBodyEdits } from "./body-edits";
import type { Cast } from "./cast";
import { SEED_STOPS, SEED_THREADS } from "./content/threads";
import type { SeedComment } from "./content/types";
import { duration } from "./duration";
import type { SeededReviews } from "./reviews";
import type { Timeline } from "./timeline";
import { actingAs, seedCreateComment, seedDeleteComment, seedEditComment } from "./verbs";
import type { VoteItem } from "./votes";
import { first } from "@/db/query";

/** "author/film#path" (path "2.1": the first reply to the second comment) → the comment's id, once posted. */
export type SeededComments = Map<string, number>;

/**
 * Schedules the demo threads: every comment's posting, edits and deletion through the comment
 * verbs, as its author (or the moderator who edits it) at its time.
 */
export function scheduleComments(db: DB, timeline: Timeline, cast: Cast, reviews: SeededReviews, voteItems: VoteItem[]): SeededComments {
  const ids: SeededComments = new Map();
  const add = (review: string, c: SeedComment, parentPath: string | null, parentAt: number, path: string) => {
    const where = `comment ${review}#${path}`;
    const key = `${review}#${path}`;
    const posted = parentAt + duration(c.after);
    const author = cast.member(c.author, where);
    // The verbs do not check this one: a demo member never writes before joining.
    if (posted <= author.createdAt.getTime()) throw new Error(`seed: ${where}: ${c.author} would comment before joining`);
    timeline.add({
      at: posted,
      what: `${where}: post`,
      act: async () => {
        const input = { reviewId: reviews.ids.get(review)!, parentId: parentPath ? ids.get(`${review}#${parentPath}`)! : null, body: c.body };
        ids.set(key, await seedCreateComment(actingAs(db, { id: author.id, role: author.role }, posted), input));
      },
    });
    let body = c.body;
    for (const e of c.edits ?? []) {
      const edited = posted + duration(e.after);
      const editor = cast.actor(e.by ?? c.author, where);
      body = applyBodyEdits(body, e.bodyEdits);
      const input = { body, reason: e.reason };
      timeline.add({ at: edited, what: `${where}: edit`, act: () => seedEditComment(actingAs(db, editor, edited), ids.get(key)!, input) });
    }
    const deleted = c.deletedAfter ? posted + duration(c.deletedAfter) : undefined;
    if (deleted !== undefined) {
      const by = cast.actor(c.author, where);
      timeline.add({ at: deleted, what: `${where}: delete`, act: () => seedDeleteComment(actingAs(db, by, deleted), ids.get(key)!) });
    }
    voteItems.push({ review, comment: path, author: c.author, at: posted, deletedAt: deleted });
    c.replies?.forEach((reply, j) => add(review, reply, path, posted, `${path}.${j + 1}`));
  };
  for (const thread of SEED_THREADS) {
    const publishedAt = reviews.published.get(thread.review);
    if (publishedAt === undefined) throw new Error(`seed: comments on "${thread.review}", which is not a published demo review`);
    thread.comments.forEach((c, j) => add(thread.review, c, null, publishedAt, `${j + 1}`));
  }
  return ids;
}

/**
 * A STOP is the reply to a badge note, which only exists once a vote has earned the badge: the
 * returned function is told of every badge a review upvote earns, and schedules the author's STOP
 * when the note it waits for appears. `finish` checks that every STOP found its note.
 */
export function stopReplies(db: DB, timeline: Timeline, cast: Cast, reviews: SeededReviews) {
  const stops = new Map(SEED_STOPS.map((st) => [`${st.review}|${st.badge}`, { ...st, done: false }]));
  for (const st of stops.values()) {
    if (!reviews.published.has(st.review)) throw new Error(`seed: STOP under "${st.review}", which is not a published demo review`);
    duration(st.after);
  }
  const announced = async (review: string, slug: string, at: number) => {
    const st = stops.get(`${review}|${slug}`);
    if (!st || st.done) return;
    const reviewId = reviews.ids.get(review)!;
    const note = await first(db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.reviewId, reviewId), eq(comments.announcesBadge, slug)))
      .orderBy(desc(comments.id)));
    if (!note) return; // the author had turned notes off already
    st.done = true;
    const author = cast.member(review.split("/")[0]!, `STOP under ${review}`);
    const replied = at + duration(st.after);
    timeline.schedule({
      at: replied,
      what: `comment ${review}: ${author.username} replies STOP to the "${slug}" note`,
      act: () => seedCreateComment(actingAs(db, { id: author.id, role: author.role }, replied), { reviewId, parentId: note.id, body: "STOP" }),
    });
  };
  const finish = () => {
    for (const st of stops.values()) {
      if (!st.done) throw new Error(`seed: no "${st.badge}" badge note appeared under ${st.review} to reply STOP to`);
    }
  };
  return { announced, finish };
}
