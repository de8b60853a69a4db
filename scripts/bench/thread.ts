// A review with a large discussion for the benchmark, and a count of the queries a page load runs.
import type { DB } from "@/db";
import { sampleCommentBodies } from "@/db/seed-large";
import { createComment } from "@/lib/comments/create-comment";
import { listThread } from "@/lib/comments/queries";
import { buildThread } from "@/lib/comments/tree";
import { getReviewBySlug } from "@/lib/reviews/queries";
import { median } from "./sample-review";

/**
 * `n` comments under one review in a single tree: the first is top-level, every later one answers
 * an earlier comment picked at random (a fixed seed), so the tree is both deep and wide. Their
 * bodies are drawn as the large seed draws its comments, so the demo's discussions and the large
 * database's are pages of the same kind (numbered, so no member repeats a comment).
 */
export function seedOneTree(db: DB, reviewId: number, authorIds: string[], n: number, start: Date) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const ids: number[] = [];
  const bodies = sampleCommentBodies(n);
  for (let i = 0; i < n; i++) {
    const parentId = i === 0 ? null : ids[Math.floor(random() * ids.length)]!;
    const body = `${bodies[i]} (${i + 1})`;
    const at = new Date(start.getTime() + i * 60_000);
    ids.push(createComment(db, authorIds[i % authorIds.length]!, { reviewId, parentId, body }, at).comment.id);
  }
  return ids;
}

/** What the review page reads for one render, as the number of SQL statements prepared, and the p50 time. */
export function measurePageData(db: DB, slug: string, runs = 30) {
  const load = () => {
    const review = getReviewBySlug(db, slug)!;
    return buildThread(listThread(db, review.id));
  };
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  let queries = 0;
  client.prepare = ((sql: string) => {
    queries++;
    return prepare(sql);
  }) as typeof client.prepare;
  load();
  client.prepare = prepare;
  const ms = median(
    Array.from({ length: runs }, () => {
      const t = performance.now();
      load();
      return performance.now() - t;
    }),
  );
  return { queries, ms };
}
