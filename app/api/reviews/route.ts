import type { NextRequest } from "next/server";
import { handleForm } from "@/lib/forms/route";
import { BODY_LIMITS } from "@/lib/http/body";
import { memberCtx } from "@/lib/http/ctx";
import { createReview } from "@/lib/reviews/create-review";
import { reviewFormFields } from "@/lib/reviews/schemas";

// Creates a review (draft or published) from the editor.
export async function POST(req: NextRequest) {
  return handleForm(req, "/reviews/new", async (form) => {
    const ctx = await memberCtx(req, "Please sign in to write a review. Your text is kept below.");
    const review = await createReview(ctx, reviewFormFields(form));
    const redirect = review.status === "published" ? `/reviews/${review.slug}` : `/reviews/${review.slug}/edit?saved=draft`;
    return { redirect, changes: review.changes };
  }, { maxBody: { bytes: BODY_LIMITS.form, field: "body" } });
}
