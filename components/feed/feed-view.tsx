import Link from "@/components/link";
import { cacheLife, cacheTag } from "next/cache";
import { getDb } from "@/lib/db";
import { ALL_TAG, FEED_TAG } from "@/lib/cache/tags";
import { FEED_TABS, listFeed, type FeedTab } from "@/lib/reviews/queries";
import { ReviewList } from "@/components/review/review-list";

const TAB_LABEL: Record<FeedTab, string> = {
  hot: "Hot",
  new: "New",
  "top-day": "Today",
  "top-week": "This week",
  "top-month": "This month",
  "top-year": "This year",
  "top-all": "All time",
};

export const isFeedTab = (s: string): s is FeedTab => (FEED_TABS as readonly string[]).includes(s);
const feedHref = (tab: FeedTab) => (tab === "hot" ? "/" : `/feed/${tab}`);

export function FeedTabs({ current }: { current: FeedTab }) {
  const top = current.startsWith("top-");
  return (
    <nav className="feed-tabs" aria-label="Sort reviews">
      <ul className="feed-tabs__main">
        {(["hot", "new", "top-week"] as const).map((t) => {
          const active = t === current || (t === "top-week" && top);
          return (
            <li key={t}>
              <Link href={feedHref(t)} aria-current={active ? "page" : undefined}>
                {t === "top-week" ? "Top" : TAB_LABEL[t]}
              </Link>
            </li>
          );
        })}
      </ul>
      {top ? (
        <ul className="feed-tabs__periods" aria-label="Top reviews of">
          {FEED_TABS.filter((t) => t.startsWith("top-")).map((t) => (
            <li key={t}>
              <Link href={feedHref(t)} aria-current={t === current ? "page" : undefined}>
                {TAB_LABEL[t]}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}

/** One page of a feed, cached; "Top" periods also refresh hourly since their window moves with time. */
export async function FeedView({ tab, cursor }: { tab: FeedTab; cursor?: string }) {
  "use cache";
  cacheTag(ALL_TAG, FEED_TAG);
  cacheLife(tab.startsWith("top-") && tab !== "top-all" ? "hours" : "max");
  const { items, nextCursor } = await listFeed(getDb(), { tab, cursor });
  return (
    <section aria-labelledby="feed-heading" className="feed">
      <h2 id="feed-heading" className="visually-hidden">
        {TAB_LABEL[tab]} reviews
      </h2>
      {items.length === 0 ? (
        <p className="empty">{cursor ? "No older reviews." : "No reviews here yet. Write the first one."}</p>
      ) : (
        <ReviewList reviews={items} src={cursor ? `/feed/${tab}/${cursor}` : feedHref(tab)} />
      )}
      {nextCursor ? (
        <p className="pager">
          <Link href={`/feed/${tab}/${nextCursor}`} className="button" rel="next">
            Older reviews →
          </Link>
        </p>
      ) : null}
    </section>
  );
}
