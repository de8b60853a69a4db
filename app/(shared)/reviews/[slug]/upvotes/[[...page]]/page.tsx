import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cacheLife, cacheTag } from "next/cache";
import { VotersView, votersPage, type Voter } from "@/components/votes/voters-view";
import { getDb } from "@/lib/db";
import { ALL_TAG, FEED_TAG, reviewTag } from "@/lib/cache/tags";
import { getReviewBySlug } from "@/lib/reviews/queries";
import { VOTERS_PAGE_SIZE, listVoters } from "@/lib/votes/queries";

// Shared page: who upvoted a review, cached until a vote on it.
export const ensureStatic = "navigation";
export const metadata: Metadata = { title: "Upvotes", robots: { index: false } };

export async function generateStaticParams() {
  return [{ slug: "_", page: [] }];
}

async function load(slug: string, page: number): Promise<{ title: string; total: number; voters: Voter[] } | null> {
  "use cache";
  cacheLife("max");
  const db = getDb();
  const review = await getReviewBySlug(db, slug);
  cacheTag(ALL_TAG, review ? reviewTag(review.id) : FEED_TAG);
  if (!review || review.status !== "published") return null;
  if (page > 1 && (page - 1) * VOTERS_PAGE_SIZE >= review.upvoteCount) return null;
  return { title: review.title, total: review.upvoteCount, voters: await listVoters(db, "review", review.id, page) };
}

export default async function ReviewUpvotesPage({ params }: PageProps<"/reviews/[slug]/upvotes/[[...page]]">) {
  const { slug, page: segments } = await params;
  const page = votersPage(segments);
  const data = page ? await load(slug, page) : null;
  if (!page || !data) notFound();
  const base = `/reviews/${slug}/upvotes`;
  return (
    <VotersView
      eyebrow="Who upvoted"
      title={data.title}
      titleHref={`/reviews/${slug}`}
      total={data.total}
      voters={data.voters}
      page={page}
      pageHref={(n) => (n === 1 ? base : `${base}/${n}`)}
    />
  );
}
