import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { editComment } from "@/lib/comments/edit-comment";
import { commentHref, commentIdParam } from "@/lib/comments/links";
import { getThreadComment } from "@/lib/comments/queries";
import { commentFormFields } from "@/lib/comments/schemas";
import { handleForm } from "@/lib/forms/route";
import { BODY_LIMITS } from "@/lib/http/body";
import { memberCtx } from "@/lib/http/ctx";
import { routeParam } from "@/lib/http/params";
import { refuseAddress } from "@/lib/http/refuse";

// Saves an edit of a comment; its thread and permalink render afresh.
export async function POST(req: NextRequest, ctx: RouteContext<"/api/comments/[id]/edit">) {
  const raw = routeParam((await ctx.params).id);
  if (raw === null) return refuseAddress(req);
  // Any other id is one no comment has: a 404 from the verb.
  const id = commentIdParam(raw);
  return handleForm(req, `/comments/${id}/edit`, async (form) => {
    const member = await memberCtx(req, "Please sign in to edit. Your text is kept below.");
    const result = await editComment(member, { ...commentFormFields(form), commentId: id });
    const comment = (await getThreadComment(getDb(), id))!;
    return { redirect: commentHref(comment, result.slug), changes: result.changes };
  }, { maxBody: { bytes: BODY_LIMITS.form, field: "body" } });
}
