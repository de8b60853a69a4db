import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { handleForm } from "@/lib/forms/route";
import { BODY_LIMITS } from "@/lib/http/body";
import { memberCtx } from "@/lib/http/ctx";
import { routeParam } from "@/lib/http/params";
import { refuseAddress } from "@/lib/http/refuse";
import { editReview } from "@/lib/reviews/edit-review";
import { getReviewForEdit } from "@/lib/reviews/queries";
import { reviewFormFields } from "@/lib/reviews/schemas";

// Saves an edit of a review; the page and every list showing it render afresh.
export async function POST(req: NextRequest, ctx: RouteContext<"/api/reviews/[id]/edit">) {
  const slug = routeParam((await ctx.params).id);
  if (slug === null) return refuseAddress(req);
  return handleForm(req, `/reviews/${encodeURIComponent(slug)}/edit`, async (form) => {
    const member = await memberCtx(req, "Please sign in to edit. Your text is kept below.");
    const review = await getReviewForEdit(getDb(), slug);
    if (!review) throw notFound("There is no such review.");
    const result = await editReview(member, { ...reviewFormFields(form), reviewId: review.id });
    return {
      redirect: result.status === "draft" ? `/reviews/${result.slug}/edit?saved=draft` : `/reviews/${result.slug}`,
      changes: result.changes,
    };
  }, { maxBody: { bytes: BODY_LIMITS.form, field: "body" } });
}
