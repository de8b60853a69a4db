import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { requireActor } from "@/lib/auth/require";
import { expireTags, reviewTag, userTag } from "@/lib/cache/tags";
import { editComment } from "@/lib/comments/edit-comment";
import { commentHref, commentIdParam } from "@/lib/comments/links";
import { getThreadComment } from "@/lib/comments/queries";
import { commentFormFields } from "@/lib/comments/schemas";
import { handleForm } from "@/lib/forms/route";
import { BODY_LIMITS } from "@/lib/http/body";
import { routeParam } from "@/lib/http/params";
import { refuseAddress } from "@/lib/http/refuse";
import { badgeTags } from "@/lib/badges/effects";


// Saves an edit of a comment; its thread and permalink render afresh.
export async function POST(req: NextRequest, ctx: RouteContext<"/api/comments/[id]/edit">) {
  const raw = routeParam((await ctx.params).id);
  if (raw === null) return refuseAddress(req);
  // Any other id is one no comment has: a 404 from the verb.
  const id = commentIdParam(raw);
  return handleForm(req, `/comments/${id}/edit`, async (form) => {
    const actor = await requireActor("Please sign in to edit. Your text is kept below.");
    const db = getDb();
    const result = editComment(db, actor, id, commentFormFields(form));
    const comment = getThreadComment(db, id)!;
    // The thread and permalinks, and the comment on its author's profile.
    if (result.changed) expireTags([reviewTag(result.postId), comment.author && userTag(comment.author.id), ...badgeTags("badges" in result ? result.badges : [])]);
    return { redirect: commentHref(comment, result.slug) };
  }, { maxBody: { bytes: BODY_LIMITS.form, field: "body" } });
}
