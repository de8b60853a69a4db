import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FeedTabs, FeedView, isFeedTab } from "@/components/feed/feed-view";

export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return [{ tab: "new", cursor: "_" }];
}

export const metadata: Metadata = { title: "Older reviews" };

export default async function FeedPage({ params }: PageProps<"/feed/[tab]/[cursor]">) {
  const { tab, cursor } = await params;
  if (!isFeedTab(tab) || !/^[\w-]{4,200}$/.test(cursor)) notFound();
  return (
    <div className="feed-page">
      <h1 className="page-title">Older reviews</h1>
      <FeedTabs current={tab} />
      <FeedView tab={tab} cursor={cursor} />
    </div>
  );
}
