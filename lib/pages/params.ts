import { PERIODS, RANK_BY, type Period, type RankBy } from "@/lib/rankings/queries";

/**
 * A pager's page from an optional last segment: none → 1; "2" and up → that page; anything else
 * (and "1", which lives at the bare address) → null, a 404.
 */
export function pageParam(segments: string[] | undefined): number | null {
  if (!segments || segments.length === 0) return 1;
  if (segments.length > 1 || !/^[1-9]\d{0,6}$/.test(segments[0]!)) return null;
  const n = Number(segments[0]);
  return n === 1 ? null : n;
}

/** Whether `page` (1-based, `size` rows a page) has rows when the list holds `total`: page 1 always does. */
export const pageInRange = (page: number, size: number, total: number) => page === 1 || (page - 1) * size < total;

/** /ranking[/by[/period[/page]]] → what to show, or null for an address that is not a ranking. */
export function parseRankingRest(rest: string[] | undefined): { by: RankBy; period: Period; page: number } | null {
  const [by = "points", period = "all", page = "1", ...extra] = rest ?? [];
  if (extra.length || !RANK_BY.includes(by as RankBy) || !PERIODS.includes(period as Period) || !/^[1-9]\d{0,5}$/.test(page)) return null;
  return { by: by as RankBy, period: period as Period, page: Number(page) };
}

/** A feed or profile cursor's shape (the rest is decided by the review it names). */
export const CURSOR_PATTERN = /^[\w-]{4,200}$/;
