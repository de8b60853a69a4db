import type { Metadata } from "next";
import { cacheLife, cacheTag } from "next/cache";
import Link from "@/components/link";
import { BadgeIcon } from "@/components/badges/badge-icon";
import { getDb } from "@/lib/db";
import { LADDER_SPECS, LADDERS, TIER_POINTS } from "@/lib/badges/catalog";
import { listCatalog } from "@/lib/badges/queries";
import { ALL_TAG, BADGES_TAG } from "@/lib/cache/tags";
import "@/components/badges/badges.css";
import { pointsLabel } from "@/lib/count-labels";

export const metadata: Metadata = { title: "Badges", description: "Every badge on Marquee, what earns it and how many members hold it." };

async function load() {
  "use cache";
  cacheLife("max");
  cacheTag(ALL_TAG, BADGES_TAG);
  return await listCatalog(getDb());
}

const holders = (n: number) => (n === 0 ? "Nobody yet" : n === 1 ? "1 holder" : `${n.toLocaleString("en-US")} holders`);

export default async function BadgesPage() {
  const catalog = await load();
  const card = (b: (typeof catalog)[number]) => (
    <li key={b.slug} className="badge-card">
      <BadgeIcon icon={b.icon} tier={b.tier} />
      <div>
        <h3>
          <Link href={`/badges/${b.slug}`}>{b.name}</Link>
        </h3>
        <p className="badge-card__rule">{b.rule}</p>
        <p className="muted">
          <span className={`tier tier--${b.tier}`}>{b.tier}</span> · {pointsLabel(b.points)} · {holders(b.holders)}
        </p>
      </div>
    </li>
  );
  return (
    <div className="badge-catalog">
      <h1>Badges</h1>
      <p className="muted">
        Badges come as you write, get read and take part. Each is given once, in the moment it is earned, and never taken away. Bronze is worth{" "}
        {TIER_POINTS.bronze} point, silver {TIER_POINTS.silver}, gold {TIER_POINTS.gold}; points decide the <Link href="/ranking">Ranking</Link>.
      </p>
      {LADDERS.map((key) => (
        <section key={key} aria-labelledby={`ladder-${key}`}>
          <h2 id={`ladder-${key}`}>{LADDER_SPECS[key].title}</h2>
          <ul className="badge-grid">{catalog.filter((b) => b.ladder === key).map(card)}</ul>
        </section>
      ))}
      <section aria-labelledby="ladder-once">
        <h2 id="ladder-once">One-off badges</h2>
        <ul className="badge-grid">{catalog.filter((b) => !b.ladder).map(card)}</ul>
      </section>
    </div>
  );
}
