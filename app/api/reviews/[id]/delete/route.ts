import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { handleForm } from "@/lib/forms/route";
import { memberCtx } from "@/lib/http/ctx";
import { routeParam } from "@/lib/http/params";
import { refuseAddress } from "@/lib/http/refuse";
import { deleteReview } from "@/lib/reviews/delete-review";
import { getReviewForEdit } from "@/lib/reviews/queries";

// Deletes a review (author, moderator or admin).
export async function POST(req: NextRequest, ctx: RouteContext<"/api/reviews/[id]/delete">) {
  const slug = routeParam((await ctx.params).id);
  if (slug === null) return refuseAddress(req);
  return handleForm(req, `/reviews/${encodeURIComponent(slug)}/edit`, async () => {
    const member = await memberCtx(req);
    const review = await getReviewForEdit(getDb(), slug);
    if (!review) throw notFound("There is no such review.");
    const result = await deleteReview(member, { reviewId: review.id });
    return { redirect: `/reviews/${result.slug}`, changes: result.changes };
  });
}
