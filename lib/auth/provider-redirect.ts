/** A short plain-text answer for the sign-in routes, never cached. */
export const plainAnswer = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** Auth.js's signIn as the provider hand-off calls it (auth.ts passes its own in). */
export type ProviderSignIn = (providerId: string, opts: { redirectTo: string; redirect: false }) => Promise<unknown>;

/**
 * Starts an OAuth/OIDC sign-in: a 303 to the provider, so the browser goes there with a GET (a
 * 307 would post the form on), coming back to `redirectTo`.
 */
export async function providerRedirect(signIn: ProviderSignIn, providerId: string, redirectTo: string): Promise<Response> {
  const url = await signIn(providerId, { redirectTo, redirect: false });
  if (typeof url !== "string" || !url) return plainAnswer(502, "The sign-in could not start. Please try again.");
  return new Response(null, { status: 303, headers: { location: url, "cache-control": "no-store" } });
}
