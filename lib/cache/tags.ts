// Every cached component tags ALL_TAG too, so start-up can expire what an earlier database state rendered.
export const ALL_TAG = "all";
export const MEMBERS_TAG = "members";
export const FEED_TAG = "feed";
// Carried by the cached "no such comment" answers: the next comment posted may take that id.
export const NEW_COMMENT_TAG = "comments:new";
// The Ranking (points, upvotes, reviews) and the badge catalog's holder counts.
export const RANKING_TAG = "ranking";
export const BADGES_TAG = "badges";
export const userTag = (id: string) => `user:${id}`;
export const badgeTag = (slug: string) => `badge:${slug}`;
export const reviewTag = (id: number) => `review:${id}`;
export const filmTag = (id: number) => `film:${id}`;
export const tagTag = (tag: string) => `tag:${tag}`;
export const listTag = (id: number) => `list:${id}`;
