import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cacheLife, cacheTag } from "next/cache";
import { BadgeIcon } from "@/components/badges/badge-icon";
import { VotersView, votersPage } from "@/components/votes/voters-view";
import { getDb } from "@/lib/db";
import { BADGE_BY_SLUG } from "@/lib/badges/catalog";
import { HOLDERS_PAGE_SIZE, listHolders } from "@/lib/badges/queries";
import { ALL_TAG, BADGES_TAG, badgeTag } from "@/lib/cache/tags";
import "@/components/badges/badges.css";
import { pointsLabel } from "@/lib/count-labels";

// Shared page: a badge and its holders, first to earn it first; cached until someone earns it.
export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return [{ slug: "_", page: [] }];
}

export async function generateMetadata({ params }: PageProps<"/badges/[slug]/[[...page]]">): Promise<Metadata> {
  const badge = BADGE_BY_SLUG.get((await params).slug);
  return badge ? { title: `${badge.name} — badge`, description: badge.rule } : {};
}

async function load(slug: string, page: number) {
  "use cache";
  cacheLife("max");
  cacheTag(ALL_TAG, BADGES_TAG, badgeTag(slug));
  const { total, holders } = await listHolders(getDb(), slug, page);
  if (page > 1 && (page - 1) * HOLDERS_PAGE_SIZE >= total) return null;
  return { total, holders: holders.map((h) => ({ ...h, votedAt: h.grantedAt })) };
}

export default async function BadgePage({ params }: PageProps<"/badges/[slug]/[[...page]]">) {
  const { slug, page: segments } = await params;
  const badge = BADGE_BY_SLUG.get(slug);
  const page = votersPage(segments);
  const data = badge && page ? await load(slug, page) : null;
  if (!badge || !page || !data) notFound();
  const base = `/badges/${slug}`;
  return (
    <div className="badge-page">
      <div className="badge-card badge-page__badge">
        <BadgeIcon icon={badge.icon} tier={badge.tier} size={56} />
        <div>
          <p className="badge-card__rule">{badge.rule}</p>
          <p className="muted">
            <span className={`tier tier--${badge.tier}`}>{badge.tier}</span> · {pointsLabel(badge.points)}
          </p>
        </div>
      </div>
      <VotersView
        eyebrow="Badge"
        title={badge.name}
        titleHref="/badges"
        total={data.total}
        voters={data.holders}
        page={page}
        pageHref={(n) => (n === 1 ? base : `${base}/${n}`)}
        wording={{
          summary: (n) => (n === 0 ? "Nobody holds it yet." : n === 1 ? "1 member holds it." : `${n.toLocaleString("en-US")} members hold it, first to earn it first.`),
          pager: "Pages of holders",
          prev: "← Earlier",
          next: "Later →",
        }}
      />
    </div>
  );
}
