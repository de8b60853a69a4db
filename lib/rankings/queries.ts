import { sql } from "drizzle-orm";
import type { DB } from "@/db";
import { users } from "@/db/schema";
import { msOf } from "@/db/sql";
import { monthOf } from "./standings";
import { rawFirst, rawRows } from "@/db/query";

export const RANKING_PAGE_SIZE = 50;
export const RANK_BY = ["points", "upvotes", "reviews"] as const;
export type RankBy = (typeof RANK_BY)[number];
export const PERIODS = ["all", "month"] as const;
export type Period = (typeof PERIODS)[number];

export type Ranked = { rank: number; username: string; name: string; image: string | null; isNew: boolean; value: number };

// What each ranking orders by: the value, then who reached it first, then who joined first.
const ALL_TIME: Record<RankBy, { value: string; at: string }> = {
  points: { value: "u.badge_points", at: "u.points_reached_at" },
  upvotes: { value: "u.upvotes_received", at: "u.upvotes_reached_at" },
  reviews: { value: "u.review_count", at: "u.reviews_reached_at" },
};
const MONTHLY: Record<RankBy, { value: string; at: string }> = {
  points: { value: "m.points", at: "m.points_at" },
  upvotes: { value: "m.upvotes", at: "m.upvotes_at" },
  reviews: { value: "m.reviews", at: "m.reviews_at" },
};

function source(by: RankBy, period: Period, month: string) {
  const col = period === "all" ? ALL_TIME[by] : MONTHLY[by];
  const from =
    period === "all"
      ? sql`from users u where u.is_system = false and ${sql.raw(col.value)} > 0`
      : sql`from monthly_scores m join users u on u.id = m.user_id where m.month = ${month} and u.is_system = false and ${sql.raw(col.value)} > 0`;
  // When the value was reached, as ms (0 when unknown: first among equals).
  return { from, value: sql.raw(col.value), at: sql`coalesce(${msOf(sql.raw(col.at))}, 0)` };
}

/**
 * Whether a ranking has rows on `page`, read from the value's index alone (no row lookups, so a
 * far page costs a walk of the index, not of the table). It counts the system account too (never
 * ranked), so at most one page past the last can pass.
 */
export async function rankingReaches(db: DB, by: RankBy, period: Period, page: number, month = monthOf(new Date())): Promise<boolean> {
  const column = sql.raw((period === "all" ? ALL_TIME : MONTHLY)[by].value.slice(2));
  const skip = (page - 1) * RANKING_PAGE_SIZE;
  const row =
    period === "all"
      ? await rawFirst(db, sql`select 1 as ok from users where ${column} > 0 order by ${column} desc limit 1 offset ${skip}`)
      : await rawFirst(db, sql`select 1 as ok from monthly_scores where month = ${month} and ${column} > 0 order by ${column} desc limit 1 offset ${skip}`);
  return row !== undefined;
}

/** One page of a ranking; `month` is the calendar month "this month" means (UTC "2026-11"). */
export async function rankingPage(db: DB, by: RankBy, period: Period, page: number, month = monthOf(new Date())) {
  const s = source(by, period, month);
  const total = (await rawFirst<{ n: number }>(db, sql`select count(*) as n ${s.from}`))!.n;
  const rows = await rawRows<Omit<Ranked, "rank" | "isNew"> & { isNew: number | boolean }>(db, sql`
    select u.username as username, u.name as name, u.image as image, u.is_new as "isNew", ${s.value} as value
    ${s.from}
    order by ${s.value} desc, ${s.at} asc, u.created_at asc, u.id asc
    limit ${RANKING_PAGE_SIZE} offset ${(page - 1) * RANKING_PAGE_SIZE}`);
  const first = (page - 1) * RANKING_PAGE_SIZE + 1;
  // A raw row's boolean: 0/1 from SQLite, true/false from PostgreSQL.
  return { total, rows: rows.map((r, i): Ranked => ({ ...r, isNew: !!r.isNew, rank: first + i })) };
}

/** A member's own place in a ranking ("You are #412"), or null when they have nothing there yet. */
export async function ownRank(db: DB, userId: string, by: RankBy, period: Period, month = monthOf(new Date())) {
  const s = source(by, period, month);
  const me = await rawFirst<{ value: number; at: number; createdAt: number; id: string }>(db, sql`select ${s.value} as value, ${s.at} as at, ${msOf(sql.raw("u.created_at"))} as "createdAt", u.id as id ${s.from} and u.id = ${userId}`);
  if (!me) return null;
  const joined = sql.param(new Date(me.createdAt), users.createdAt);
  // Two counts, each a range of the value's index: everyone above, then those level who got there first.
  const above = (await rawFirst<{ n: number }>(db, sql`select count(*) as n ${s.from} and ${s.value} > ${me.value}`))!.n;
  const level = (await rawFirst<{ n: number }>(db, sql`
    select count(*) as n ${s.from} and ${s.value} = ${me.value} and (${s.at} < ${me.at}
      or (${s.at} = ${me.at} and (u.created_at < ${joined} or (u.created_at = ${joined} and u.id < ${me.id}))))`))!.n;
  const ahead = above + level;
  const rank = ahead + 1;
  return { rank, value: me.value, page: Math.ceil(rank / RANKING_PAGE_SIZE) };
}
