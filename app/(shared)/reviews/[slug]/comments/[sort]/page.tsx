import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { COMMENT_SORTS, type CommentSort } from "@/lib/comments/tree";
import { renderReview, reviewMetadata } from "../../review-view";

// The review with its thread in another order: a plain link, so sorting needs no JavaScript.
export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return [{ slug: "_", sort: "newest" }];
}

const isSort = (s: string): s is CommentSort => (COMMENT_SORTS as readonly string[]).includes(s);

export async function generateMetadata({ params }: PageProps<"/reviews/[slug]/comments/[sort]">): Promise<Metadata> {
  const { slug, sort } = await params;
  if (!isSort(sort)) return {};
  return { ...(await reviewMetadata(slug)), robots: { index: false } };
}

export default async function SortedReviewPage({ params }: PageProps<"/reviews/[slug]/comments/[sort]">) {
  const { slug, sort } = await params;
  if (!isSort(sort)) notFound();
  return renderReview(slug, sort);
}
