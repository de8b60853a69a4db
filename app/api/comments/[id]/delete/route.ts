import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { deleteComment } from "@/lib/comments/delete-comment";
import { commentIdParam } from "@/lib/comments/links";
import { getThreadComment } from "@/lib/comments/queries";
import { handleForm } from "@/lib/forms/route";
import { memberCtx } from "@/lib/http/ctx";
import { routeParam } from "@/lib/http/params";
import { refuseAddress } from "@/lib/http/refuse";

// Deletes a comment (its author, a moderator or an admin) and goes back to where it stood.
export async function POST(req: NextRequest, ctx: RouteContext<"/api/comments/[id]/delete">) {
  const raw = routeParam((await ctx.params).id);
  if (raw === null) return refuseAddress(req);
  // Any other id is one no comment has: a 404 from the verb.
  const id = commentIdParam(raw);
  return handleForm(req, `/comments/${id}/edit`, async () => {
    const result = await deleteComment(await memberCtx(req), { commentId: id });
    // Back to the parent, unless it is a "[deleted]" one that this delete leaves without replies.
    const parent = result.parentId ? await getThreadComment(getDb(), result.parentId) : null;
    const parentShown = parent && (!parent.deleted || parent.replyCount > 0);
    return { redirect: parentShown ? `/comments/${parent.id}` : `/reviews/${result.slug}#comments`, changes: result.changes };
  });
}
