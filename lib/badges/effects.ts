import { BADGES_TAG, RANKING_TAG, badgeTag, expireTags, userTag } from "@/lib/cache/tags";
import type { Earned } from "./grant";

/** Every cache tag a set of grants changes: the holders' boards and profiles, the catalog, the Ranking. */
export function badgeTags(earned: readonly Earned[]): string[] {
  if (!earned.length) return [];
  return [BADGES_TAG, RANKING_TAG, ...earned.flatMap((e) => [userTag(e.userId), badgeTag(e.slug)])];
}

/** From a route handler, after the write that granted them. */
export function expireBadgeTags(earned: readonly Earned[] | undefined) {
  if (earned?.length) expireTags(badgeTags(earned));
}
