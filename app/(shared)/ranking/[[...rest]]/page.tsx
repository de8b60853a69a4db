import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cacheLife, cacheTag } from "next/cache";
import Link from "@/components/link";
import { OwnRank } from "@/components/badges/own-rank";
import { NewMarker } from "@/components/new-marker";
import { getDb } from "@/lib/db";
import { monthOf } from "@/lib/rankings/standings";
import { PERIODS, RANK_BY, RANKING_PAGE_SIZE, rankingPage, type Period, type RankBy } from "@/lib/rankings/queries";
import { ALL_TAG, RANKING_TAG } from "@/lib/cache/tags";
import { parseRankingRest } from "@/lib/pages/params";
import { avatarUrl } from "@/lib/users/avatar";
import "@/components/badges/badges.css";
import { countLabel } from "@/lib/count-labels";
import { formatMonthYear } from "@/lib/format";

// Shared page: everyone sees the same Ranking; the viewer's own rank comes from /api/ranking/me.
export const ensureStatic = "navigation";
export const metadata: Metadata = { title: "Ranking", description: "Members ranked by badge points, upvotes received and reviews published." };

export async function generateStaticParams() {
  return [{ rest: [] }];
}

const BY_LABEL: Record<RankBy, string> = { points: "Badge points", upvotes: "Upvotes received", reviews: "Reviews published" };
const UNIT: Record<RankBy, [string, string]> = { points: ["point", "points"], upvotes: ["upvote", "upvotes"], reviews: ["review", "reviews"] };

// One rule with the proxy, which answers 404 for an address that is not a ranking.
const parse = parseRankingRest;

const rankingHref = (by: RankBy, period: Period, page = 1) =>
  page > 1 ? `/ranking/${by}/${period}/${page}` : period !== "all" ? `/ranking/${by}/${period}` : by !== "points" ? `/ranking/${by}` : "/ranking";

async function load(by: RankBy, period: Period, page: number) {
  "use cache";
  cacheLife("max");
  cacheTag(ALL_TAG, RANKING_TAG);
  // "This month" is the month of this render; the sweep expires the Ranking when a month begins.
  const month = monthOf(new Date());
  return { month, ...(await rankingPage(getDb(), by, period, page, month)) };
}

const monthName = (month: string) => formatMonthYear(new Date(`${month}-01T00:00:00Z`));

export default async function RankingPage({ params }: PageProps<"/ranking/[[...rest]]">) {
  const q = parse((await params).rest);
  const data = q ? await load(q.by, q.period, q.page) : null;
  if (!q || !data || (q.page > 1 && data.rows.length === 0)) notFound();
  const { by, period, page } = q;
  const pages = Math.max(1, Math.ceil(data.total / RANKING_PAGE_SIZE));
  const [one, many] = UNIT[by];
  return (
    <div className="ranking">
      <h1>Ranking</h1>
      <p className="muted">
        Who has earned the most on Marquee. Ties go to whoever got there first. See what earns points in <Link href="/badges">the badge catalog</Link>.
      </p>
      <nav className="feed-tabs" aria-label="Rank by">
        <ul>
          {RANK_BY.map((b) => (
            <li key={b}>
              <Link href={rankingHref(b, period)} aria-current={b === by ? "page" : undefined}>
                {BY_LABEL[b]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="filter-row">
        {PERIODS.map((p) =>
          p === period ? (
            <strong key={p}>{p === "all" ? "All time" : `This month (${monthName(data.month)})`}</strong>
          ) : (
            <Link key={p} href={rankingHref(by, p)}>
              {p === "all" ? "All time" : "This month"}
            </Link>
          ),
        )}
      </p>
      <OwnRank by={by} period={period} unit={UNIT[by]} />
      {data.rows.length === 0 ? (
        <p className="empty">{period === "month" ? "Nobody has scored this month yet." : "Nobody has scored yet."}</p>
      ) : (
        <ol className="rank-list" data-testid="rank-list">
          {data.rows.map((r) => (
            <li key={r.username} data-user={r.username.toLowerCase()}>
              <span className="rank-list__rank">#{r.rank}</span>
              <img src={avatarUrl(r)} alt="" width={28} height={28} className="avatar" loading="lazy" />
              <span>
                <Link href={`/u/${r.username}`}>
                  <bdi>{r.name}</bdi>
                </Link>
                <NewMarker isNew={r.isNew} />
              </span>
              <span className="rank-list__value">
                {countLabel(r.value, one, many)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 ? (
        <nav className="pager" aria-label="Pages of the ranking">
          {page > 1 ? <Link href={rankingHref(by, period, page - 1)}>← Higher</Link> : <span />}
          {page < pages ? <Link href={rankingHref(by, period, page + 1)}>Lower →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
