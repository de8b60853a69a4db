// The counters each row keeps, counted from the plan: lib/recount.ts holds the rules, and the
// integration test holds the two equal.
import { NEWCOMER_CONTRIBUTIONS, NEWCOMER_DAYS } from "@/lib/users/newcomer";
import type { Comments } from "./comments";
import type { Members } from "./members";
import { DAY } from "./options";
import type { Films, Reviews } from "./reviews";
import type { Pools } from "./text";
import type { Notice, Views, Votes } from "./votes";

export type Plan = { m: Members; f: Films; rv: Reviews; c: Comments; v: Votes; views: Views; notices: Notice[]; pool: Pools; filmId: Int32Array; filmCreated: Float64Array; filmSlug: string[] };

/** Counters per member, review, comment and film, as lib/recount.ts defines them. */
export type Counters = {
  upvotes: Int32Array;
  upvotesAt: Float64Array;
  reviews: Int32Array;
  reviewsAt: Float64Array;
  comments: Int32Array;
  replies: Int32Array;
  views: Float64Array;
  firstReview: Uint8Array;
  editedAfter: Int32Array; // -1 = none
};

export function countAll(p: Plan): Counters {
  const { m, rv, c, v, views } = p;
  const k: Counters = {
    upvotes: new Int32Array(m.n),
    upvotesAt: new Float64Array(m.n),
    reviews: new Int32Array(m.n),
    reviewsAt: new Float64Array(m.n),
    comments: new Int32Array(m.n),
    replies: new Int32Array(m.n),
    views: new Float64Array(m.n),
    firstReview: new Uint8Array(rv.n),
    editedAfter: new Int32Array(rv.n).fill(-1),
  };
  for (let i = 0; i < rv.n; i++) {
    const a = rv.author[i]!;
    k.upvotes[a] = k.upvotes[a]! + v.reviewCount[i]!;
    for (let j = v.reviewStart[i]!; j < v.reviewStart[i + 1]!; j++) k.upvotesAt[a] = Math.max(k.upvotesAt[a]!, v.rTime[j]!);
    k.views[a] = k.views[a]! + views.count[i]!;
    if (rv.published[i]) {
      k.reviews[a] = k.reviews[a]! + 1;
      k.reviewsAt[a] = Math.max(k.reviewsAt[a]!, rv.publishedAt[i]!);
    }
  }
  for (let i = 0; i < c.n; i++) {
    const a = c.author[i]!;
    k.upvotes[a] = k.upvotes[a]! + v.commentCount[i]!;
    for (let j = v.commentStart[i]!; j < v.commentStart[i + 1]!; j++) k.upvotesAt[a] = Math.max(k.upvotesAt[a]!, v.cTime[j]!);
    if (c.deletedAt[i]) continue;
    k.comments[a] = k.comments[a]! + 1;
    const parent = c.parent[i]!;
    const to = parent < 0 ? rv.author[c.review[i]!]! : c.author[parent]!;
    if (to !== a) k.replies[to] = k.replies[to]! + 1;
  }
  // A first review is a newcomer's first published one: a young account, or fewer than three
  // contributions before it (comments posted and not yet deleted by then; no review yet).
  const firstPub = new Int32Array(m.n).fill(-1);
  for (let i = 0; i < rv.n; i++) {
    if (!rv.published[i]) continue;
    const a = rv.author[i]!;
    const prev = firstPub[a]!;
    if (prev < 0 || rv.publishedAt[i]! < rv.publishedAt[prev]!) firstPub[a] = i;
  }
  const before = new Int32Array(m.n);
  for (let i = 0; i < c.n; i++) {
    const a = c.author[i]!;
    const first = firstPub[a]!;
    if (first < 0) continue;
    const at = rv.publishedAt[first]!;
    if (c.time[i]! < at && !(c.deletedAt[i] && c.deletedAt[i]! <= at)) before[a] = before[a]! + 1;
  }
  for (let a = 0; a < m.n; a++) {
    const first = firstPub[a]!;
    if (first < 0) continue;
    const young = rv.publishedAt[first]! - m.joined[a]! < NEWCOMER_DAYS * DAY;
    k.firstReview[first] = young || before[a]! < NEWCOMER_CONTRIBUTIONS ? 1 : 0;
  }
  // "Edited after N comments": the live comments when each substantive edit came.
  for (let i = 0; i < rv.n; i++) {
    const edits = rv.edits[i];
    if (!edits) continue;
    for (const e of edits) {
      let live = 0;
      const from = c.first[i]!;
      for (let j = from; from >= 0 && j < from + c.count[i]!; j++) if (c.time[j]! < e.at && !(c.deletedAt[j] && c.deletedAt[j]! <= e.at)) live++;
      if (live > 0) k.editedAfter[i] = live;
    }
  }
  return k;
}
