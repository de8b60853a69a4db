// The large seed's options, fixed moments and errors.
import { LADDER_SPECS, type LadderKey } from "@/lib/badges/catalog";

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
// As lib/badges/backfill.ts counts a year of membership.
export const YEAR_MS = 365 * DAY;

/** The moment the large database describes: nothing in it happens later. */
export const LARGE_NOW = new Date("2026-11-20T00:00:00.000Z");
/** Every member of the large database signs in with this password. */
export const LARGE_PASSWORD = "marquee-large-2026";
/** The scrypt cost of the shared hash: the app's default (SCRYPT_COST). */
export const LARGE_SCRYPT_LOG_N = 17;
/** Review threads of exactly these sizes (live comments), for the thread benchmarks. */
export const LARGE_THREAD_SIZES: readonly number[] = [200, 1000];

export const HISTORY_DAYS = 3 * 365;
// Recent enough to sit in someone's bell: reply and milestone notices of the last month.
export const NOTICE_DAYS = 30;
// As the demo seed (lib/seed/demo.ts): notices older than three days have been read, six hours after they came.
export const READ_BEFORE_MS = 3 * DAY;
export const READ_AFTER_MS = 6 * HOUR;
// The member with a full badge board: what each ladder's top rung needs (lib/badges/catalog.ts), with a margin.
const topRung = (ladder: LadderKey) => LADDER_SPECS[ladder].rungs.at(-1)![0];
export const STAR_REVIEWS = topRung("reviews") + 6;
export const STAR_COMMENTS = topRung("comments") + 40;
export const STAR_UPVOTES = topRung("upvotes") + 300;
export const STAR_VIEWS = topRung("views") + 400;
export const STAR_REVIEW_COMMENTS = 4;
export const STAR_COMMENT_UPVOTES = 12;

export class LargeSeedError extends Error {}

export type LargeOptions = {
  users: number;
  reviews: number;
  comments: number;
  /** Upvotes on reviews and comments together. */
  votes: number;
  /** post_views rows (one reader, one review, one day); by default half the votes, and what the landmarks need. */
  views?: number;
  /** By default one film for every 30 reviews (at least 20). */
  films?: number;
  /** The generator's seed: the same seed and counts give the same rows. */
  seed?: number;
  now?: Date;
  /** Live comment counts of the landmark threads (default 200 and 1,000). */
  threadSizes?: readonly number[];
  /** One member earns every badge in the catalog (default true). */
  fullBoard?: boolean;
  /**
   * How the counters of each row are derived. "plan" (default): counted while planning, as
   * lib/recount.ts defines them. "app": rows are written with zero counters and the app's recount
   * fills them in (the reference the plan is held equal to). Badges, their points, notices and the
   * monthly standings come from the app's backfill and recount either way.
   */
  derive?: "plan" | "app";
  /** A precomputed hash of LARGE_PASSWORD (largePasswordHash), to skip the scrypt. */
  passwordHash?: string;
  log?: (line: string) => void;
};

export type LargeLandmarks = {
  /** Reviews with exactly the asked number of live comments, in one threaded discussion each. */
  threads: { comments: number; slug: string }[];
  /** The film with the most published reviews. */
  popularFilm: { slug: string; reviews: number };
  /** The published review with the most upvotes. */
  popularReview: { slug: string; upvotes: number };
  /** The member holding every badge in the catalog (null without `fullBoard`). */
  fullBoard: { username: string; badges: number } | null;
  admin: string | null;
  moderator: string | null;
};

export const nf = (n: number) => n.toLocaleString("en-US");
