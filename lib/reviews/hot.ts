// log10(max(upvotes, 1)) + published_epoch_seconds / 45000: monotone in time, so it can be indexed.
export function hotScore(upvotes: number, publishedAt: Date | null): number {
  if (!publishedAt) return 0;
  return Math.log10(Math.max(upvotes, 1)) + publishedAt.getTime() / 1000 / 45000;
}
