// Demo upvotes for the Marquee seed: who upvoted which demo review and comment, and when. The data
// says who; planVotes() in lib/seed/votes.ts says when, deterministically, from the times the seed gives the
// reviews and comments (lib/seed/reviews.ts and lib/seed/comments.ts) and the members' joining dates. The seed casts every vote
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
// lib/seed/content/threads.ts). Adding or removing an upvote early in someone's history moves these.

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
