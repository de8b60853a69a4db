import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { grantOneOff, reachRung } from "./grant";
import { reviewOneOffs } from "./rules";
import { first } from "@/db/query";

/** A published review climbs its author's reviews ladder, and a first scored or spoiler review earns its one-off. */
export async function badgesOnReviewPublished(w: Write, e: EventMap["review.published"]) {
  if (!e.authorId) return;
  const source = { reviewId: e.reviewId };
  // The author's count as the contributions subscriber left it, this review included.
  const author = await first(w.tx.select({ reviewCount: users.reviewCount }).from(users).where(eq(users.id, e.authorId)));
  if (author) await reachRung(w, e.authorId, "reviews", author.reviewCount, source);
  for (const slug of reviewOneOffs(e)) await grantOneOff(w, e.authorId, slug, source);
}
