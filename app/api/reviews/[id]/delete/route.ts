import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { requireActor } from "@/lib/auth/require";
import { FEED_TAG, RANKING_TAG, filmTag, reviewTag, tagTag, userTag, expireTags } from "@/lib/cache/tags";
import { notFound } from "@/lib/errors";
import { handleForm } from "@/lib/forms/route";
import { routeParam } from "@/lib/http/params";
import { refuseAddress } from "@/lib/http/refuse";
import { deleteReview } from "@/lib/reviews/delete-review";
import { rememberDeletedReview } from "@/lib/reviews/deleted-slugs";
import { getReviewForEdit } from "@/lib/reviews/queries";
import { listCommenterIds } from "@/lib/comments/queries";
import { expirePresence } from "@/lib/users/presence";

// Deletes a review (author, moderator or admin).
export async function POST(req: NextRequest, ctx: RouteContext<"/api/reviews/[id]/delete">) {
  const slug = routeParam((await ctx.params).id);
  if (slug === null) return refuseAddress(req);
  return handleForm(req, `/reviews/${encodeURIComponent(slug)}/edit`, async () => {
    const actor = await requireActor();
    const db = getDb();
    const post = getReviewForEdit(db, slug);
    if (!post) throw notFound("There is no such review.");
    const { newcomerFlipped } = deleteReview(db, actor, post.id);
    expirePresence(db, newcomerFlipped);
    rememberDeletedReview(post.slug);
    expireTags([
      RANKING_TAG,
      reviewTag(post.id),
      FEED_TAG,
      filmTag(post.filmId),
      post.authorId && userTag(post.authorId),
      ...post.tags.map(tagTag),
      // Their comments on it leave their profiles.
      ...listCommenterIds(db, post.id).map(userTag),
    ]);
    return { redirect: `/reviews/${post.slug}` };
  });
}
