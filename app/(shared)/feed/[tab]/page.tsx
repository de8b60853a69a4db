import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FeedTabs, FeedView, isFeedTab } from "@/components/feed/feed-view";
import { FEED_TABS } from "@/lib/reviews/queries";

export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return FEED_TABS.map((tab) => ({ tab }));
}

export const metadata: Metadata = { title: "Reviews" };

export default async function FeedTabPage({ params }: PageProps<"/feed/[tab]">) {
  const { tab } = await params;
  if (!isFeedTab(tab)) notFound();
  return (
    <div className="feed-page">
      <h1 className="page-title">Reviews</h1>
      <FeedTabs current={tab} />
      <FeedView tab={tab} />
    </div>
  );
}
