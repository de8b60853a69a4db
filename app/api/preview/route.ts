import type { NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/forms/origin";
import { BODY_LIMITS, BodyTooLarge, readJsonCapped } from "@/lib/http/body";
import { refuse, tooLargeMessage } from "@/lib/http/refuse";
import { MAX_BODY_CHARS } from "@/lib/markdown/limits";
import { renderMarkdown } from "@/lib/markdown/render";

const PreviewInput = z.object({ body: z.string().max(MAX_BODY_CHARS, `A review has at most ${MAX_BODY_CHARS.toLocaleString("en-US")} characters.`) });

// The editor's live preview: the same pipeline that renders the saved review. The body is read
// under its cap and checked against the review's length before anything renders it.
export async function POST(req: NextRequest) {
  const headers = { "cache-control": "no-store" };
  if (!isSameOrigin(req)) return refuse(req, "foreign-origin", 403, "Cross-site request refused.", { json: true });
  if (!(await getCurrentUser())) return Response.json({ error: "Please sign in to preview." }, { status: 401, headers });
  let json: unknown;
  try {
    json = await readJsonCapped(req, BODY_LIMITS.json);
  } catch (err) {
    if (err instanceof BodyTooLarge) return refuse(req, "oversized-body", 413, tooLargeMessage(err.limit, "preview"), { json: true });
    return refuse(req, "malformed-body", 400, "Nothing to preview: the request is not valid JSON.", { json: true });
  }
  const parsed = PreviewInput.safeParse(json);
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "Nothing to preview." }, { status: 422, headers });
  const r = renderMarkdown(parsed.data.body);
  return Response.json({ html: r.html, words: r.words, readingMinutes: r.readingMinutes }, { headers });
}
