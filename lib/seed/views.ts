// Demo reading for the Marquee seed: who read which demo review, and when. Nothing here is data
// typed by hand; planViews() derives it, deterministically, from what the seed already dates (the
// reviews, the comments and the votes) and the members' joining dates. The seed records every view
// through the real verb (lib/reviews/record-view.ts), in time order with the rest of the history.
//
// The shape it aims for: a review is read most in the days after it appears, then a trickle for as
// long as it stays up, more of both the better liked and the more talked about it is; a thread that
// comes alive brings readers back; members read what they later answer or upvote, and most of what
// the others publish. Anonymous readers are a fixed pool of keys ("a:seed-reader-N").

import { DAY, HOUR, MINUTE } from "./duration";
import type { PlannedVote, VoteItem } from "./votes";

/** Anonymous readers: "a:seed-reader-1" … "a:seed-reader-600". */
export const ANON_READERS = 600;
const anonReader = (n: number) => `a:seed-reader-${n}`;

/** Readers on a review's first day, before popularity: everyone who opens the New tab. */
const LAUNCH_BASE = 4;
/** Extra first-day readers per upvote and per comment the review ends up with. */
const LAUNCH_PER_UPVOTE = 3;
const LAUNCH_PER_COMMENT = 1;
/** How much of a day's readership comes back the next day, while a review is new. */
const LAUNCH_DECAY = 0.55;
/**
 * The long tail, readers a day for as long as the review stays up (search, profiles, links). It
 * grows with the square of the upvotes: the well liked get linked and found, the rest fade.
 */
const TAIL_BASE = 0.03;
const TAIL_PER_UPVOTE_SQUARED = 0.012;
const TAIL_PER_COMMENT = 0.01;
/** Readers a new comment brings in on the day it is posted. */
const PER_COMMENT_POSTED = 1.5;
/**
 * Days a review was linked from elsewhere: that many extra anonymous readers `daysAfter` its
 * publication, fewer each following day (LAUNCH_DECAY), as when it first appeared.
 */
export const SEED_LINKS: { review: string; daysAfter: number; readers: number }[] = [
  // Re-scored after a 16mm screening (lib/seed/content/reviews/the-conversation.ts) and passed round a sound editors' forum the next day.
  { review: "tobias_renner/the-conversation", daysAfter: 151, readers: 150 },
];
/** The share of the other members who read a review without otherwise showing up under it. */
const MEMBER_READ_SHARE = 0.7;

/** A view the seed records: an anonymous reader's key, or a member by username, at a moment. */
export type PlannedView = { at: number; review: string; reader: { anon: string } | { member: string } };

/** FNV-1a: a fixed pseudo-random number in [0, 1) per string, so every seed plans the same reading. */
function unit(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/** Rounds up with probability equal to the fraction, by a fixed draw: 0.3 a day makes a view about every third day. */
const roundBy = (x: number, key: string) => Math.floor(x + unit(key));

/**
 * Dates every view of the published demo reviews (`items` without a comment path), oldest first.
 * Anonymous readers come on a curve from each review's publication to `now` (see the constants
 * above), plus a couple on each day a comment is posted under it. Members read a review a few
 * minutes before each comment they post under it and each upvote they give in its thread, and
 * most members read most reviews anyway, within days of publication or of their joining. Authors
 * never read their own (the verb would not count it). Nothing is dated after `now`.
 */
export function planViews(
  items: VoteItem[],
  votes: PlannedVote[],
  joined: Map<string, number>,
  now: number,
  links: typeof SEED_LINKS = SEED_LINKS,
): PlannedView[] {
  const reviews = items.filter((it) => !it.comment);
  for (const l of links) if (!reviews.some((r) => r.review === l.review)) throw new Error(`seed: link to "${l.review}", which is not a published demo review`);
  const byReview = new Map(reviews.map((r) => [r.review, r]));
  const comments = new Map<string, number[]>();
  for (const it of items) if (it.comment) comments.set(it.review, [...(comments.get(it.review) ?? []), it.at]);
  const upvotes = new Map<string, number>();
  for (const v of votes) if (!v.comment) upvotes.set(v.review, (upvotes.get(v.review) ?? 0) + (v.value === "up" ? 1 : -1));

  const latest = now - MINUTE;
  const views: PlannedView[] = [];
  // A member's read of a review, once per review and day is enough: the verb counts no more.
  const memberReads = new Set<string>();
  const memberRead = (member: string, review: string, at: number) => {
    const r = byReview.get(review);
    if (!r || r.author === member) return;
    const when = Math.min(latest, Math.max(at, r.at + MINUTE, (joined.get(member) ?? 0) + MINUTE));
    const key = `${member}|${review}|${new Date(when).toISOString().slice(0, 10)}`;
    if (memberReads.has(key)) return;
    memberReads.add(key);
    views.push({ at: when, review, reader: { member } });
  };

  for (const r of reviews) {
    const ups = upvotes.get(r.review) ?? 0;
    const posted = comments.get(r.review) ?? [];
    const launch = LAUNCH_BASE + LAUNCH_PER_UPVOTE * ups + LAUNCH_PER_COMMENT * posted.length;
    const tail = TAIL_BASE + TAIL_PER_UPVOTE_SQUARED * ups * ups + TAIL_PER_COMMENT * posted.length;
    // Anonymous readers take keys from the pool in turn, so no key comes back within a day or two
    // and each planned view counts.
    let next = Math.floor(unit(r.review) * ANON_READERS);
    for (let d = 0; r.at + d * DAY < latest; d++) {
      const start = r.at + d * DAY;
      const talk = posted.filter((t) => t >= start && t < start + DAY).length;
      const linked = links.filter((l) => l.review === r.review && d >= l.daysAfter).reduce((n, l) => n + l.readers * LAUNCH_DECAY ** (d - l.daysAfter), 0);
      const expected = launch * LAUNCH_DECAY ** d + tail + PER_COMMENT_POSTED * talk + linked;
      const n = roundBy(expected, `${r.review}|${d}`);
      for (let k = 0; k < n; k++) {
        // Most readers come in the waking hours after the review appeared: a skew towards the start of each day.
        const u = unit(`${r.review}|${d}|${k}`);
        const at = Math.round(start + MINUTE + u * u * (DAY - 2 * MINUTE));
        if (at > latest) continue;
        views.push({ at, review: r.review, reader: { anon: anonReader((next % ANON_READERS) + 1) } });
        next++;
      }
    }
  }

  // Members read before they answer or upvote (in the review's thread).
  for (const it of items) if (it.comment) memberRead(it.author, it.review, it.at - (1 + Math.floor(unit(`read|${it.review}|${it.comment}`) * 9)) * MINUTE);
  for (const v of votes) if (v.value === "up") memberRead(v.voter, v.review, v.at - (1 + Math.floor(unit(`read|${v.voter}|${v.review}|${v.comment ?? ""}`) * 4)) * MINUTE);
  // And most of what the others publish, soon after it appears or after they join.
  for (const r of reviews) {
    for (const [member, joinedAt] of joined) {
      if (member === r.author) continue;
      const u = unit(`browse|${member}|${r.review}`);
      if (u >= MEMBER_READ_SHARE) continue;
      const fresh = r.at >= joinedAt;
      const at = (fresh ? r.at : joinedAt) + HOUR + (u / MEMBER_READ_SHARE) ** 2 * (fresh ? 3 * DAY : 20 * DAY);
      if (at <= latest) memberRead(member, r.review, Math.round(at));
    }
  }
  return views.sort((a, b) => a.at - b.at);
}
