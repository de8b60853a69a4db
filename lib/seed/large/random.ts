// The large seed's randomness: one seeded generator stream per name, delays and allocations.
import { DAY, LargeSeedError } from "./options";

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32, seeded through splitmix32: one independent stream per name, so phases don't disturb each other. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, stream: string) {
    let h = hash32(`${seed}/${stream}`);
    const mix = () => {
      h = (h + 0x9e3779b9) | 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 15; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  /** Pareto with minimum 1: most draws near 1, a few very large. */
  pareto(alpha: number): number {
    return Math.pow(1 - this.next(), -1 / alpha);
  }
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

/** Draws indices by weight from a prefix of a list (members ordered by joining: those who had joined by then). */
export class PrefixSampler {
  readonly cum: Float64Array;
  constructor(weights: Float64Array) {
    this.cum = new Float64Array(weights.length);
    let s = 0;
    for (let i = 0; i < weights.length; i++) this.cum[i] = s += weights[i]!;
  }
  draw(rng: Rng, k: number): number {
    const total = this.cum[k - 1]!;
    if (!(total > 0)) return 0;
    const r = rng.next() * total;
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** How many of the ascending `xs` are below `x`. */
export function countBelow(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How long after an item things happen to it: a mix of exponential delays [weight, mean ms]. */
export type Delays = readonly (readonly [number, number])[];
// Most replies come within days, a tail over months; the landmark threads keep going for longer.
export const COMMENT_DELAYS: Delays = [[0.7, 1.5 * DAY], [0.25, 15 * DAY], [0.05, 120 * DAY]];
export const THREAD_DELAYS: Delays = [[0.45, 5 * DAY], [0.45, 40 * DAY], [0.1, 200 * DAY]];
export const REVIEW_VOTE_DELAYS: Delays = [[0.75, 2 * DAY], [0.2, 30 * DAY], [0.05, 400 * DAY]];
export const COMMENT_VOTE_DELAYS: Delays = [[0.8, DAY], [0.17, 10 * DAY], [0.03, 200 * DAY]];
export const VIEW_DELAYS: Delays = [[0.6, 3 * DAY], [0.3, 60 * DAY], [0.1, 500 * DAY]];

/** The share of an item's eventual comments or votes that has arrived `span` ms after it appeared. */
export function arrived(mix: Delays, span: number): number {
  let f = 0;
  for (const [w, mean] of mix) f += w * (1 - Math.exp(-Math.max(0, span) / mean));
  return f;
}

/** A delay drawn from the mix, given that it fell within `span` (what a snapshot at that moment holds). */
export function delayWithin(r: Rng, mix: Delays, span: number): number {
  if (!(span > 0)) return 0;
  const parts = mix.map(([w, mean]) => w * (1 - Math.exp(-span / mean)));
  let x = r.next() * parts.reduce((a, b) => a + b, 0);
  let k = 0;
  while (k < mix.length - 1 && x >= parts[k]!) x -= parts[k++]!;
  const mean = mix[k]![1];
  return Math.min(span - 1, Math.floor(-mean * Math.log(1 - r.next() * (1 - Math.exp(-span / mean)))));
}

/**
 * Splits `total` units over items in proportion to their weights, each between its floor and its
 * cap (stochastic rounding, then unit by unit), so the parts add up to exactly `total`.
 */
export function allocate(total: number, weights: Float64Array, caps: Int32Array, floors: Int32Array, rng: Rng, what: string): Int32Array {
  const n = weights.length;
  const out = new Int32Array(n);
  let rest = total;
  let room = 0;
  for (let i = 0; i < n; i++) {
    out[i] = Math.min(floors[i]!, caps[i]!);
    rest -= out[i]!;
    room += caps[i]! - out[i]!;
  }
  const nf = (x: number) => x.toLocaleString("en-US");
  if (rest < 0) throw new LargeSeedError(`${what}: ${nf(total)} is too few; the landmarks alone need ${nf(total - rest)}.`);
  if (rest > room) throw new LargeSeedError(`${what}: ${nf(total)} do not fit; there is room for at most ${nf(total - rest + room)}.`);
  for (let round = 0; rest > 0 && round < 8; round++) {
    let wsum = 0;
    for (let i = 0; i < n; i++) if (out[i]! < caps[i]!) wsum += weights[i]!;
    if (!(wsum > 0)) break;
    const share = rest / wsum;
    for (let i = 0; i < n; i++) {
      const free = caps[i]! - out[i]!;
      if (free <= 0) continue;
      const add = Math.min(free, Math.floor(weights[i]! * share + rng.next()));
      out[i] = out[i]! + add;
      rest -= add;
    }
    // Rounding up overshot: take single units back from items above their floor.
    while (rest < 0) {
      const i = rng.int(n);
      if (out[i]! > floors[i]!) {
        out[i] = out[i]! - 1;
        rest++;
      }
    }
  }
  while (rest > 0) {
    const open: number[] = [];
    for (let i = 0; i < n; i++) if (out[i]! < caps[i]!) open.push(i);
    const w = new Float64Array(open.map((i) => weights[i]! + 1e-9));
    const sampler = new PrefixSampler(w);
    for (let tries = 0; rest > 0 && tries < 4 * open.length + 64; tries++) {
      const i = open[sampler.draw(rng, open.length)]!;
      if (out[i]! < caps[i]!) {
        out[i] = out[i]! + 1;
        rest--;
      }
    }
  }
  return out;
}

/** Sorts a run of times and nudges repeats apart, so each is at least 1 ms after the one before. */
export function strictlyIncreasing(ts: Float64Array) {
  ts.sort();
  for (let i = 1; i < ts.length; i++) if (ts[i]! <= ts[i - 1]!) ts[i] = ts[i - 1]! + 1;
}

export const dayString = (() => {
  const cache = new Map<number, string>();
  return (day: number) => {
    let s = cache.get(day);
    if (s === undefined) cache.set(day, (s = new Date(day * DAY).toISOString().slice(0, 10)));
    return s;
  };
})();
