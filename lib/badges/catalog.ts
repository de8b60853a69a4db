// Every badge Marquee gives, in code: five ladders of tiered rungs and six one-off badges.
// The database keeps a copy (synced on start) so pages can count holders and join on it.
import { commentsLabel, countLabel, repliesLabel, upvotesLabel } from "@/lib/count-labels";

export type Tier = "bronze" | "silver" | "gold";
export const TIER_POINTS: Record<Tier, number> = { bronze: 1, silver: 3, gold: 10 };

export const LADDERS = ["upvotes", "reviews", "comments", "replies", "views"] as const;
export type LadderKey = (typeof LADDERS)[number];
export type Icon = LadderKey | "edit" | "score" | "spoiler" | "star-review" | "star-comment" | "anniversary";

export type Badge = {
  slug: string;
  name: string;
  /** What earns it, as the catalog states it. */
  rule: string;
  tier: Tier;
  points: number;
  icon: Icon;
  ladder: LadderKey | null;
  threshold: number | null;
  /** Catalog order. */
  position: number;
};

type LadderSpec = {
  key: LadderKey;
  title: string;
  rungs: readonly [number, Tier][];
  /** "You received more than 100 upvotes." */
  reached: (n: number) => string;
  /** "Your next target is to reach 200 upvotes." */
  target: (n: number) => string;
  rule: (n: number) => string;
  name: (n: number) => string;
  /** The progress line on a board: "142 upvotes received". */
  progress: (n: number) => string;
};

const num = (n: number) => n.toLocaleString("en-US");

export const LADDER_SPECS: Record<LadderKey, LadderSpec> = {
  upvotes: {
    key: "upvotes",
    title: "Upvotes received",
    rungs: [[10, "bronze"], [50, "bronze"], [100, "silver"], [200, "silver"], [500, "silver"], [1000, "gold"], [2000, "gold"], [5000, "gold"]],
    reached: (n) => `You received more than ${num(n)} upvotes.`,
    target: (n) => `Your next target is to reach ${num(n)} upvotes.`,
    rule: (n) => `Receive ${num(n)} upvotes on your reviews and comments.`,
    name: (n) => `${num(n)} upvotes`,
    progress: (n) => `${upvotesLabel(n)} received`,
  },
  reviews: {
    key: "reviews",
    title: "Reviews published",
    rungs: [[1, "bronze"], [5, "bronze"], [10, "silver"], [25, "silver"], [50, "gold"], [100, "gold"]],
    reached: (n) => (n === 1 ? "You published your first review." : `You published ${num(n)} reviews.`),
    target: (n) => `Your next target is to publish ${num(n)} reviews.`,
    rule: (n) => (n === 1 ? "Publish your first review." : `Publish ${num(n)} reviews.`),
    name: (n) => (n === 1 ? "First review" : `${num(n)} reviews`),
    progress: (n) => `${countLabel(n, "review", "reviews")} published`,
  },
  comments: {
    key: "comments",
    title: "Comments written",
    rungs: [[1, "bronze"], [10, "bronze"], [50, "silver"], [100, "silver"], [500, "gold"]],
    reached: (n) => (n === 1 ? "You wrote your first comment." : `You wrote ${num(n)} comments.`),
    target: (n) => `Your next target is to write ${num(n)} comments.`,
    rule: (n) => (n === 1 ? "Write your first comment." : `Write ${num(n)} comments.`),
    name: (n) => (n === 1 ? "First comment" : `${num(n)} comments`),
    progress: (n) => `${commentsLabel(n)} written`,
  },
  replies: {
    key: "replies",
    title: "Replies received",
    rungs: [[1, "bronze"], [10, "bronze"], [50, "silver"], [100, "silver"], [500, "gold"]],
    reached: (n) => (n === 1 ? "Someone replied to you for the first time." : `You received ${num(n)} replies.`),
    target: (n) => `Your next target is to receive ${num(n)} replies.`,
    rule: (n) => (n === 1 ? "Get a first reply to a review or comment of yours." : `Get ${num(n)} replies to your reviews and comments.`),
    name: (n) => (n === 1 ? "First reply" : `${num(n)} replies`),
    progress: (n) => `${repliesLabel(n)} received`,
  },
  views: {
    key: "views",
    title: "Views received",
    rungs: [[100, "bronze"], [1000, "silver"], [10000, "gold"]],
    reached: (n) => `Your reviews were read ${num(n)} times.`,
    target: (n) => `Your next target is to reach ${num(n)} views.`,
    rule: (n) => `Have your reviews read ${num(n)} times (one view per reader a day).`,
    name: (n) => `${num(n)} views`,
    progress: (n) => `${countLabel(n, "review view", "review views")}`,
  },
};

