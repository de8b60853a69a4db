// Demo upvotes for the Marquee seed: who upvoted which demo review and comment, and when. The data
// says who; planVotes() below says when, deterministically, from the times the seed gives the
// reviews and comments (db/seed.ts) and the members' joining dates. The seed casts every vote
// through the real verb (lib/votes/cast-vote.ts), in time order with the rest of the history.
//
// The shape it aims for: two favourites every possible voter upvoted, most reviews with a handful,
// two with none; comment upvotes on the good lines rather than spread evenly, so "best" and
// "oldest" read differently; Tobias's sound notes make him the member with the most upvotes.
//
// Badges follow from the order in which the upvotes arrive: when an upvote on a review carries its
// author over a rung (10, 50 … upvotes received), the system account posts a note under that review.
// Tobias's tenth (Femi on his Sunrise, just before commenting there), Femi's, Mara's and Samir's
// tenths come that way, and so does Tobias's fiftieth, after he has replied STOP (SEED_STOPS in
// db/seed-comments.ts). Adding or removing an upvote early in someone's history moves these.

export type SeedVotes = {
  review: string; // "author/film" of a published review in SEED_REVIEWS
  up: string[]; // members who upvoted the review
  comments?: Record<string, string[]>; // comment path in SEED_THREADS ("2.1" = first reply to the second comment) → its upvoters
};

/** An upvote taken back: cast as "up", then "none" after the given duration; no vote remains. */
export type SeedUndo = { voter: string; review: string; comment?: string; undoAfter: string };

const I = "ingrid_alvarado";
const T = "tobias_renner";
const M = "mara_kowalczyk";
const F = "femi_oyelaran";
const K = "kenji_nakamura";
const L = "lucia_del_prado";
const S = "samir_haddad";
const H = "hollis_greer";

export const SEED_VOTES: SeedVotes[] = [
  {
    review: "tobias_renner/the-conversation",
    up: [I, M, F, K, L, S, H],
    comments: { "1": [T, M], "1.1.1": [T, F, K, M], "2": [T, I, L], "2.1": [F, I, L, S, K], "3": [T], "3.1": [L, I], "4": [T], "4.1": [S] },
  },
  {
    review: "ingrid_alvarado/sunrise",
    up: [T, M, F, K, L, S, H],
    comments: { "1.1": [M, T, K], "1.1.1": [I], "2.1.1": [I], "3.1": [M, T], "4": [I, L], "4.1": [H] },
  },
  {
    review: "mara_kowalczyk/spirited-away",
    up: [I, T, F, L, S],
    comments: { "1.1.1": [M, I], "4": [M, I, F], "4.1": [L, I, F, T] },
  },
  { review: "tobias_renner/sunrise", up: [I, K, M, H, F], comments: { "3.1.1": [T, F] } },
  { review: "femi_oyelaran/man-on-wire", up: [T, K, S, L], comments: { "1": [F, K, I], "2.1": [T] } },
  { review: "kenji_nakamura/double-indemnity", up: [I, M, T, F, L] },
  { review: "ingrid_alvarado/double-indemnity", up: [K] },
  { review: "femi_oyelaran/tokyo-story", up: [I, K, L, T, M], comments: { "2": [F, I, M], "3": [F, I], "3.1": [L, K] } },
  { review: "ingrid_alvarado/tokyo-story", up: [F, K, L, T, M], comments: { "2": [I, F, L, T], "2.1": [I, K, F], "3": [I, F] } },
  { review: "kenji_nakamura/sunrise", up: [T, M], comments: { "1.1.1": [K, T, M], "3.1": [H, K, I], "3.1.1.1": [H] } },
  { review: "lucia_del_prado/anatomy-of-a-fall", up: [F, M, K, I] },
  { review: "kenji_nakamura/tokyo-story", up: [I, F, L] },
  { review: "lucia_del_prado/the-conversation", up: [T, S] },
  { review: "tobias_renner/rififi", up: [F, K, L, M, I], comments: { "1.1": [F, K, L], "3": [T, F] } },
  { review: "femi_oyelaran/rififi", up: [T, L, S], comments: { "1": [F, L], "1.1.1.1": [T, K, L] } },
  { review: "mara_kowalczyk/double-indemnity", up: [K, I] },
  { review: "samir_haddad/solaris", up: [T, L, K, I] },
  { review: "kenji_nakamura/the-third-man", up: [I, T, S, L], comments: { "1.1.1": [I, L, S], "1.1.1.1": [I, T, L], "2": [K, I] } },
  { review: "tobias_renner/solaris", up: [S, M, L], comments: { "1.1": [S, M], "2": [S, M] } },
  {
    review: "kenji_nakamura/spirited-away",
    up: [I, T],
    comments: { "1": [I, S], "1.1.1.1.1.1.1.1.1.1.1.1.1": [K, I], "2": [K, M, S, T] },
  },
  { review: "samir_haddad/spirited-away", up: [M, K, I, T] },
  { review: "kenji_nakamura/solaris", up: [], comments: { "1.2": [K, S, I], "2": [K, T] } },
  { review: "ingrid_alvarado/man-on-wire", up: [F, S, T] },
  { review: "mara_kowalczyk/anatomy-of-a-fall", up: [L, F, K], comments: { "1.1.1": [M, F, K], "1.1.1.1": [L, F] } },
  { review: "lucia_del_prado/the-third-man", up: [K, I, H], comments: { "2": [L], "3.1": [H] } },
  { review: "samir_haddad/the-conversation", up: [T, L] },
  { review: "hollis_greer/sunrise", up: [I, T, K, L], comments: { "1": [H], "1.1.1": [H, K], "2": [H] } },
  { review: "kenji_nakamura/anatomy-of-a-fall", up: [] },
];

