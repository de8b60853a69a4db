// The demo seed: members, films, reviews, threads, upvotes and reads, written through the verbs
// members use, so every derived field comes out as the live paths make it.
import { and, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { DB } from "@/db";
import { commentVotes, comments, films, notifications, reviewVotes, reviews, userBadges, users } from "@/db/schema";
import { makeCtx } from "@/lib/context";
import { foldText, urlSlug } from "@/lib/slug";
import { endFirstWeeks } from "@/lib/users/newcomer";
import { write } from "@/lib/write";
import { scheduleAvatars } from "./avatars";
import { Cast } from "./cast";
import { scheduleComments, stopReplies } from "./comments";
import { SEED_FILMS } from "./content/films";
import { SEED_REVIEWS } from "./content/reviews";
import { DAY, HOUR } from "./duration";
import { seedDemo } from "./members";

// The first start prints it beside the seeding (lib/startup.ts).
export { demoPasswordNotice } from "./members";
import { scheduleReviews } from "./reviews";
import { Timeline } from "./timeline";
import { actingAs, seedCastVote, seedRecordView } from "./verbs";
import { planViews } from "./views";
import { planVotes, type VoteItem } from "./votes";
import { first, one } from "@/db/query";
import { DIALECT } from "@/db/dialect";
import { least } from "@/db/sql";

// Notices older than this before `now` have been read; newer ones wait in the bell.
const READ_BEFORE_MS = 3 * DAY;
// How long after a notice its recipient came by and read it.
const READ_AFTER_MS = 6 * HOUR;
// That moment, in SQL: SQLite's time stamps are milliseconds, PostgreSQL's timestamptz adds an interval.
const readAfterNotice =
  DIALECT === "pg" ? sql`${notifications.createdAt} + make_interval(secs => ${READ_AFTER_MS / 1000})` : sql`${notifications.createdAt} + ${READ_AFTER_MS}`;

/**
 * The demo films, reviews, comment threads and upvotes, written through the verbs members use.
 * Review creations and edits, comment posts, edits and deletions, and votes and their undos are
 * collected as dated events and applied oldest first, so every derived field comes out as it would
 * have: counters, hot scores, flood control and vote limits, and a review edited after people
 * replied stores how many had. Readers' views (lib/seed/views.ts) go through the view verb too, so
 * badges come as the verbs grant them, with their notices and, when a review's upvotes earn one,
 * the system account's note under the review; one author answers such a note with STOP
 * (SEED_STOPS), which the system confirms. Two members upload a picture of their own soon after joining.
 * Afterwards every notice older than three days counts as read, and first weeks that ended since
 * a member's last contribution take the "New" marker off, as the periodic sweep would.
 */
async function seedContent(db: DB, now = Date.now()) {
  await write(makeCtx(db, { now: new Date(now) }), async (w) => {
    for (const f of SEED_FILMS) {
      const film = await one(w.tx
        .insert(films)
        .values({ slug: urlSlug(`${f.title} ${f.year}`), title: f.title, titleKey: foldText(f.title), year: f.year, director: f.director ?? null, country: f.country ?? null })
        .returning({ id: films.id }));
      w.changes.films.add(film.id);
    }
    return {};
  });
  const cast = await Cast.load(db);
  const timeline = new Timeline(now);
  scheduleAvatars(db, timeline, cast);
  // What can be upvoted, as dated here, for the vote plan (lib/seed/votes.ts).
  const voteItems: VoteItem[] = [];
  const reviews = scheduleReviews(db, timeline, cast, now, voteItems);
  const commentIds = scheduleComments(db, timeline, cast, reviews, voteItems);
  const stops = stopReplies(db, timeline, cast, reviews);

  const joined = cast.joined();
  const votes = planVotes(voteItems, joined, now);
  for (const v of votes) {
    const target = v.comment ? `comment ${v.review}#${v.comment}` : `review ${v.review}`;
    const voter = cast.actor(v.voter, target);
    timeline.add({
      at: v.at,
      what: `${target}: ${v.value === "up" ? "upvote" : "undo upvote"} by ${v.voter}`,
      act: async () => {
        const id = v.comment ? commentIds.get(`${v.review}#${v.comment}`)! : reviews.ids.get(v.review)!;
        const earned = await seedCastVote(actingAs(db, voter, v.at), { type: v.comment ? "comment" : "review", id, value: v.value });
        if (!v.comment) for (const slug of earned) await stops.announced(v.review, slug, v.at);
      },
    });
  }

  for (const v of planViews(voteItems, votes, joined, now)) {
    const reader = "member" in v.reader ? cast.member(v.reader.member, `view of ${v.review}`) : null;
    const viewer = { key: reader ? `u:${reader.id}` : (v.reader as { anon: string }).anon, userId: reader?.id ?? null };
    timeline.add({
      at: v.at,
      what: `review ${v.review}: read by ${reader ? reader.username : viewer.key}`,
      act: () => seedRecordView(actingAs(db, reader ? { id: reader.id, role: reader.role } : null, v.at), reviews.ids.get(v.review)!, viewer),
    });
  }

  await timeline.play();
  stops.finish();
  await write(makeCtx(db, { now: new Date(now) }), async (w) => {
    const seen = new Date(now - READ_BEFORE_MS);
    await w.tx
      .update(notifications)
      .set({ readAt: least(readAfterNotice, sql.param(seen, notifications.readAt)) })
      .where(and(isNull(notifications.readAt), lt(notifications.createdAt, seen)));
    await endFirstWeeks(w);
    return {};
  });
  return seededCounts(db);
}

async function seededCounts(db: DB) {
  const count = async (t: typeof reviewVotes | typeof commentVotes | typeof notifications | typeof comments | typeof userBadges) =>
    (await first(db.select({ n: sql<number>`count(*)` }).from(t)))?.n ?? 0;
  return {
    films: SEED_FILMS.length,
    reviews: SEED_REVIEWS.length,
    // Every comment: the members' (the threads and the STOPs) and the system account's badge notes and replies.
    comments: await count(comments),
    announcements: (await first(db.select({ n: sql<number>`count(*)` }).from(comments).where(isNotNull(comments.announcesBadge))))?.n ?? 0,
    votes: (await count(reviewVotes)) + (await count(commentVotes)),
    views: (await first(db.select({ n: sql<number>`coalesce(sum(${reviews.viewCount}), 0)` }).from(reviews)))?.n ?? 0,
    badges: await count(userBadges),
    avatars: (await first(db.select({ n: sql<number>`count(*)` }).from(users).where(isNotNull(users.image))))?.n ?? 0,
    notifications: await count(notifications),
  };
}

/** Seeds demo content into a database that has no users yet; returns null when it has some. */
export async function seedIfEmpty(db: DB) {
  const n = (await first(db.select({ n: sql<number>`count(*)` }).from(users)))?.n ?? 0;
  if (n > 0) return null;
  const now = Date.now();
  const seeded = await seedDemo(db, now, { onlyIfEmpty: true });
  if (!seeded) return null;
  return { ...seeded, ...(await seedContent(db, now)) };
}
