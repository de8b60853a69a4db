import { eq } from "drizzle-orm";
import type { DB } from "@/db";
import { reviews } from "@/db/schema";
import { first } from "@/db/query";
import { isRowId } from "@/lib/row-id";

const positiveInt = (v: FormDataEntryValue | null) => {
  const n = typeof v === "string" ? Number(v) : NaN;
  return isRowId(n) ? n : null;
};

/**
 * The page that shows a comment form on its own (per viewer): a refused post without JavaScript
 * is shown again there, with its text and messages. A reply's is its parent's reply page. Null
 * when there is no such review: the answer is then the message alone.
 */
export async function replyPagePath(db: DB, form: FormData): Promise<string | null> {
  const parentId = positiveInt(form.get("parentId"));
  if (parentId) return `/comments/${parentId}/reply`;
  const reviewId = positiveInt(form.get("reviewId"));
  const review = reviewId ? await first(db.select({ slug: reviews.slug }).from(reviews).where(eq(reviews.id, reviewId))) : undefined;
  return review ? `/reviews/${encodeURIComponent(review.slug)}/reply` : null;
}
