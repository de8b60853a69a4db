import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatePage } from "@/components/state-page";

export const metadata: Metadata = { title: "Not yours to change", robots: { index: false } };

// Any other address answers 404 from proxy.ts, before a page is rendered and kept for it.
const WHAT = ["review", "comment"] as const;

export async function generateStaticParams() {
  return WHAT.map((what) => ({ what }));
}

/**
 * What the editor of someone else's review or comment answers, with 403 (proxy.ts rewrites to
 * it): built ahead, as a page must be whose status is known before it streams.
 */
export default async function NotYoursPage({ params }: PageProps<"/not-yours/[what]">) {
  const { what } = await params;
  if (!WHAT.includes(what as (typeof WHAT)[number])) notFound();
  return (
    <StatePage code="403" title={`This is not your ${what}`}>
      Only its author, a moderator or an admin can edit or delete it.
    </StatePage>
  );
}
