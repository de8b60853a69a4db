// Badge costs: the work a vote adds for badges (in process), and a Ranking of 20,000 members.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { bumpMonth, monthOf, reachRung } from "@/lib/badges/grant";
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

/** 20,000 members with points, upvotes and reviews spread like a real site's (a few high, most low). */
export function makeRankedMembers(db: DB, n: number): string[] {
  const month = monthOf(new Date());
  const ids: string[] = [];
  writeTx(db, (tx) => {
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      ids.push(id);
      const skew = Math.pow(Math.random(), 4);
      const points = Math.floor(skew * 200);
      const upvotes = Math.floor(skew * 3000);
      const reviews = Math.floor(skew * 60);
      const at = Date.now() - Math.floor(Math.random() * 300 * 86_400_000);
      tx.run(sql`insert into users (id, username, username_key, name, created_at, badge_points, points_reached_at,
        upvotes_received, upvotes_reached_at, review_count, reviews_reached_at, is_new)
        values (${id}, ${`ranked_${i}`}, ${`ranked_${i}`}, ${`Ranked Member ${i}`}, ${at}, ${points}, ${at}, ${upvotes}, ${at}, ${reviews}, ${at}, 0)`);
      if (i % 3 === 0) {
        tx.run(sql`insert into monthly_scores (user_id, month, points, points_at, upvotes, upvotes_at, reviews, reviews_at)
          values (${id}, ${month}, ${Math.floor(points / 10)}, ${at}, ${Math.floor(upvotes / 10)}, ${at}, ${Math.floor(reviews / 10)}, ${at})`);
      }
    }
  });
  return ids;
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
