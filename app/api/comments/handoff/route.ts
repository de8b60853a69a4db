import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { configuredProviders } from "@/lib/auth/providers";
import { redirectToProvider } from "@/auth";
import { plainAnswer as plain } from "@/lib/auth/provider-redirect";
import { replyPagePath } from "@/lib/comments/reply-page";
import { isSameOrigin } from "@/lib/forms/origin";
import { BODY_LIMITS, BodyTooLarge, readFormCapped } from "@/lib/http/body";
import { safeRedirectPath } from "@/lib/http/redirect";
import { putFormState } from "@/lib/forms/state-store";

// Long enough to create an account or pass an identity provider's screens.
const DRAFT_TTL_MS = 30 * 60_000;

/**
 * From a comment form, a signed-out reader goes to sign in with a provider or to create an
 * account, and comes back to the same form with the text they wrote. With JavaScript the text
 * waits in the browser; without it, it waits here under an unguessable one-time id.
 */
export async function POST(req: NextRequest) {
  if (!isSameOrigin(req)) return plain(403, "This form was sent from another site.");
  // It carries the comment being written, so a form's cap, not a button's.
  const form = await readFormCapped(req, BODY_LIMITS.form).catch((err: unknown) => err);
  if (form instanceof BodyTooLarge) return plain(413, "This comment is too long to carry over. Shorten it and try again.");
  if (!(form instanceof FormData)) return plain(400, "The form could not be read.");
  const to = form.get("to");
  const provider = configuredProviders().find((p) => p.id === to);
  if (to !== "signup" && !provider) return plain(400, "Choose a way to sign in.");

  let destination: string;
  if (form.get("js") === "1") {
    destination = safeRedirectPath(form.get("back"));
  } else {
    const page = await replyPagePath(getDb(), form);
    if (!page) return plain(404, "There is no such review.");
    const body = form.get("body");
    const draft = putFormState(
      {
        status: 200,
        ok: false,
        fieldErrors: {},
        values: { body: typeof body === "string" ? body.slice(0, 20_000) : "" },
      },
      DRAFT_TTL_MS,
    );
    destination = `${page}?draft=${draft}`;
  }
  if (to === "signup") {
    return new Response(null, { status: 303, headers: { location: `/signup?callbackUrl=${encodeURIComponent(destination)}`, "cache-control": "no-store" } });
  }
  return redirectToProvider(provider!.id, destination);
}
