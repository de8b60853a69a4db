import type { NextRequest } from "next/server";
import { signIn } from "@/auth";
import { configuredProviders } from "@/lib/auth/providers";
import { isSameOrigin } from "@/lib/forms/origin";
import { safeCallbackUrl } from "@/lib/forms/read-state";

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

// The provider buttons on the sign-in and sign-up pages: starts an OAuth/OIDC sign-in (a
// redirect to the provider). A post from another site starts nothing.
export async function POST(req: NextRequest) {
  if (!isSameOrigin(req)) return plain(403, "This form was sent from another site.");
  const form = await req.formData().catch(() => null);
  if (!form) return plain(400, "The form could not be read.");
  const provider = configuredProviders().find((p) => p.id === form.get("provider"));
  if (!provider) return plain(400, "Choose a way to sign in.");
  // A 303, so the browser goes to the provider with a GET (a 307 would post the form there).
  const url = await signIn(provider.id, { redirectTo: safeCallbackUrl(form.get("callbackUrl")), redirect: false });
  if (typeof url !== "string" || !url) return plain(502, "The sign-in could not start. Please try again.");
  return new Response(null, { status: 303, headers: { location: url, "cache-control": "no-store" } });
}
