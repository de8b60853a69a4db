"use server";

import { signIn } from "@/auth";
import { safeCallbackUrl } from "@/lib/forms/read-state";
import { configuredProviders } from "./providers";

/** Starts an OAuth/OIDC sign-in with a configured provider (a redirect to the provider). */
export async function oauthSignInAction(form: FormData) {
  const provider = String(form.get("provider") ?? "");
  if (!configuredProviders().some((p) => p.id === provider)) return;
  await signIn(provider, { redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
}
