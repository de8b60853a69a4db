import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { requireActor } from "@/lib/auth/require";
import { FEED_TAG, RANKING_TAG, filmTag, tagTag, userTag, expireTags } from "@/lib/cache/tags";
import { handleForm } from "@/lib/forms/route";
import { BODY_LIMITS } from "@/lib/http/body";
import { createReview } from "@/lib/reviews/create-review";
import { reviewFormFields } from "@/lib/reviews/schemas";
import { expirePresence } from "@/lib/users/presence";
import { expireBadgeTags } from "@/lib/badges/effects";

// Creates a review (draft or published) from the editor.
export async function POST(req: NextRequest) {
  return handleForm(req, "/reviews/new", async (form) => {
    const actor = await requireActor("Please sign in to write a review. Your text is kept below.");
    const fields = reviewFormFields(form);
    const post = createReview(getDb(), actor.id, fields);
    expirePresence(getDb(), post.newcomerFlipped);
    expireBadgeTags(post.badges);
    if (post.status === "published") expireTags([RANKING_TAG]);
    if (post.status === "published") {
      expireTags([FEED_TAG, filmTag(post.filmId), userTag(actor.id), ...(fields.tags ?? "").split(/[,\s]+/).map((t) => t && tagTag(t.toLowerCase()))]);
      return { redirect: `/reviews/${post.slug}` };
    }
    return { redirect: `/reviews/${post.slug}/edit?saved=draft` };
  }, { maxBody: { bytes: BODY_LIMITS.form, field: "body" } });
}
