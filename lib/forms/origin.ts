import { getEnv } from "@/lib/env";

/** The origin an Origin header names, lower-cased with default ports dropped; null when it names none. */
function originOf(value: string | null): string | null {
  if (!value || value === "null") return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Route handlers get no Origin check from Next (server actions do): a state-changing POST must
 * come from a page of this site. Browsers send Origin on every POST. The site is the configured
 * origin (AUTH_URL); without one, for local use, also whatever host the browser was pointed at
 * (the Host header, or X-Forwarded-Host when a trusted proxy set it — server/client-address.ts drops
 * it otherwise, but a bare `next dev` does not, hence TRUST_PROXY here too).
 */
export function isSameOrigin(req: { headers: Headers }): boolean {
  const origin = originOf(req.headers.get("origin"));
  if (!origin) return false;
  const env = getEnv();
  if (origin === env.siteOrigin) return true;
  if (env.AUTH_URL) return false;
  const expected = (env.TRUST_PROXY > 0 ? req.headers.get("x-forwarded-host") : null) ?? req.headers.get("host");
  return !!expected && new URL(origin).host === expected.trim().toLowerCase();
}
