/**
 * What a write changed, as the verbs and their subscribers record it. `lib/cache/expire.ts` maps it
 * to the cache tags that expire; nothing else decides what a write expires.
 */
export type Changes = {
  /** Reviews whose card changed (title, counts, excerpt, status): their page and every listing that shows them. */
  reviews: Set<number>;
  /** Reviews whose page alone changed (a comment's text, a comment's upvotes). */
  threads: Set<number>;
  /** Comments posted, edited or deleted (a new id may fill an address that answered "no such comment"). */
  comments: Set<number>;
  /** Members whose profile, board or name marker changed. */
  members: Set<string>;
  /** Films whose page or stats changed. */
  films: Set<number>;
  /** Tags whose listing changed, as typed or stored: the mapping normalises them. */
  tags: Set<string>;
  /** Badges granted or taken: their pages, the catalog's counts and the Ranking's points. */
  badges: Set<string>;
  /** Badges whose holder list shows a member whose name, avatar or marker changed: their pages alone. */
  badgeHolders: Set<string>;
  /** Lists whose page changed. */
  lists: Set<number>;
  /** The Ranking's figures (points, upvotes received, reviews published) changed. */
  ranking: boolean;
  /** The members directory changed (someone joined, left, or rewrote their bio). */
  directory: boolean;
};

export function noChanges(): Changes {
  return {
    reviews: new Set(),
    threads: new Set(),
    comments: new Set(),
    members: new Set(),
    films: new Set(),
    tags: new Set(),
    badges: new Set(),
    badgeHolders: new Set(),
    lists: new Set(),
    ranking: false,
    directory: false,
  };
}

type SetKey = { [K in keyof Changes]: Changes[K] extends Set<unknown> ? K : never }[keyof Changes];
const SET_KEYS = ["reviews", "threads", "comments", "members", "films", "tags", "badges", "badgeHolders", "lists"] as const satisfies readonly SetKey[];

/** Adds everything `from` records to `into` (a request that ran two verbs expires both). */
export function mergeChanges(into: Changes, ...from: Changes[]): Changes {
  for (const c of from) {
    for (const key of SET_KEYS) for (const v of c[key] as Set<number | string>) (into[key] as Set<number | string>).add(v);
    into.ranking ||= c.ranking;
    into.directory ||= c.directory;
  }
  return into;
}

export function isUnchanged(c: Changes): boolean {
  return SET_KEYS.every((k) => c[k].size === 0) && !c.ranking && !c.directory;
}

/** A review shown in listings: its card, its film, its author's profile and its tags. */
export function reviewListed(c: Changes, review: { id: number; filmId: number; authorId: string | null; tags: readonly string[] }) {
  c.reviews.add(review.id);
  c.films.add(review.filmId);
  if (review.authorId) c.members.add(review.authorId);
  for (const t of review.tags) c.tags.add(t);
}
