import { and, eq, gt, lt, or } from "drizzle-orm";
import type { DB } from "@/db";
import { reviews } from "@/db/schema";
import { makeCtx } from "@/lib/context";
import { RENDERER_VERSION, renderMarkdown } from "@/lib/markdown/render";
import { knownMentions } from "@/lib/users/mentions";
import { write } from "@/lib/write";

/**
 * Re-renders stored review HTML made by an older renderer (or every row, with `all`), in
 * batches of short transactions so a running server keeps writing. Returns how many changed.
 */
export async function rerenderReviews(db: DB, opts: { all?: boolean; batch?: number } = {}) {
  const batch = opts.batch ?? 200;
  const ctx = makeCtx(db);
  let lastId = 0;
  let updated = 0;
  for (;;) {
    const rows = await db
      .select({ id: reviews.id, bodyMd: reviews.bodyMd })
      .from(reviews)
      .where(and(gt(reviews.id, lastId), opts.all ? undefined : or(lt(reviews.rendererVersion, RENDERER_VERSION), gt(reviews.rendererVersion, RENDERER_VERSION))))
      .orderBy(reviews.id)
      .limit(batch);
    if (rows.length === 0) return { updated };
    // Rendering happens outside the transaction; only the stores run inside it.
    const rendered: { id: number; out: ReturnType<typeof renderMarkdown> }[] = [];
    for (const r of rows) rendered.push({ id: r.id, out: renderMarkdown(r.bodyMd, { mentions: await knownMentions(db, r.bodyMd) }) });
    await write(ctx, async (w) => {
      for (const { id, out } of rendered) {
        await w.tx
          .update(reviews)
          .set({ bodyHtml: out.html, excerpt: out.excerpt, wordCount: out.words, readingMinutes: out.readingMinutes, rendererVersion: RENDERER_VERSION })
          .where(eq(reviews.id, id));
        w.changes.reviews.add(id);
      }
      return {};
    });
    updated += rows.length;
    lastId = rows[rows.length - 1]!.id;
  }
}
