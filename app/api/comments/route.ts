import type { NextRequest } from "next/server";
import { signIn } from "@/auth";
import { getDb } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/session";
import { mintTicket } from "@/lib/auth/ticket";
import { createComment } from "@/lib/comments/create-comment";
import { commentHref } from "@/lib/comments/links";
import { getThreadComment } from "@/lib/comments/queries";
import { commentHtml } from "@/lib/comments/thread-html";
import { replyPagePath } from "@/lib/comments/reply-page";
import { CommentInput, commentFormFields } from "@/lib/comments/schemas";
import { withCtx } from "@/lib/context";
import { unauthenticated } from "@/lib/errors";
import { handleForm } from "@/lib/forms/route";
import { BODY_LIMITS } from "@/lib/http/body";
import { requestCtx } from "@/lib/http/ctx";
import { authenticate } from "@/lib/users/authenticate";

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
      const current = await getCurrentUser();
      let ctx = requestCtx(req, current ? { id: current.id, role: current.role } : null);
      let ticket: string | null = null;
      if (!ctx.actor) {
        const identifier = text(form.get("identifier"));
        const password = text(form.get("password"));
        if (!identifier.trim() && !password) {
          throw unauthenticated("Please sign in to post: enter your username or email and password, or continue with an account elsewhere. Your text is kept.");
        }
        const user = await authenticate(ctx, { identifier, password });
        ctx = withCtx(ctx, { actor: { id: user.id, role: user.role } });
        ticket = mintTicket(user.id, user.sessionVersion);
      }
      const { comment, review, stopped, changes } = await createComment(ctx, input);
      if (ticket) await signIn("credentials", { ticket, redirect: false });
      const shown = (await getThreadComment(db, comment.id))!;
      return {
        redirect: commentHref(comment, review.slug),
        // The new comment's markup, as the thread shows it, for the page to put in place. After a
        // STOP the system has answered under it: the page reloads to show that reply.
        data: {
          comment: { id: comment.id, html: commentHtml({ ...shown, children: [], continued: 0 }, { opId: review.authorId }) },
          signedIn: ticket !== null,
          reload: stopped,
        },
        changes,
      };
    },
    { maxBody: { bytes: BODY_LIMITS.form, field: "body" } },
  );
}
