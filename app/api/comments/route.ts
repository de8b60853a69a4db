import type { NextRequest } from "next/server";
import { signIn } from "@/auth";
import { getDb } from "@/lib/db";
import { clientAddress } from "@/lib/auth/address";
import { getCurrentUser } from "@/lib/auth/session";
import { mintTicket } from "@/lib/auth/ticket";
import { NEW_COMMENT_TAG, expireTags, userTag } from "@/lib/cache/tags";
import { createComment } from "@/lib/comments/create-comment";
import { commentHref } from "@/lib/comments/links";
import { getThreadComment } from "@/lib/comments/queries";
import { commentHtml } from "@/lib/comments/thread-html";
import { replyPagePath } from "@/lib/comments/reply-page";
import { CommentInput, commentFormFields } from "@/lib/comments/schemas";
import { unauthenticated } from "@/lib/errors";
import { handleForm } from "@/lib/forms/route";
import { BODY_LIMITS } from "@/lib/http/body";
import { reviewListingTags } from "@/lib/reviews/listing-tags";
import { authenticate } from "@/lib/users/authenticate";
import { expirePresence } from "@/lib/users/presence";
import { expireBadgeTags } from "@/lib/badges/effects";

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

/**
 * Posts a comment or a reply. A reader who is not signed in may fill in their username or email
 * and password in the same form: the comment is posted first, and only then is the session
 * started, so a refusal changes nothing at all.
 */
export async function POST(req: NextRequest) {
  const db = getDb();
  return handleForm(
    req,
    (form) => replyPagePath(db, form),
    async (form) => {
      const fields = commentFormFields(form);
      const input = CommentInput.parse(fields);
      let actorId = (await getCurrentUser())?.id ?? null;
      let ticket: string | null = null;
      if (!actorId) {
        const identifier = text(form.get("identifier"));
        const password = text(form.get("password"));
        if (!identifier.trim() && !password) {
          throw unauthenticated("Please sign in to post: enter your username or email and password, or continue with an account elsewhere. Your text is kept.");
        }
        const user = await authenticate(db, { identifier, password }, clientAddress(req));
        actorId = user.id;
        ticket = mintTicket(user.id, user.sessionVersion);
      }
      const { comment, review, repliedTo, newcomerFlipped, badges, stopped } = createComment(db, actorId, input);
      expirePresence(db, newcomerFlipped);
      expireBadgeTags(badges);
      if (ticket) await signIn("credentials", { ticket, redirect: false });
      // The parent's author: their replies received (profile, board) went up.
      expireTags([...reviewListingTags(db, review.id), userTag(actorId), repliedTo && userTag(repliedTo), NEW_COMMENT_TAG]);
      return {
        redirect: commentHref(comment, review.slug),
        // The new comment's markup, as the thread shows it, for the page to put in place. After a
        // STOP the system has answered under it: the page reloads to show that reply.
        data: {
          comment: { id: comment.id, html: commentHtml({ ...getThreadComment(db, comment.id)!, children: [], continued: 0 }, { opId: review.authorId }) },
          signedIn: ticket !== null,
          reload: stopped,
        },
      };
    },
    { maxBody: { bytes: BODY_LIMITS.form, field: "body" } },
  );
}
