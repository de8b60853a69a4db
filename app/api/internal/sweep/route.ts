import { getDb } from "@/lib/db";
import { bootToken } from "@/lib/boot";
import { forgetExpiredRevocations } from "@/lib/auth/revocation";
import { endFirstWeeks } from "@/lib/users/newcomer";
import { expirePresence } from "@/lib/users/presence";
import { expireBadgeTags } from "@/lib/badges/effects";
import { monthOf } from "@/lib/badges/grant";
import { grantAnniversaries } from "@/lib/badges/sweep";
import { RANKING_TAG, expireTags } from "@/lib/cache/tags";

let lastMonth: string | null = null;

// Called by this process every few minutes: members whose first week just ended lose the "New"
// marker (and the pages that show their name render afresh), members of a year get their badge,
// a new month resets the Ranking's "this month", and sign-outs of expired tokens are forgotten.
export async function POST(req: Request) {
  const token = bootToken();
  if (!token || req.headers.get("x-marquee-boot") !== token) return new Response(null, { status: 404 });
  const db = getDb();
  const now = new Date();
  const ended = endFirstWeeks(db, now);
  forgetExpiredRevocations(db, now);
  expirePresence(db, ended);
  const anniversaries = grantAnniversaries(db, now);
  expireBadgeTags(anniversaries);
  // A new month starts the Ranking's "this month" afresh.
  const month = monthOf(now);
  if (lastMonth && month !== lastMonth) expireTags([RANKING_TAG]);
  lastMonth = month;
  return Response.json({ ended: ended.length, anniversaries: anniversaries.length });
}
