// When each demo upvote (lib/seed/content/votes.ts) is cast: planned from the times the seed gives
// the reviews and comments and the members' joining dates.
import { DAY, duration as durationIn, HOUR, MINUTE } from "./duration";
import { SEED_UNDOS, SEED_VOTES, type SeedUndo, type SeedVotes } from "./content/votes";

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

const duration = (s: string) => durationIn(s, "seed votes");

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
