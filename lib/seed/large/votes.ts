// The large seed's upvotes and views, planned per review and comment.
import { isMilestone } from "@/lib/notifications/notify";
import type { Comments } from "./comments";
import type { Members } from "./members";
import { DAY, LargeSeedError, NOTICE_DAYS, STAR_COMMENT_UPVOTES, STAR_UPVOTES, STAR_VIEWS } from "./options";
import { COMMENT_VOTE_DELAYS, Delays, PrefixSampler, REVIEW_VOTE_DELAYS, Rng, VIEW_DELAYS, allocate, arrived, countBelow, delayWithin } from "./random";
import type { Reviews } from "./reviews";

export type Votes = {
  reviewCount: Int32Array;
  reviewStart: Int32Array;
  commentCount: Int32Array;
  commentStart: Int32Array;
  rVoter: Int32Array;
  rTime: Float64Array;
  cVoter: Int32Array;
  cTime: Float64Array;
};

export type Notice = { recipient: number; kind: "review_reply" | "comment_reply" | "milestone"; actor: number; review: number; comment: number; target: string | null; amount: number | null; at: number };

export function planVotes(o: { votes: number; seed: number; now: number }, m: Members, rv: Reviews, c: Comments, notices: Notice[]): Votes {
  const r = new Rng(o.seed, "votes");
  const star = m.star;
  // Floors that give the star their upvote ladder and both ten-upvote badges.
  let perStarReview = 0;
  let perStarComment = 0;
  const starComments: number[] = [];
  if (star >= 0) {
    for (const i of c.byId) if (c.author[i] === star && !c.deletedAt[i]) starComments.push(i);
    perStarReview = Math.min(m.n - 1, Math.max(STAR_COMMENT_UPVOTES, Math.ceil((0.75 * STAR_UPVOTES) / rv.starReviews.length)));
    perStarComment = Math.min(m.n - 1, Math.ceil(Math.max(0, STAR_UPVOTES - perStarReview * rv.starReviews.length) / starComments.length));
    if (perStarReview * rv.starReviews.length + perStarComment * starComments.length < STAR_UPVOTES || m.n - 1 < STAR_COMMENT_UPVOTES)
      throw new LargeSeedError("Too few members to give one member a full badge board; use more members.");
  }
  const rw = new Float64Array(rv.n);
  const rCaps = new Int32Array(rv.n);
  const rFloors = new Int32Array(rv.n);
  for (let i = 0; i < rv.n; i++) {
    if (!rv.published[i]) continue;
    rw[i] = rv.popularity[i]! * arrived(REVIEW_VOTE_DELAYS, o.now - rv.publishedAt[i]!);
    rCaps[i] = m.n - 1;
  }
  for (const i of rv.starReviews) rFloors[i] = perStarReview;
  const cw = new Float64Array(c.n);
  const cCaps = new Int32Array(c.n);
  const cFloors = new Int32Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const deleted = c.deletedAt[i]!;
    const open = (deleted || o.now) - c.time[i]!;
    cw[i] = Math.min(r.pareto(1.6), 400) * (c.parent[i]! < 0 ? 1.5 : 1) * Math.pow(1 + rv.popularity[c.review[i]!]!, 0.3) * arrived(COMMENT_VOTE_DELAYS, open);
    // Votes on a deleted comment came before it went, from members who had joined by then.
    cCaps[i] = deleted ? Math.max(0, countBelow(m.joined, deleted - 2_000) - 1) : m.n - 1;
  }
  starComments.forEach((i, k) => (cFloors[i] = k === 0 ? Math.max(perStarComment, STAR_COMMENT_UPVOTES) : perStarComment));
  let floorR = 0;
  for (const x of rFloors) floorR += x;
  let floorC = 0;
  for (const x of cFloors) floorC += x;
  const forReviews = Math.min(o.votes - floorC, Math.max(Math.round(o.votes * 0.4), floorR));
  const reviewCount = allocate(forReviews, rw, rCaps, rFloors, r, "--votes (on reviews)");
  const commentCount = allocate(o.votes - forReviews, cw, cCaps, cFloors, r, "--votes (on comments)");
  const v: Votes = {
    reviewCount,
    reviewStart: new Int32Array(rv.n + 1),
    commentCount,
    commentStart: new Int32Array(c.n + 1),
    rVoter: new Int32Array(forReviews),
    rTime: new Float64Array(forReviews),
    cVoter: new Int32Array(o.votes - forReviews),
    cTime: new Float64Array(o.votes - forReviews),
  };
  for (let i = 0; i < rv.n; i++) v.reviewStart[i + 1] = v.reviewStart[i]! + reviewCount[i]!;
  for (let i = 0; i < c.n; i++) v.commentStart[i + 1] = v.commentStart[i]! + commentCount[i]!;

  const sampler = new PrefixSampler(m.voteW);
  const stamp = new Int32Array(m.n);
  let item = 0;
  const noticeFrom = o.now - NOTICE_DAYS * DAY;
  /**
   * `k` upvotes on an item that appeared at `from`: each one's time first (delays truncated at
   * `until`), then its voter among the members who had joined by then — active ones likelier,
   * never the author, nobody twice. When everyone that early has voted, the vote moves later.
   */
  const cast = (k: number, from: number, until: number, mix: Delays, author: number, voters: Int32Array, times: Float64Array, at: number) => {
    item++;
    const last = countBelow(m.joined, until - 1_000);
    for (let j = at; j < at + k; j++) {
      let t = from + 1_000 + delayWithin(r, mix, until - from - 1_000);
      let u = -1;
      for (let tries = 0; tries < 48 && u < 0; tries++) {
        if (tries % 12 === 11) t = Math.floor(t + (until - t) * r.next());
        const x = sampler.draw(r, Math.max(1, countBelow(m.joined, t - 1_000)));
        if (x !== author && stamp[x] !== item && m.joined[x]! < t - 1_000) u = x;
      }
      for (let step = 0, x = r.int(last); u < 0 && step < last; step++, x = (x + 1) % last) if (x !== author && stamp[x] !== item) u = x;
      if (u < 0) throw new Error("No member left to cast an upvote (the allocation allowed more than there are members).");
      stamp[u] = item;
      voters[j] = u;
      times[j] = Math.min(until, Math.max(t, m.joined[u]! + 1_000));
    }
  };
  const milestones = (times: Float64Array, recipient: number, review: number, comment: number) => {
    let latest = 0;
    for (const t of times) latest = Math.max(latest, t);
    if (latest < noticeFrom) return;
    const sorted = times.slice().sort();
    for (let k = 1; k <= sorted.length; k++) {
      if (!isMilestone(k) || sorted[k - 1]! < noticeFrom) continue;
      const target = comment >= 0 ? `c${c.id[comment]}` : `r${review + 1}`;
      notices.push({ recipient, kind: "milestone", actor: -1, review, comment, target, amount: k, at: sorted[k - 1]! });
    }
  };
  for (let i = 0; i < rv.n; i++) {
    const k = reviewCount[i]!;
    if (!k) continue;
    const at = v.reviewStart[i]!;
    cast(k, rv.publishedAt[i]!, o.now, REVIEW_VOTE_DELAYS, rv.author[i]!, v.rVoter, v.rTime, at);
    milestones(v.rTime.subarray(at, at + k), rv.author[i]!, i, -1);
  }
  for (const i of c.byId) {
    const k = commentCount[i]!;
    if (!k) continue;
    const at = v.commentStart[i]!;
    const until = c.deletedAt[i] ? c.deletedAt[i]! - 1_000 : o.now;
    cast(k, c.time[i]!, until, COMMENT_VOTE_DELAYS, c.author[i]!, v.cVoter, v.cTime, at);
    milestones(v.cTime.subarray(at, at + k), c.author[i]!, c.review[i]!, i);
  }
  return v;
}

