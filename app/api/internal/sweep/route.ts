import { getDb } from "@/db";
import { bootToken } from "@/lib/boot";
import { endFirstWeeks } from "@/lib/users/newcomer";
import { expirePresence } from "@/lib/users/presence";

// Called by this process every few minutes: members whose first week just ended lose the "New"
// marker, and the pages that show their name render afresh.
export async function POST(req: Request) {
  const token = bootToken();
  if (!token || req.headers.get("x-marquee-boot") !== token) return new Response(null, { status: 404 });
  const db = getDb();
  const ended = endFirstWeeks(db, new Date());
  expirePresence(db, ended);
  return Response.json({ ended: ended.length });
}
