// The large seed's films and reviews: when, by whom, how long, and their edits.
import { RESERVED_SLUGS } from "@/lib/reviews/create-review";
import { MAX_TAGS, TAG_PATTERN } from "@/lib/reviews/schemas";
import { foldText, uniqueSlug, urlSlug } from "@/lib/slug";
import type { Members } from "./members";
import { DAY, HISTORY_DAYS, HOUR, LargeSeedError, MINUTE, STAR_REVIEWS } from "./options";
import { PrefixSampler, Rng, countBelow } from "./random";
import { COUNTRIES, FILM_ADJ, FILM_NOUN, FILM_PLACE, FIRST_NAMES, LAST_NAMES, Pools, REASONS_BODY, REASONS_SCORE, REASONS_TAGS, TAGS, THEMES, TITLE_PHRASES, cap } from "./text";

export type Films = { n: number; titles: string[]; keys: string[]; years: Int32Array; directors: (string | null)[]; countries: (string | null)[]; weight: Float64Array };

export function planFilms(count: number, seed: number, now: number): Films {
  const r = new Rng(seed, "films");
  const lastYear = new Date(now).getUTCFullYear();
  const f: Films = { n: count, titles: [], keys: [], years: new Int32Array(count), directors: [], countries: [], weight: new Float64Array(count) };
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    let title = "";
    let year = 0;
    for (let tries = 0; ; tries++) {
      const x = r.next();
      const adj = r.pick(FILM_ADJ);
      const noun = r.pick(FILM_NOUN);
      title =
        x < 0.25 ? `The ${adj} ${noun}`
        : x < 0.4 ? `${noun} of the ${adj} ${r.pick(FILM_NOUN)}`
        : x < 0.52 ? `${adj} ${noun}`
        : x < 0.62 ? `A ${noun} in ${r.pick(FILM_PLACE)}`
        : x < 0.7 ? `${r.pick(FIRST_NAMES)}'s ${noun}`
        : x < 0.78 ? `The ${noun} and the ${r.pick(FILM_NOUN)}`
        : x < 0.85 ? `Before the ${noun}`
        : x < 0.92 ? `${r.pick(FILM_PLACE)}, ${r.pick(["Night", "Summer", "Winter", "Morning", "Again", "Forever"])}`
        : `${noun}s`;
      if (tries > 4) title = `${title} ${["II", "III", "Redux", "Returns", "Revisited"][tries % 5]}`;
      // Most films reviewed are recent; a long tail reaches back to the silent era.
      year = lastYear - Math.floor(Math.pow(r.next(), 2.2) * 100);
      const key = `${foldText(title)}|${year}`;
      if (!seen.has(key)) {
        seen.add(key);
        break;
      }
    }
    f.titles.push(title);
    f.keys.push(foldText(title));
    f.years[i] = year;
    f.directors.push(r.chance(0.85) ? `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}` : null);
    f.countries.push(r.chance(0.8) ? r.pick(COUNTRIES) : null);
    // A handful of films everyone reviews, a long tail with one or two reviews each.
    f.weight[i] = 1 / Math.pow(i + 4, 0.85);
  }
  return f;
}

type Edit = { at: number; kind: "body" | "score" | "tags"; reason: string };

export type Reviews = {
  n: number;
  /** Indexed by review id - 1 (ids follow creation). */
  author: Int32Array;
  film: Int32Array;
  title: string[];
  slug: string[];
  body: Int32Array;
  score: Int32Array; // 0 = none
  spoilers: Uint8Array;
  tags: string[][];
  published: Uint8Array;
  createdAt: Float64Array;
  publishedAt: Float64Array; // 0 for drafts
  updatedAt: Float64Array;
  edits: (Edit[] | null)[];
  popularity: Float64Array;
  /** The landmark threads: post index → live comments asked. */
  threads: Map<number, number>;
  starReviews: number[];
};

