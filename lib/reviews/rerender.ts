import { and, eq, gt, lt, or } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { posts } from "@/db/schema";
import { RENDERER_VERSION, renderMarkdown } from "@/lib/markdown/render";
import { knownMentions } from "@/lib/users/mentions";

/**
 * Re-renders stored review HTML made by an older renderer (or every row, with `all`), in
 * batches of short transactions so a running server keeps writing. Returns how many changed.
 */
export function rerenderReviews(db: DB, opts: { all?: boolean; batch?: number } = {}) {
  const batch = opts.batch ?? 200;
  let lastId = 0;
  let updated = 0;
  for (;;) {
    const rows = db
      .select({ id: posts.id, bodyMd: posts.bodyMd })
      .from(posts)
      .where(and(gt(posts.id, lastId), opts.all ? undefined : or(lt(posts.rendererVersion, RENDERER_VERSION), gt(posts.rendererVersion, RENDERER_VERSION))))
      .orderBy(posts.id)
      .limit(batch)
      .all();
    if (rows.length === 0) return { updated };
    const rendered = rows.map((r) => ({ id: r.id, out: renderMarkdown(r.bodyMd, { mentions: knownMentions(db, r.bodyMd) }) }));
    writeTx(db, (tx) => {
      for (const { id, out } of rendered) {
        tx.update(posts)
          .set({ bodyHtml: out.html, excerpt: out.excerpt, wordCount: out.words, readingMinutes: out.readingMinutes, rendererVersion: RENDERER_VERSION })
          .where(eq(posts.id, id))
          .run();
      }
    });
    updated += rows.length;
    lastId = rows[rows.length - 1]!.id;
  }
}
