import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cacheLife, cacheTag } from "next/cache";
import { getDb } from "@/lib/db";
import { ALL_TAG, tagTag } from "@/lib/cache/tags";
import { listFeed } from "@/lib/reviews/queries";
import { TAG_PATTERN } from "@/lib/reviews/schemas";
import { ReviewList } from "@/components/review/review-list";

export const ensureStatic = "navigation";
const SHOWN = 50;

export async function generateStaticParams() {
  return [{ tag: "_" }];
}

async function loadTag(tag: string) {
  "use cache";
  cacheLife("max");
  cacheTag(ALL_TAG, tagTag(tag));
  return (await listFeed(getDb(), { tab: "new", tag, limit: SHOWN })).items;
}

export async function generateMetadata({ params }: PageProps<"/tags/[tag]">): Promise<Metadata> {
  return { title: `#${(await params).tag}` };
}

export default async function TagPage({ params }: PageProps<"/tags/[tag]">) {
  const { tag } = await params;
  if (!TAG_PATTERN.test(tag)) notFound();
  const reviews = await loadTag(tag);
  if (reviews.length === 0) notFound();
  return (
    <div className="tag-page">
      <p className="eyebrow">Tag</p>
      <h1>#{tag}</h1>
      <ReviewList reviews={reviews} src={`/tags/${tag}`} />
      {reviews.length === SHOWN ? <p className="muted">Showing the {SHOWN} newest reviews with this tag.</p> : null}
    </div>
  );
}
