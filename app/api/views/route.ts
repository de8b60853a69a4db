import type { NextRequest } from "next/server";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/address";
import { expireChanges } from "@/lib/cache/expire";
import { withCtx } from "@/lib/context";
import { getCurrentUser } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/forms/origin";
import { BODY_LIMITS } from "@/lib/http/body";
import { requestCtx } from "@/lib/http/ctx";
import { readJsonRequest, refuse } from "@/lib/http/refuse";
import { recordView } from "@/lib/reviews/record-view";
import { isLikelyBot, viewerKey } from "@/lib/reviews/viewer-key";

const ViewInput = z.object({ postId: z.coerce.number().int().positive() });

// Sent by the review page once it has loaded: counts the reader, answers the current count.
// The cached page is not re-rendered for a view; the count on it is refreshed in place.
export async function POST(req: NextRequest) {
  const headers = { "cache-control": "no-store" };
  const read = await readJsonRequest(req, isSameOrigin(req), BODY_LIMITS.small, { name: "request", malformed: "Which review? The request is not valid JSON." });
  if ("refused" in read) return read.refused;
  const parsed = ViewInput.safeParse(read.json);
  if (!parsed.success) return refuse(req, "malformed-body", 400, "Which review?", { json: true });
  const ua = req.headers.get("user-agent");
  const user = await getCurrentUser();
  const now = new Date();
  const viewer = isLikelyBot(ua)
    ? null
    : { key: viewerKey(user?.id ?? null, clientAddress(req), ua ?? "", now.toISOString().slice(0, 10)), userId: user?.id ?? null };
  // The day the key is salted with is the day the view counts on.
  const ctx = withCtx(requestCtx(req), { now });
  const res = await recordView(ctx, { reviewId: parsed.data.postId, viewer });
  if (!res) return Response.json({ error: "No such published review." }, { status: 404, headers });
  expireChanges(res.changes);
  return Response.json({ counted: res.counted, views: res.views }, { headers });
}
