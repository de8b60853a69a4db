import type { NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/forms/origin";
import { MAX_BODY_CHARS } from "@/lib/markdown/limits";
import { renderMarkdown } from "@/lib/markdown/render";

const PreviewInput = z.object({ body: z.string().max(MAX_BODY_CHARS, `A review has at most ${MAX_BODY_CHARS.toLocaleString("en-US")} characters.`) });

// The editor's live preview: the same pipeline that renders the saved review.
export async function POST(req: NextRequest) {
  const headers = { "cache-control": "no-store" };
  if (!isSameOrigin(req)) return Response.json({ error: "Cross-site request refused." }, { status: 403, headers });
  if (!(await getCurrentUser())) return Response.json({ error: "Please sign in to preview." }, { status: 401, headers });
  const parsed = PreviewInput.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "Nothing to preview." }, { status: 422, headers });
  const r = renderMarkdown(parsed.data.body);
  return Response.json({ html: r.html, words: r.words, readingMinutes: r.readingMinutes }, { headers });
}