export type Views = { count: Int32Array; start: Int32Array; day: Int32Array; viewer: Int32Array };

export function planViews(total: number, o: { seed: number; now: number }, m: Members, rv: Reviews, v: Votes): Views {
  const r = new Rng(o.seed, "views");
  const w = new Float64Array(rv.n);
  const caps = new Int32Array(rv.n);
  const floors = new Int32Array(rv.n);
  for (let i = 0; i < rv.n; i++) {
    if (!rv.published[i]) continue;
    w[i] = (v.reviewCount[i]! + 3) * (0.5 + r.next());
    caps[i] = 2_000_000_000;
  }
  const starFloor = rv.starReviews.length ? Math.ceil(STAR_VIEWS / rv.starReviews.length) : 0;
  for (const i of rv.starReviews) floors[i] = starFloor;
  const count = allocate(total, w, caps, floors, r, "--views");
  const views: Views = { count, start: new Int32Array(rv.n + 1), day: new Int32Array(total), viewer: new Int32Array(total) };
  for (let i = 0; i < rv.n; i++) views.start[i + 1] = views.start[i]! + count[i]!;
  const sampler = new PrefixSampler(m.voteW);
  const lastDay = Math.floor((o.now - 1) / DAY);
  for (let i = 0; i < rv.n; i++) {
    const k = count[i]!;
    if (!k) continue;
    const firstDay = Math.min(lastDay, Math.floor(rv.publishedAt[i]! / DAY));
    const seen = new Set<number>();
    for (let j = views.start[i]!; j < views.start[i]! + k; j++) {
      const day = Math.min(lastDay, Math.floor((rv.publishedAt[i]! + delayWithin(r, VIEW_DELAYS, (lastDay + 1) * DAY - rv.publishedAt[i]!)) / DAY));
      views.day[j] = day;
      views.viewer[j] = -1;
      // A quarter are signed-in members (never the author), once a day each; the rest anonymous.
      if (r.chance(0.25)) {
        const u = sampler.draw(r, Math.max(1, countBelow(m.joined, (day + 1) * DAY)));
        const key = u * 65_536 + (day - firstDay);
        if (u !== rv.author[i] && !seen.has(key)) {
          seen.add(key);
          views.viewer[j] = u;
        }
      }
    }
  }
  return views;
}
