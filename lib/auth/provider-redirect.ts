import { signIn } from "@/auth";

/** A short plain-text answer for the sign-in routes, never cached. */
export const plainAnswer = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * Starts an OAuth/OIDC sign-in: a 303 to the provider, so the browser goes there with a GET (a
 * 307 would post the form on), coming back to `redirectTo`.
 */
export async function redirectToProvider(providerId: string, redirectTo: string): Promise<Response> {
  const url = await signIn(providerId, { redirectTo, redirect: false });
  if (typeof url !== "string" || !url) return plainAnswer(502, "The sign-in could not start. Please try again.");
  return new Response(null, { status: 303, headers: { location: url, "cache-control": "no-store" } });
}