export function planReviews(o: { reviews: number; seed: number; now: number; threadSizes: readonly number[] }, m: Members, f: Films, pool: Pools): Reviews {
  const r = new Rng(o.seed, "reviews");
  const n = o.reviews;
  const badTag = TAGS.find((t) => !TAG_PATTERN.test(t));
  if (badTag) throw new Error(`"${badTag}" is not a tag the app accepts.`);
  const start = o.now - HISTORY_DAYS * DAY;
  // Slots first (status and times), then authors, then everything else in creation order.
  type Slot = { created: number; published: number; updated: number; author: number };
  const slots: Slot[] = [];
  for (let i = 0; i < n; i++) {
    const draft = r.chance(0.06);
    const t = Math.floor(start + 3 * DAY + (o.now - 2 * HOUR - start - 3 * DAY) * Math.pow(r.next(), 1 / 1.8));
    if (draft) slots.push({ created: t, published: 0, updated: Math.min(o.now - MINUTE, t + Math.floor(r.exp(3 * DAY))), author: -1 });
    // Some were saved as drafts first and published later.
    else slots.push({ created: r.chance(0.15) ? t - Math.floor(HOUR + r.next() * 6 * DAY) : t, published: t, updated: t, author: -1 });
  }
  const stars: number[] = [];
  if (m.star >= 0) {
    const after = m.joined[m.star]! + DAY;
    const candidates = slots.map((s, i) => i).filter((i) => slots[i]!.published && slots[i]!.created > after);
    if (candidates.length < STAR_REVIEWS) throw new LargeSeedError("Too few reviews for the member with a full badge board; use more reviews.");
    for (let k = 0; k < STAR_REVIEWS; k++) {
      const j = k + r.int(candidates.length - k);
      [candidates[k], candidates[j]] = [candidates[j]!, candidates[k]!];
      slots[candidates[k]!]!.author = m.star;
      stars.push(candidates[k]!);
    }
  }
  const sampler = new PrefixSampler(m.reviewW);
  for (const s of slots) {
    if (s.author >= 0) continue;
    const k = Math.max(1, countBelow(m.joined, s.created - HOUR));
    s.author = sampler.draw(r, k);
    if (s.created < m.joined[s.author]! + MINUTE) s.created = m.joined[s.author]! + MINUTE + r.int(HOUR);
  }
  for (const s of slots) {
    if (s.published) {
      s.published = Math.max(s.published, s.created);
      s.updated = s.published;
    } else s.updated = Math.max(s.updated, s.created);
  }
  // Ids follow creation.
  const order = slots.map((_, i) => i).sort((a, b) => slots[a]!.created - slots[b]!.created || a - b);
  const position = new Int32Array(n);
  order.forEach((slot, id) => (position[slot] = id));
  const rv: Reviews = {
    n,
    author: new Int32Array(n),
    film: new Int32Array(n),
    title: [],
    slug: [],
    body: new Int32Array(n),
    score: new Int32Array(n),
    spoilers: new Uint8Array(n),
    tags: [],
    published: new Uint8Array(n),
    createdAt: new Float64Array(n),
    publishedAt: new Float64Array(n),
    updatedAt: new Float64Array(n),
    edits: [],
    popularity: new Float64Array(n),
    threads: new Map(),
    starReviews: stars.map((s) => position[s]!).sort((a, b) => a - b),
  };
  // Every film gets a review (films are created by the review that first names them): the first
  // reviews of the plan go one to each film, released by then; the rest follow the films' popularity.
  const filmSampler = new PrefixSampler(f.weight);
  const filmOf = new Int32Array(n).fill(-1);
  const unassigned = order.slice();
  for (let film = 0; film < f.n && unassigned.length; film++) {
    let pickAt = -1;
    for (let tries = 0; tries < 40 && pickAt < 0; tries++) {
      const j = r.int(unassigned.length);
      if (new Date(slots[unassigned[j]!]!.created).getUTCFullYear() >= f.years[film]!) pickAt = j;
    }
    if (pickAt < 0) {
      pickAt = r.int(unassigned.length);
      f.years[film] = Math.min(f.years[film]!, new Date(slots[unassigned[pickAt]!]!.created).getUTCFullYear());
    }
    filmOf[unassigned[pickAt]!] = film;
    unassigned[pickAt] = unassigned[unassigned.length - 1]!;
    unassigned.pop();
  }
  for (const slot of unassigned) {
    const year = new Date(slots[slot]!.created).getUTCFullYear();
    let film = filmSampler.draw(r, f.n);
    for (let tries = 0; tries < 30 && f.years[film]! > year; tries++) film = filmSampler.draw(r, f.n);
    if (f.years[film]! > year) film = 0;
    filmOf[slot] = film;
  }
  const takenSlugs = new Set<string>();
  const tagSampler = new PrefixSampler(new Float64Array(TAGS.map((_, i) => 1 / (i + 2))));
  const scoreSampler = new PrefixSampler(new Float64Array([1, 1, 2, 3, 5, 9, 16, 22, 15, 8]));
  for (let id = 0; id < n; id++) {
    const s = slots[order[id]!]!;
    const film = filmOf[order[id]!]!;
    rv.author[id] = s.author;
    rv.film[id] = film;
    rv.published[id] = s.published ? 1 : 0;
    rv.createdAt[id] = s.created;
    rv.publishedAt[id] = s.published;
    rv.updatedAt[id] = s.updated;
    const ft = f.titles[film]!;
    const fy = f.years[film]!;
    const x = r.next();
    const title =
      x < 0.3 ? `${ft}: ${r.pick(TITLE_PHRASES)}`
      : x < 0.4 ? `Why ${ft} still works`
      : x < 0.48 ? `Notes on ${ft}`
      : x < 0.55 ? `Rewatching ${ft}`
      : x < 0.62 ? `${ft} (${fy})`
      : x < 0.68 ? `In defence of ${ft}`
      : x < 0.74 ? `${ft} and the art of ${r.pick(THEMES)}`
      : x < 0.8 ? `First impressions: ${ft}`
      : x < 0.85 ? `The ending of ${ft}`
      : x < 0.9 ? `${ft} on 35mm`
      : cap(r.pick(TITLE_PHRASES));
    rv.title.push(title);
    const slug = uniqueSlug(urlSlug(title) || "review", (c) => RESERVED_SLUGS.has(c) || takenSlugs.has(c));
    takenSlugs.add(slug);
    rv.slug.push(slug);
    const body = id % pool.reviews.length;
    rv.body[id] = body;
    rv.score[id] = r.chance(0.88) ? scoreSampler.draw(r, 10) + 1 : 0;
    rv.spoilers[id] = r.chance(pool.reviews[body]!.spoilers ? 0.5 : 0.08) ? 1 : 0;
    const tagCount = Math.min(MAX_TAGS, [0, 1, 1, 2, 2, 2, 3, 3, 4, 5][r.int(10)]!);
    const tags = new Set<string>();
    while (tags.size < tagCount) tags.add(TAGS[tagSampler.draw(r, TAGS.length)]!);
    rv.tags.push([...tags].sort());
    rv.popularity[id] = s.published ? Math.min(r.pareto(1.5), 600) * (0.5 + r.next()) : 0;
    // Later edits, each a while after the one before (never a grace edit).
    let edits: Edit[] | null = null;
    if (s.published && r.chance(0.12)) {
      edits = [];
      let at = s.published;
      const count = r.chance(0.25) ? 2 : 1;
      for (let k = 0; k < count; k++) {
        at += Math.floor(HOUR + r.exp(4 * DAY));
        if (at > o.now - MINUTE) break;
        const kind = k === 0 && r.chance(0.5) ? "body" : rv.score[id] && r.chance(0.5) ? "score" : "tags";
        edits.push({ at, kind, reason: r.pick(kind === "body" ? REASONS_BODY : kind === "score" ? REASONS_SCORE : REASONS_TAGS) });
      }
      if (!edits.length) edits = null;
      else rv.updatedAt[id] = edits[edits.length - 1]!.at;
    }
    rv.edits.push(edits);
  }
  if (m.star >= 0) {
    // What the one-off badges need: a scored review, a spoiler-flagged one, an edited one.
    const [a, b] = rv.starReviews;
    rv.score[a!] ||= 8;
    rv.spoilers[b!] = 1;
    if (!rv.edits[a!]) {
      const at = rv.publishedAt[a!]! + 2 * DAY;
      rv.edits[a!] = [{ at, kind: "body", reason: REASONS_BODY[0]! }];
      rv.updatedAt[a!] = at;
    }
  }
  // The landmark threads go to reviews that had months to gather them.
  const owners = m.star >= 0 ? rv.starReviews : Array.from({ length: n }, (_, i) => i).filter((i) => rv.published[i]);
  const seasoned = owners.filter((i) => rv.publishedAt[i]! < o.now - 120 * DAY && !rv.edits[i]);
  const pickFrom = seasoned.length >= o.threadSizes.length ? seasoned : owners;
  if (pickFrom.length < o.threadSizes.length) throw new LargeSeedError("Too few published reviews for the landmark threads.");
  o.threadSizes.forEach((size, k) => rv.threads.set(pickFrom[Math.floor(((k + 0.5) * pickFrom.length) / o.threadSizes.length)]!, size));
  return rv;
}