export const SEED_UNDOS: SeedUndo[] = [
  // Upvoted on sight, taken back after the sharp exchange under it (his half of which he deleted).
  { voter: S, review: "kenji_nakamura/solaris", undoAfter: "3h" },
  // "A high seven is a six in a good coat": funny, but it is his score being mocked.
  { voter: T, review: "tobias_renner/solaris", comment: "2", undoAfter: "3m" },
  // A newcomer finding out what the arrow does on a review she disagrees with.
  { voter: H, review: "kenji_nakamura/sunrise", undoAfter: "2m" },
];

// ── When ────────────────────────────────────────────────────────────────────────────────────────

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Something that can be upvoted, as the seed dates it. */
export type VoteItem = {
  review: string;
  comment?: string; // path; absent for the review itself
  author: string;
  at: number; // published or posted
  deletedAt?: number;
};

export type PlannedVote = { at: number; voter: string; review: string; comment?: string; value: "up" | "none" };

/** A member's own votes never come closer together than this, so no per-minute limit, however low, trips. */
export const VOTE_SPACING_MS = 90_000;
/** Nothing is cast in the last hour before "now", so a fresh seed leaves every member's minute window closed. */
const QUIET_BEFORE_NOW = HOUR;

/** FNV-1a: a fixed pseudo-random number in [0, 1) per string, so every seed plans the same times. */
function unit(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

const DURATION = /^(?:(\d+)d)?\s*(?:(\d+)h\s*)?(?:(\d+)m)?$/;
function duration(s: string): number {
  const m = DURATION.exec(s.trim());
  const ms = m ? (Number(m[1] ?? 0) * 24 * 60 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * MINUTE : 0;
  if (ms <= 0) throw new Error(`seed votes: "${s}" is not a duration like "2d 4h" or "45m"`);
  return ms;
}

const itemKey = (review: string, comment?: string) => (comment ? `${review}#${comment}` : review);

/**
 * Dates every vote in SEED_VOTES and SEED_UNDOS. A member who posted in the thread after the item
 * appeared votes a few minutes before that post (reading, then answering); otherwise they come by
 * some hours or days after it appeared, or, for something older than their account, some days
 * after joining. Each member's votes are then spread at least VOTE_SPACING_MS apart. Throws on
 * anything the verb would refuse or that could not have happened: self-votes, unknown members or
 * items, deleted comments, repeats, a vote before the item or the voter existed, or after `now`.
 */
export function planVotes(
  items: VoteItem[],
  joined: Map<string, number>,
  now: number,
  votes: SeedVotes[] = SEED_VOTES,
  undos: SeedUndo[] = SEED_UNDOS,
): PlannedVote[] {
  const byKey = new Map(items.map((it) => [itemKey(it.review, it.comment), it]));
  // Every post a member made under a review, by thread: the times they were there.
  const visits = new Map<string, number[]>();
  for (const it of items) {
    if (!it.comment) continue;
    const k = `${it.review}|${it.author}`;
    visits.set(k, [...(visits.get(k) ?? []), it.at].sort((a, b) => a - b));
  }
  const latest = now - QUIET_BEFORE_NOW;
  const seen = new Set<string>();

  const firstVote = (voter: string, review: string, comment: string | undefined): PlannedVote => {
    const key = itemKey(review, comment);
    const where = `vote by ${voter} on ${key}`;
    const item = byKey.get(key);
    if (!item) throw new Error(`seed: ${where}: no such published review or comment`);
    if (item.deletedAt !== undefined) throw new Error(`seed: ${where}: the comment is deleted`);
    if (item.author === voter) throw new Error(`seed: ${where}: a member never upvotes their own ${comment ? "comment" : "review"}`);
    const joinedAt = joined.get(voter);
    if (joinedAt === undefined) throw new Error(`seed: ${where}: no demo member "${voter}"`);
    if (seen.has(`${voter}|${key}`)) throw new Error(`seed: ${where}: listed twice`);
    seen.add(`${voter}|${key}`);

    const start = Math.max(item.at, joinedAt) + MINUTE;
    const r = unit(`${voter}|${key}`);
    const visit = visits.get(`${review}|${voter}`)?.find((t) => t > start);
    let at: number;
    if (visit !== undefined) at = Math.max(start, visit - (2 + Math.floor(r * 18)) * MINUTE);
    else {
      const span = item.at >= joinedAt ? 4 * DAY : 30 * DAY; // fresh: within days; older than the account: found later
      at = start + 10 * MINUTE + r * r * span;
      if (at > latest) at = start + r * (latest - start);
    }
    if (at < start || at > latest) throw new Error(`seed: ${where}: no time between the item, the voter's joining and now`);
    return { at: Math.round(at), voter, review, comment, value: "up" };
  };

  const planned: PlannedVote[] = [];
  for (const v of votes) {
    if (!byKey.has(v.review)) throw new Error(`seed: votes on "${v.review}", which is not a published demo review`);
    for (const voter of v.up) planned.push(firstVote(voter, v.review, undefined));
    for (const [path, voters] of Object.entries(v.comments ?? {})) for (const voter of voters) planned.push(firstVote(voter, v.review, path));
  }
  for (const u of undos) {
    const up = firstVote(u.voter, u.review, u.comment);
    planned.push(up, { ...up, at: up.at + duration(u.undoAfter), value: "none" });
  }

  // Spread each member's votes out; pushing only later keeps each undo after its upvote.
  const byVoter = new Map<string, PlannedVote[]>();
  for (const p of planned) byVoter.set(p.voter, [...(byVoter.get(p.voter) ?? []), p]);
  for (const list of byVoter.values()) {
    list.sort((a, b) => a.at - b.at);
    for (let i = 1; i < list.length; i++) list[i]!.at = Math.max(list[i]!.at, list[i - 1]!.at + VOTE_SPACING_MS);
  }
  for (const p of planned) {
    const item = byKey.get(itemKey(p.review, p.comment))!;
    if (p.at > now) throw new Error(`seed: vote by ${p.voter} on ${itemKey(p.review, p.comment)} would happen in the future`);
    if (item.deletedAt !== undefined && p.at >= item.deletedAt) throw new Error(`seed: vote by ${p.voter} on ${itemKey(p.review, p.comment)} after its deletion`);
  }
  return planned.sort((a, b) => a.at - b.at);
}
