import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/session";
import { PERIODS, RANK_BY, ownRank, type Period, type RankBy } from "@/lib/rankings/queries";

const headers = { "cache-control": "private, no-store" };

/** The signed-in viewer's own rank in one ranking, for the static Ranking page. */
export async function GET(req: NextRequest) {
  const by = req.nextUrl.searchParams.get("by") ?? "points";
  const period = req.nextUrl.searchParams.get("period") ?? "all";
  if (!RANK_BY.includes(by as RankBy) || !PERIODS.includes(period as Period)) {
    return Response.json({ error: "Rank by points, upvotes or reviews, over all time or this month." }, { status: 400, headers });
  }
  const user = await getCurrentUser();
  if (!user) return Response.json({ signedIn: false, rank: null, value: 0, page: 1 }, { headers });
  const mine = await ownRank(getDb(), user.id, by as RankBy, period as Period);
  return Response.json({ signedIn: true, rank: mine?.rank ?? null, value: mine?.value ?? 0, page: mine?.page ?? 1 }, { headers });
}
