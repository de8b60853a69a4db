// The shapes of the demo data. The data itself is plain (no code): films, members, reviews, threads
// and votes, each in its own file under lib/seed/content. Review times are relative ("days ago") so a
// fresh seed always has something in every feed window; comment times are durations such as "45m",
// "3h" or "2d 4h": a top-level comment's is counted from its review's publication, a reply's from its
// parent comment, an edit's or a deletion's from the comment's own posting. The seed refuses a
// comment dated before its author joined or after "now".

export type SeedFilm = { key: string; title: string; year: number; director?: string; country?: string };

/**
 * A change to a text, applied to the text as the edits before it left it: `find` (which must occur
 * exactly once) becomes `replace`, or `insert` goes in right after `after` (which must occur once).
 */
export type BodyEdit = { find: string; replace: string } | { after: string; insert: string };

/** An edit applied to a review: fields given replace the previous values; `bodyEdits` change its body. */
type SeedRevision = {
  atDaysAgo: number;
  reason: string;
  title?: string;
  bodyEdits?: BodyEdit[];
  score?: number | null;
  tags?: string[];
  spoilers?: boolean;
};

export type SeedReview = {
  author: string; // one of the demo usernames (lib/seed/content/members.ts)
  film: string; // a SeedFilm key
  title: string;
  score: number | null; // 1–10 or null
  tags: string[]; // 0–5 tags, each lowercase a-z0-9 and hyphens, 2–30 chars
  spoilers: boolean; // review-level "contains spoilers" flag
  body: string; // markdown: the first revision's
  status: "published" | "draft";
  publishedDaysAgo: number; // for drafts: the day it was started
  edits?: SeedRevision[]; // later edits, each at least 1 day after the previous state
};

type SeedCommentEdit = {
  after: string;
  bodyEdits: BodyEdit[];
  reason?: string;
  by?: string; // a moderator or admin editing someone else's comment; the author when absent
};

export type SeedComment = {
  author: string; // one of the demo usernames
  after: string;
  body: string; // markdown: as first posted
  edits?: SeedCommentEdit[];
  deletedAfter?: string; // deleted by its author; replies must come before it
  replies?: SeedComment[];
};

export type SeedThread = {
  review: string; // "author/film" of a published review in SEED_REVIEWS
  comments: SeedComment[];
};

/**
 * An author who turns badge notes off: when the system account's note about `badge` appears under
 * their review (a vote on it earned the badge), they reply STOP to it `after` later, and the system
 * confirms in a reply of its own. Later badges reach them as notices only.
 */
export type SeedStop = {
  review: string; // "author/film" of a published review in SEED_REVIEWS; its author replies
  badge: string; // the slug of the badge the note announces
  after: string; // from the note's appearance
};
