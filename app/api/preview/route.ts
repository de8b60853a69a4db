import type { NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/forms/origin";
import { BODY_LIMITS } from "@/lib/http/body";
import { readJsonRequest } from "@/lib/http/refuse";
import { MAX_BODY_CHARS } from "@/lib/markdown/limits";
import { renderMarkdown } from "@/lib/markdown/render";

const PreviewInput = z.object({ body: z.string().max(MAX_BODY_CHARS, `A review has at most ${MAX_BODY_CHARS.toLocaleString("en-US")} characters.`) });

// The editor's live preview: the same pipeline that renders the saved review. The body is read
// under its cap and checked against the review's length before anything renders it.
export async function POST(req: NextRequest) {
  const headers = { "cache-control": "no-store" };
  const sameSite = isSameOrigin(req);
  if (sameSite && !(await getCurrentUser())) return Response.json({ error: "Please sign in to preview." }, { status: 401, headers });
  const read = await readJsonRequest(req, sameSite, BODY_LIMITS.json, { name: "preview", malformed: "Nothing to preview: the request is not valid JSON." });
  if ("refused" in read) return read.refused;
  const parsed = PreviewInput.safeParse(read.json);
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "Nothing to preview." }, { status: 422, headers });
  const r = renderMarkdown(parsed.data.body);
  return Response.json({ html: r.html, words: r.words, readingMinutes: r.readingMinutes }, { headers });
}
