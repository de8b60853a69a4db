import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { openNotification } from "@/lib/notifications/queries";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });

/** Following a notice: it is marked read and the reader lands on what it is about. */
export async function GET(_req: Request, ctx: RouteContext<"/api/notifications/[id]">) {
  const { id } = await ctx.params;
  const user = await getCurrentUser();
  if (!user) return seeOther(`/signin?callbackUrl=${encodeURIComponent("/notifications")}`);
  const n = /^\d{1,15}$/.test(id) ? Number(id) : 0;
  const href = n ? openNotification(getDb(), user.id, n) : null;
  if (!href) return new Response("There is no such notification.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return seeOther(href);
}
