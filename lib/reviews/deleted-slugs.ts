import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { posts } from "@/db/schema";

// Slugs of deleted reviews, so the proxy can answer their (static, cached) page with 410
// without a database read per request. Loaded once per process, kept current by the delete route.
const g = globalThis as unknown as { __marqueeDeletedSlugs?: Set<string> };

function load(): Set<string> {
  return (g.__marqueeDeletedSlugs ??= new Set(
    getDb().select({ slug: posts.slug }).from(posts).where(eq(posts.status, "deleted")).all().map((r) => r.slug),
  ));
}

export const isDeletedReviewSlug = (slug: string) => load().has(slug);
export const rememberDeletedReview = (slug: string) => void load().add(slug);
