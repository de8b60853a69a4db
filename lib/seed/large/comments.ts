// The large seed's comments: threads under the reviews, with the landmark threads' exact sizes.
import { childPath } from "@/lib/comments/path";
import type { Members } from "./members";
import { DAY, HOUR, LargeSeedError, MINUTE, STAR_COMMENTS, STAR_REVIEW_COMMENTS } from "./options";
import { COMMENT_DELAYS, PrefixSampler, Rng, THREAD_DELAYS, allocate, arrived, countBelow, delayWithin, strictlyIncreasing } from "./random";
import type { Reviews } from "./reviews";
import { nf } from "./options";
import { Pools, replyTo } from "./text";

export type Comments = {
  n: number;
  // By plan index (thread by thread); ids come from the time order.
  review: Int32Array;
  parent: Int32Array;
  depth: Int32Array;
  time: Float64Array;
  deletedAt: Float64Array; // 0 = live
  editedAt: Float64Array; // 0 = never edited
  author: Int32Array;
  body: Int32Array;
  earlierBody: Int32Array;
  replies: Int32Array;
  id: Int32Array;
  /** Plan indices in id order. */
  byId: Int32Array;
  path: string[];
  /** Plan index of each review's first comment, and how many it has. */
  first: Int32Array;
  count: Int32Array;
};

