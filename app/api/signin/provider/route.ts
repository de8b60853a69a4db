import type { NextRequest } from "next/server";
import { configuredProviders } from "@/lib/auth/providers";
import { redirectToProvider } from "@/auth";
import { plainAnswer as plain } from "@/lib/auth/provider-redirect";
import { isSameOrigin } from "@/lib/forms/origin";
import { BODY_LIMITS, BodyTooLarge, readFormCapped } from "@/lib/http/body";
import { safeRedirectPath } from "@/lib/http/redirect";

// The provider buttons on the sign-in and sign-up pages: starts an OAuth/OIDC sign-in (a
// redirect to the provider). A post from another site starts nothing.
export async function POST(req: NextRequest) {
  if (!isSameOrigin(req)) return plain(403, "This form was sent from another site.");
  const form = await readFormCapped(req, BODY_LIMITS.small).catch((err: unknown) => err);
  if (form instanceof BodyTooLarge) return plain(413, "This form is too large.");
  if (!(form instanceof FormData)) return plain(400, "The form could not be read.");
  const provider = configuredProviders().find((p) => p.id === form.get("provider"));
  if (!provider) return plain(400, "Choose a way to sign in.");
  return redirectToProvider(provider.id, safeRedirectPath(form.get("callbackUrl")));
}
