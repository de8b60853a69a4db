import type { Metadata } from "next";
import { DEFAULT_SORT } from "@/lib/comments/tree";
import { renderReview, reviewMetadata } from "./review-view";

// Shared page: fully static, rendered on first visit and cached until a write expires its tags.
export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return [{ slug: "_" }];
}

export async function generateMetadata({ params }: PageProps<"/reviews/[slug]">): Promise<Metadata> {
  return reviewMetadata((await params).slug);
}

export default async function ReviewPage({ params }: PageProps<"/reviews/[slug]">) {
  return renderReview((await params).slug, DEFAULT_SORT);
}
