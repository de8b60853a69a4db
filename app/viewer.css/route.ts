import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/permissions";
import { listVotesOnReview } from "@/lib/votes/queries";

const css = (body: string) => new Response(body, { headers: { "content-type": "text/css; charset=utf-8", "cache-control": "private, no-store" } });

/**
 * The viewer's own rules for shared pages, which are the same for everyone: which items they have
 * upvoted (`?review=ID`: the review and its comments), no upvote on their own items, edit and
 * delete on their own comments (on every comment for moderators and admins), and no sign-in
 * fields in the comment forms. A stylesheet works without JavaScript. One query; never cached.
 */
export async function GET(req: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return css("/* not signed in */\n");
  const me = `"${user.username.toLowerCase().replace(/["\\]/g, "")}"`;
  const own = isStaff(user) ? ".comment" : `.comment[data-author=${me}]`;
  const rules = [
    `.guest-only { display: none !important; }`,
    `${own} > .comment__actions > .own-only { display: inline-flex; }`,
    `.vote[data-author=${me}] :is(.vote__up, .vote__undo) { display: none; }`,
    `.vote[data-author=${me}] .vote__self { display: inline-flex; }`,
  ];
  const reviewId = Number(req.nextUrl.searchParams.get("review"));
  if (Number.isSafeInteger(reviewId) && reviewId > 0) {
    const keys = listVotesOnReview(getDb(), user.id, reviewId);
    if (keys.length) {
      const voted = keys.map((k) => `.vote[data-vote="${k}"]`).join(",\n");
      rules.push(`:is(${voted}) .vote__up { display: none; }`, `:is(${voted}) .vote__undo { display: inline-flex; }`);
    }
  }
  return css(rules.join("\n") + "\n");
}
