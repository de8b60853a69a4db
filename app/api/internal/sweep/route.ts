import { getDb } from "@/lib/db";
import { bootToken } from "@/lib/boot";
import { expireChanges } from "@/lib/cache/expire";
import { sweep } from "@/lib/maintenance/sweep";

// Called by this process every few minutes: members whose first week just ended lose the "New"
// marker (and the pages that show their name render afresh), members of a year get their badge,
// a new month resets the Ranking's "this month", and sign-outs of expired tokens are forgotten.
export async function POST(req: Request) {
  const token = bootToken();
  if (!token || req.headers.get("x-marquee-boot") !== token) return new Response(null, { status: 404 });
  const { ended, anniversaries, changes } = await sweep(getDb(), new Date());
  expireChanges(changes);
  return Response.json({ ended, anniversaries });
}
