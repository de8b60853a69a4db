// The one name of a votable item across the site: "r12" for review 12, "c345" for comment 345. The
// vote forms post it, /api/viewer lists the viewer's upvotes by it, the page script finds controls
// by it, and a milestone notice is given once per item by it. Pure, so the browser can use it too.

export const VOTE_TARGETS = ["review", "comment"] as const;
export type VoteTarget = (typeof VOTE_TARGETS)[number];

const PREFIX = { review: "r", comment: "c" } as const satisfies Record<VoteTarget, string>;
const KEY = /^([rc])(\d{1,15})$/;

/** "r12" / "c345". */
export function voteKey(type: VoteTarget, id: number): string {
  return `${PREFIX[type]}${id}`;
}

/** The item a key names, or null when it is not a key (ids up to 15 digits, so always a safe integer). */
export function parseVoteKey(key: string): { type: VoteTarget; id: number } | null {
  const m = KEY.exec(key);
  if (!m) return null;
  return { type: m[1] === PREFIX.review ? "review" : "comment", id: Number(m[2]) };
}

/** The letter a key starts with, for building keys in a query (`${votePrefix("review")} || post_id`). */
export function votePrefix(type: VoteTarget): string {
  return PREFIX[type];
}

/** The same key built in SQL from an id column, for hand-written queries: `'r' || v.post_id`. */
export function voteKeySql(type: VoteTarget, idColumn: string): string {
  return `'${votePrefix(type)}' || ${idColumn}`;
}
