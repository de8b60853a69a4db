import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { requireActor } from "@/lib/auth/require";
import { FEED_TAG, RANKING_TAG, filmTag, reviewTag, tagTag, userTag, expireTags } from "@/lib/cache/tags";
import { notFound } from "@/lib/errors";
import { handleForm } from "@/lib/forms/route";
import { BODY_LIMITS } from "@/lib/http/body";
import { routeParam } from "@/lib/http/params";
import { refuseAddress } from "@/lib/http/refuse";
import { editReview } from "@/lib/reviews/edit-review";
import { getReviewForEdit } from "@/lib/reviews/queries";
import { reviewFormFields } from "@/lib/reviews/schemas";
import { expirePresence } from "@/lib/users/presence";
import { listCommenterIds } from "@/lib/comments/queries";
import { expireBadgeTags } from "@/lib/badges/effects";

// Saves an edit of a review; the page and every list showing it render afresh.
export async function POST(req: NextRequest, ctx: RouteContext<"/api/reviews/[id]/edit">) {
  const slug = routeParam((await ctx.params).id);
  if (slug === null) return refuseAddress(req);
  return handleForm(req, `/reviews/${encodeURIComponent(slug)}/edit`, async (form) => {
    const actor = await requireActor("Please sign in to edit. Your text is kept below.");
    const db = getDb();
    const before = getReviewForEdit(db, slug);
    if (!before) throw notFound("There is no such review.");
    const result = editReview(db, actor, before.id, reviewFormFields(form));
    if ("newcomerFlipped" in result) expirePresence(db, result.newcomerFlipped ?? []);
    if ("badges" in result) expireBadgeTags(result.badges);
    if (result.changed && result.status === "published" && before.status === "draft") expireTags([RANKING_TAG]);
    if (result.changed) {
      const after = getReviewForEdit(db, slug)!;
      expireTags([
        reviewTag(before.id),
        FEED_TAG,
        filmTag(before.filmId),
        filmTag(after.filmId),
        before.authorId && userTag(before.authorId),
        ...[...before.tags, ...after.tags].map(tagTag),
        // Commenters' profiles list their comments under the review's title.
        ...(after.title !== before.title || after.status !== before.status ? listCommenterIds(db, before.id).map(userTag) : []),
      ]);
    }
    return { redirect: result.status === "draft" ? `/reviews/${result.slug}/edit?saved=draft` : `/reviews/${result.slug}` };
  }, { maxBody: { bytes: BODY_LIMITS.form, field: "body" } });
}
