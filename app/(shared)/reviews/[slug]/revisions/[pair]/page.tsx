import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseRevisionPair } from "@/lib/reviews/diff";
import { RevisionHistory } from "../history-view";
import { loadHistory } from "../load-history";

// Shared page: the revision history comparing two chosen revisions, "2...3" in the path.
export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return [{ slug: "_", pair: "_" }];
}

async function load(params: PageProps<"/reviews/[slug]/revisions/[pair]">["params"]) {
  const { slug, pair } = await params;
  const parsed = parseRevisionPair(pair);
  return parsed ? loadHistory(slug, parsed.from, parsed.to) : null;
}

export async function generateMetadata({ params }: PageProps<"/reviews/[slug]/revisions/[pair]">): Promise<Metadata> {
  const history = await load(params);
  const c = history?.comparison;
  return history && c ? { title: `Revisions ${c.from} and ${c.to} of “${history.review.title}”`, robots: { index: false } } : {};
}

export default async function RevisionPairPage({ params }: PageProps<"/reviews/[slug]/revisions/[pair]">) {
  const history = await load(params);
  if (!history) notFound();
  return <RevisionHistory history={history} />;
}
