import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RevisionHistory } from "./history-view";
import { loadHistory } from "./load-history";

// Shared page: fully static, rendered on first visit and cached until a write expires its tags.
// Which two revisions to compare lives in the path (./[pair]), never in the query string.
export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return [{ slug: "_" }];
}

export async function generateMetadata({ params }: PageProps<"/reviews/[slug]/revisions">): Promise<Metadata> {
  const history = await loadHistory((await params).slug, 0, 0);
  return history ? { title: `Revision history of “${history.review.title}”`, robots: { index: false } } : {};
}

export default async function RevisionsPage({ params }: PageProps<"/reviews/[slug]/revisions">) {
  const history = await loadHistory((await params).slug, 0, 0);
  if (!history) notFound();
  return <RevisionHistory history={history} />;
}
