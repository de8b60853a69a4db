import { BADGES_TAG, FEED_TAG, MEMBERS_TAG, NEW_COMMENT_TAG, RANKING_TAG, badgeTag, filmTag, listTag, reviewTag, tagTag, userTag } from "./tags";
import type { Changes } from "./changes";
import { normalizeTag } from "@/lib/reviews/tag-name";

/**
 * The one map from what a write changed to the cache tags that expire. Every cached page and
 * component carries the tags of what it shows (see `./tags`); this says which of them a change
 * reaches.
 */
export function tagsFor(c: Changes): string[] {
  const tags = new Set<string>();
  // A card shows a review's counts and excerpt on the feed, its film, its tags and its author's profile;
  // the verb records those too (`reviewListed`).
  for (const id of c.reviews) tags.add(reviewTag(id));
  if (c.reviews.size) tags.add(FEED_TAG);
  for (const id of c.threads) tags.add(reviewTag(id));
  if (c.comments.size) tags.add(NEW_COMMENT_TAG);
  for (const id of c.members) tags.add(userTag(id));
  for (const id of c.films) tags.add(filmTag(id));
  for (const t of c.tags) {
    const name = normalizeTag(t);
    if (name) tags.add(tagTag(name));
  }
  for (const slug of c.badges) tags.add(badgeTag(slug));
  for (const slug of c.badgeHolders) tags.add(badgeTag(slug));
  // Holder counts on the catalog, points on the Ranking.
  if (c.badges.size) tags.add(BADGES_TAG).add(RANKING_TAG);
  for (const id of c.lists) tags.add(listTag(id));
  if (c.ranking) tags.add(RANKING_TAG);
  if (c.directory) tags.add(MEMBERS_TAG);
  return [...tags];
}
