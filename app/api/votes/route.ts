import type { NextRequest } from "next/server";
import { handleForm } from "@/lib/forms/route";
import { memberCtx } from "@/lib/http/ctx";
import { safeRedirectPath } from "@/lib/http/redirect";
import { castVote } from "@/lib/votes/cast-vote";
import { voteFormFields } from "@/lib/votes/schemas";

/**
 * Where a plain form post comes back to: the page it was sent from (the Referer's path: only posts
 * from this site get this far), at the item; or the address the form names in `back`.
 */
function backOf(form: FormData, req: NextRequest): string {
  if (form.has("back")) return safeRedirectPath(form.get("back"));
  const { type, id } = voteFormFields(form);
  const anchor = type === "review" ? "#vote" : type === "comment" && id ? `#comment-${id}` : "";
  try {
    const from = new URL(req.headers.get("referer") ?? "");
    return safeRedirectPath(from.pathname + from.search + anchor);
  } catch {
    // no Referer, or not an address
  }
  return "/";
}

/**
 * An upvote or its undo. With JavaScript the answer is the new state and count; without it, the
 * reader goes back to the item (or to sign in, and then back), and a refusal is explained on a page.
 */
export async function POST(req: NextRequest) {
  return handleForm(
    req,
    "/vote",
    async (form) => {
      const ctx = await memberCtx(req, "Please sign in to upvote.");
      const result = await castVote(ctx, voteFormFields(form));
      return {
        redirect: backOf(form, req),
        data: { type: result.type, id: result.id, voted: result.voted, count: result.count },
        changes: result.changes,
      };
    },
    { signInReturnsTo: (form) => backOf(form, req), values: (form) => ({ back: backOf(form, req) }) },
  );
}
