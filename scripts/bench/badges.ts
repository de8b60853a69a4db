// Badge costs: the work a vote adds for badges, and the Ranking queries (in process).
import type { DB } from "@/db";
import { reachRung } from "@/lib/badges/grant";
import { makeCtx } from "@/lib/context";
import { ownRank, rankingPage } from "@/lib/rankings/queries";
import { bumpMonth } from "@/lib/rankings/standings";
import { castVote } from "@/lib/votes/cast-vote";
import { write } from "@/lib/write";
import { median } from "./sample-review";

const p50 = (xs: number[]) => median(xs);
const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

/**
 * p50 of castVote (an upvote, then its undo) and of the badge work inside it alone: the month's
 * standing and the rung check (no rung at the new count, so no grant: the common case).
 */
export async function measureVoteBadgeCost(db: DB, voterIds: string[], reviewId: number, authorId: string, runs = 400) {
  const votes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ctx = makeCtx(db, { actor: { id: voterIds[i % voterIds.length]!, role: "member" } });
    votes.push(await time(() => castVote(ctx, { type: "review", id: String(reviewId), value: "up" })));
    await castVote(ctx, { type: "review", id: String(reviewId), value: "none" });
  }
  const badgeWork: number[] = [];
  const ctx = makeCtx(db);
  for (let i = 0; i < runs; i++) {
    badgeWork.push(
      await time(() =>
        write(ctx, async (w) => {
          await bumpMonth(w, authorId, w.now, { upvotes: 1 });
          await reachRung(w, authorId, "upvotes", 7, { reviewId });
          await bumpMonth(w, authorId, w.now, { upvotes: -1 });
          return {};
        }),
      ),
    );
  }
  return { voteP50: p50(votes), badgeP50: p50(badgeWork) };
}

/** In process: p50 of one ranking page query and of one member's own rank (far down the list). */
export async function measureRankingQueries(db: DB, memberId: string, runs = 200) {
  const page: number[] = [];
  const own: number[] = [];
  const month: number[] = [];
  for (let i = 0; i < runs; i++) {
    page.push(await time(() => rankingPage(db, "points", "all", 1)));
    month.push(await time(() => rankingPage(db, "upvotes", "month", 1)));
    own.push(await time(() => ownRank(db, memberId, "points", "all")));
  }
  return { pageP50: p50(page), monthP50: p50(month), ownP50: p50(own) };
}