export function planComments(o: { comments: number; seed: number; now: number }, m: Members, rv: Reviews, pool: Pools): Comments {
  const r = new Rng(o.seed, "comments");
  const threadTotal = [...rv.threads.values()].reduce((a, b) => a + b, 0);
  const star = m.star;
  const starMinimum = star >= 0 ? (rv.starReviews.length - rv.threads.size) * STAR_REVIEW_COMMENTS : 0;
  if (o.comments < threadTotal + starMinimum)
    throw new LargeSeedError(`comments: ${nf(o.comments)} is too few; the landmark threads and reviews need ${nf(threadTotal + starMinimum)}.`);
  // How many comments each published review gets: landmark threads exactly, the rest by popularity
  // (fewer for reviews too young to have gathered many).
  const weights = new Float64Array(rv.n);
  const caps = new Int32Array(rv.n);
  const floors = new Int32Array(rv.n);
  for (let i = 0; i < rv.n; i++) {
    if (!rv.published[i] || rv.threads.has(i)) continue;
    // Young reviews have had only part of their discussion yet.
    weights[i] = Math.pow(rv.popularity[i]!, 0.9) * arrived(COMMENT_DELAYS, o.now - rv.publishedAt[i]!);
    caps[i] = 20_000;
  }
  if (star >= 0) for (const i of rv.starReviews) if (!rv.threads.has(i)) floors[i] = STAR_REVIEW_COMMENTS;
  const counts = allocate(o.comments - threadTotal, weights, caps, floors, r, "--comments");
  for (const [i, size] of rv.threads) counts[i] = size;

  const n = o.comments;
  const c: Comments = {
    n,
    review: new Int32Array(n),
    parent: new Int32Array(n),
    depth: new Int32Array(n),
    time: new Float64Array(n),
    deletedAt: new Float64Array(n),
    editedAt: new Float64Array(n),
    author: new Int32Array(n),
    body: new Int32Array(n),
    earlierBody: new Int32Array(n),
    replies: new Int32Array(n),
    id: new Int32Array(n),
    byId: new Int32Array(n),
    path: [],
    first: new Int32Array(rv.n).fill(-1),
    count: counts,
  };
  const sizes = new Set(rv.threads.values());
  const lastChild = new Float64Array(n);
  let g = 0;
  for (let p = 0; p < rv.n; p++) {
    const k = counts[p]!;
    if (!k) continue;
    const landmark = rv.threads.has(p);
    c.first[p] = g;
    const pub = rv.publishedAt[p]!;
    const lo = pub + MINUTE;
    const span = o.now - k - lo;
    const times = new Float64Array(k);
    // Discussions are busiest in the first days and trail off.
    for (let j = 0; j < k; j++) times[j] = lo + delayWithin(r, landmark ? THREAD_DELAYS : COMMENT_DELAYS, span);
    strictlyIncreasing(times);
    const pTop = landmark ? 0.3 : 0.35;
    for (let j = 0; j < k; j++) {
      const at = g + j;
      c.review[at] = p;
      c.time[at] = times[j]!;
      const answers = replyTo(r, j, pTop, (i) => c.depth[g + i]!);
      const parent = answers < 0 ? -1 : g + answers;
      c.parent[at] = parent;
      c.depth[at] = parent < 0 ? 1 : c.depth[parent]! + 1;
      if (parent >= 0) lastChild[parent] = times[j]!;
    }
    if (!landmark) {
      // A few comments were deleted later; replies came before the deletion.
      let live = k;
      for (let j = 0; j < k; j++) {
        const at = g + j;
        if (!r.chance(0.012)) continue;
        const when = Math.max(c.time[at]!, lastChild[at]!) + Math.floor(HOUR + r.exp(3 * DAY));
        if (when >= o.now) continue;
        c.deletedAt[at] = when;
        live--;
      }
      // Only the landmarks have exactly their size: one more deletion moves any other review off it.
      for (let j = k - 1; sizes.has(live) && j >= 0; j--) {
        const at = g + j;
        if (c.deletedAt[at] || lastChild[at]! > 0) continue;
        const when = c.time[at]! + Math.max(HOUR, Math.floor((o.now - c.time[at]!) / 2));
        if (when >= o.now) continue;
        c.deletedAt[at] = when;
        live--;
      }
    }
    g += k;
  }

  // Authors: anyone who had joined by then, by appetite; the review's author often answers.
  const sampler = new PrefixSampler(m.commentW);
  for (let i = 0; i < n; i++) {
    const p = c.review[i]!;
    const parent = c.parent[i]!;
    const reviewAuthor = rv.author[p]!;
    const parentAuthor = parent >= 0 ? c.author[parent]! : -1;
    if (parent >= 0 && parentAuthor !== reviewAuthor && r.chance(0.12)) {
      c.author[i] = reviewAuthor;
      continue;
    }
    const k = Math.max(1, countBelow(m.joined, c.time[i]! - MINUTE));
    let a = sampler.draw(r, k);
    if (a === parentAuthor) a = sampler.draw(r, k);
    c.author[i] = a;
  }
  if (star >= 0) {
    let have = 0;
    for (let i = 0; i < n; i++) if (c.author[i] === star && !c.deletedAt[i]) have++;
    const after = m.joined[star]! + DAY;
    const candidates: number[] = [];
    for (let i = 0; i < n; i++) {
      if (c.deletedAt[i] || c.time[i]! < after || c.author[i] === star) continue;
      const parent = c.parent[i]!;
      if (parent < 0 ? rv.author[c.review[i]!] === star : c.author[parent] === star) continue;
      candidates.push(i);
    }
    const need = Math.max(0, STAR_COMMENTS - have);
    if (candidates.length < need) throw new LargeSeedError("Too few comments for the member with a full badge board; use more comments.");
    for (let k = 0; k < need; k++) {
      const j = k + r.int(candidates.length - k);
      [candidates[k], candidates[j]] = [candidates[j]!, candidates[k]!];
      c.author[candidates[k]!] = star;
    }
  }

  // Bodies, and a few edits (a new revision, well after posting).
  for (let i = 0; i < n; i++) {
    c.body[i] = i % pool.comments.length;
    c.earlierBody[i] = -1;
    if (!c.deletedAt[i] && r.chance(0.02)) {
      const at = c.time[i]! + Math.floor(10 * MINUTE + r.exp(DAY));
      if (at < o.now) {
        c.editedAt[i] = at;
        c.earlierBody[i] = (i + 1 + r.int(pool.comments.length - 1)) % pool.comments.length;
      }
    }
    const parent = c.parent[i]!;
    if (parent >= 0 && !c.deletedAt[i]) c.replies[parent] = c.replies[parent]! + 1;
  }

  // Ids in time order (as the app hands them out), then paths from them.
  const byId = new Int32Array(n);
  for (let i = 0; i < n; i++) byId[i] = i;
  byId.sort((a, b) => c.time[a]! - c.time[b]! || a - b);
  c.byId = byId;
  for (let k = 0; k < n; k++) c.id[byId[k]!] = k + 1;
  c.path = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    const i = byId[k]!;
    const parent = c.parent[i]!;
    c.path[i] = childPath(parent >= 0 ? c.path[parent]! : null, k + 1);
  }
  return c;
}
