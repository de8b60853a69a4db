// Badge costs: the work a vote adds for badges, and the Ranking queries (in process).
import { writeTx, type DB } from "@/db";
import { bumpMonth, reachRung } from "@/lib/badges/grant";
import { ownRank, rankingPage } from "@/lib/badges/ranking";
import { castVote } from "@/lib/votes/cast-vote";
import { median } from "./sample-review";

const p50 = (xs: number[]) => median(xs);
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

/**
 * p50 of castVote (an upvote, then its undo) and of the badge work inside it alone: the month's
 * standing and the rung check (no rung at the new count, so no grant: the common case).
 */
export function measureVoteBadgeCost(db: DB, voterIds: string[], reviewId: number, authorId: string, runs = 400) {
  const votes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const actor = { id: voterIds[i % voterIds.length]!, role: "member" as const };
    votes.push(time(() => castVote(db, actor, { type: "review", id: String(reviewId), value: "up" })));
    castVote(db, actor, { type: "review", id: String(reviewId), value: "none" });
  }
  const badgeWork: number[] = [];
  const now = new Date();
  for (let i = 0; i < runs; i++) {
    badgeWork.push(
      time(() =>
        writeTx(db, (tx) => {
          bumpMonth(tx, authorId, now, { upvotes: 1 });
          reachRung(tx, authorId, "upvotes", 7, { postId: reviewId }, now);
          bumpMonth(tx, authorId, now, { upvotes: -1 });
        }),
      ),
    );
  }
  return { voteP50: p50(votes), badgeP50: p50(badgeWork) };
}

/** In process: p50 of one ranking page query and of one member's own rank (far down the list). */
export function measureRankingQueries(db: DB, memberId: string, runs = 200) {
  const page: number[] = [];
  const own: number[] = [];
  const month: number[] = [];
  for (let i = 0; i < runs; i++) {
    page.push(time(() => rankingPage(db, "points", "all", 1)));
    month.push(time(() => rankingPage(db, "upvotes", "month", 1)));
    own.push(time(() => ownRank(db, memberId, "points", "all")));
  }
  return { pageP50: p50(page), monthP50: p50(month), ownP50: p50(own) };
}
