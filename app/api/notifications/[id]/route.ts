import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/session";
import { notFound } from "@/lib/errors";
import { handleForm } from "@/lib/forms/route";
import { memberCtx } from "@/lib/http/ctx";
import { openNotification } from "@/lib/notifications/open-notification";
import { notificationHref } from "@/lib/notifications/queries";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
const idOf = (raw: string) => (/^\d{1,15}$/.test(raw) ? Number(raw) : 0);

/** Following a notice (its button posts here, with or without JavaScript): it is marked read and the reader lands on what it is about. */
export async function POST(req: NextRequest, ctx: RouteContext<"/api/notifications/[id]">) {
  const n = idOf((await ctx.params).id);
  return handleForm(
    req,
    () => null,
    async () => {
      const c = await memberCtx(req, "Please sign in to see your notifications.");
      const opened = n ? await openNotification(c, { id: n }) : null;
      if (!opened?.href) throw notFound("There is no such notification.");
      return { redirect: opened.href, changes: opened.changes };
    },
    { signInReturnsTo: () => "/notifications" },
  );
}

/**
 * The address older pages linked to. A GET changes nothing (a prefetch, a crawler or a link in
 * another site must not mark a notice read): it only leads to what the notice is about.
 */
export async function GET(_req: Request, ctx: RouteContext<"/api/notifications/[id]">) {
  const n = idOf((await ctx.params).id);
  const user = await getCurrentUser();
  if (!user) return seeOther(`/signin?callbackUrl=${encodeURIComponent("/notifications")}`);
  const href = n ? await notificationHref(getDb(), user.id, n) : null;
  if (!href) return new Response("There is no such notification.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return seeOther(href);
}