export const ladderSlug = (ladder: LadderKey, threshold: number) => `${ladder}-${threshold}`;

type OneOff = Omit<Badge, "points" | "ladder" | "threshold" | "position"> & { reached: string };

const ONE_OFFS: readonly OneOff[] = [
  { slug: "first-edit", name: "Second thoughts", rule: "Edit a published review or comment.", tier: "bronze", icon: "edit", reached: "You edited something you published." },
  { slug: "first-scored-review", name: "Out of ten", rule: "Publish a review with a score.", tier: "bronze", icon: "score", reached: "You published your first scored review." },
  { slug: "first-spoiler-review", name: "Spoiler alert", rule: "Publish a review marked as containing spoilers.", tier: "bronze", icon: "spoiler", reached: "You published your first review marked as containing spoilers." },
  { slug: "review-10-upvotes", name: "Crowd pleaser", rule: "Write a review that receives 10 upvotes.", tier: "silver", icon: "star-review", reached: "One of your reviews received 10 upvotes." },
  { slug: "comment-10-upvotes", name: "Well said", rule: "Write a comment that receives 10 upvotes.", tier: "silver", icon: "star-comment", reached: "One of your comments received 10 upvotes." },
  { slug: "one-year", name: "A year at the pictures", rule: "Be a member for a year.", tier: "silver", icon: "anniversary", reached: "You have been a member for a year." },
];
export type OneOffSlug = "first-edit" | "first-scored-review" | "first-spoiler-review" | "review-10-upvotes" | "comment-10-upvotes" | "one-year";

function build(): Badge[] {
  const all: Badge[] = [];
  for (const key of LADDERS) {
    const spec = LADDER_SPECS[key];
    for (const [threshold, tier] of spec.rungs) {
      all.push({
        slug: ladderSlug(key, threshold),
        name: spec.name(threshold),
        rule: spec.rule(threshold),
        tier,
        points: TIER_POINTS[tier],
        icon: key,
        ladder: key,
        threshold,
        position: all.length,
      });
    }
  }
  for (const o of ONE_OFFS) {
    all.push({ slug: o.slug, name: o.name, rule: o.rule, tier: o.tier, points: TIER_POINTS[o.tier], icon: o.icon, ladder: null, threshold: null, position: all.length });
  }
  return all;
}

export const BADGES: readonly Badge[] = build();
export const BADGE_BY_SLUG: ReadonlyMap<string, Badge> = new Map(BADGES.map((b) => [b.slug, b]));

/** The slug of the rung at exactly `value` on a ladder, or null between rungs. */
export function rungAt(ladder: LadderKey, value: number): string | null {
  return LADDER_SPECS[ladder].rungs.some(([t]) => t === value) ? ladderSlug(ladder, value) : null;
}

/** The rung after `threshold` on a ladder, or null at the top. */
function nextRung(ladder: LadderKey, threshold: number): number | null {
  return LADDER_SPECS[ladder].rungs.find(([t]) => t > threshold)?.[0] ?? null;
}

/** The words of a badge notice: what was reached, and the next target (or that the ladder is complete). */
export function badgeNotice(slug: string): { reached: string; next: string | null } | null {
  const badge = BADGE_BY_SLUG.get(slug);
  if (!badge) return null;
  if (!badge.ladder || badge.threshold === null) {
    return { reached: ONE_OFFS.find((o) => o.slug === slug)!.reached, next: null };
  }
  const spec = LADDER_SPECS[badge.ladder];
  const next = nextRung(badge.ladder, badge.threshold);
  return {
    reached: spec.reached(badge.threshold),
    next: next === null ? `That was the last rung: the ${spec.title.toLowerCase()} ladder is complete.` : spec.target(next),
  };
}
