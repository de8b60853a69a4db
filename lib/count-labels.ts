// Every "1 upvote / 2 upvotes" on the site: a count in the forum's one number format (1,234) and
// its noun, singular for exactly one. Pure, so components, HTML fragments and verbs share it.

/** 1234 → "1,234". */
export const formatCount = (n: number): string => n.toLocaleString("en-US");

/** "1 upvote", "0 upvotes", "1,234 replies" (`many` defaults to `one` + "s"). */
export function countLabel(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export const upvotesLabel = (n: number): string => countLabel(n, "upvote");
export const commentsLabel = (n: number): string => countLabel(n, "comment");
export const viewsLabel = (n: number): string => countLabel(n, "view");
export const repliesLabel = (n: number): string => countLabel(n, "reply", "replies");
export const wordsLabel = (n: number): string => countLabel(n, "word");
export const pointsLabel = (n: number): string => countLabel(n, "point");
