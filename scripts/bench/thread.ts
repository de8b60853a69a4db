// A review with a large discussion for the benchmark, and a count of the queries a page load runs.
import type { DB } from "@/db";
import { sampleDiscussion } from "@/lib/seed/large/text";
import { createComment } from "@/lib/comments/create-comment";
import { makeCtx } from "@/lib/context";
import { listThread } from "@/lib/comments/queries";
import { buildThread } from "@/lib/comments/tree";
import { getReviewBySlug } from "@/lib/reviews/queries";
import { median } from "./sample-review";

/**
 * `n` comments under one review, shaped and written as the large seed's long discussions (threads
 * started and answered, chains, bodies of every kind), so the demo's discussions and the large
 * database's are pages of the same kind. Numbered, so no member repeats a comment.
 */
export async function seedOneTree(db: DB, reviewId: number, authorIds: string[], n: number, start: Date): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, { parent, body }] of sampleDiscussion(n).entries()) {
    const ctx = makeCtx(db, { actor: { id: authorIds[i % authorIds.length]!, role: "member" }, now: new Date(start.getTime() + i * 60_000) });
    const input = { reviewId, parentId: parent < 0 ? null : ids[parent]!, body: `${body} (${i + 1})` };
    ids.push((await createComment(ctx, input)).comment.id);
  }
  return ids;
}

/** What the review page reads for one render, as the number of SQL statements prepared, and the p50 time. */
export async function measurePageData(db: DB, slug: string, runs = 30) {
  const load = async () => {
    const review = (await getReviewBySlug(db, slug))!;
    return buildThread(await listThread(db, review.id));
  };
  // Counts the statements sent: SQLite's prepared statements, or the queries sent to PostgreSQL's pool.
  // eslint-disable-next-line no-restricted-syntax
  const client = db.$client as unknown as Record<"prepare" | "query", (...args: unknown[]) => unknown>;
  const method = typeof client.prepare === "function" ? "prepare" : "query";
  const original = client[method];
  let queries = 0;
  client[method] = (...args: unknown[]) => {
    queries++;
    return original.apply(client, args);
  };
  await load();
  client[method] = original;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await load();
    times.push(performance.now() - t);
  }
  return { queries, ms: median(times) };
}
