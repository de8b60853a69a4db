import { getEnv } from "@/lib/env";

/** Longer than any address this site makes; a longer one is someone's experiment. */
export const MAX_REDIRECT_LENGTH = 2048;

// C0 controls (TAB, LF and CR among them, which browsers strip from an address, so that "/\t/evil"
// becomes "//evil"), DEL and the C1 controls; and a backslash, which browsers read as a slash.
// eslint-disable-next-line no-control-regex -- these characters are what this expression is for
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\\]/;

/** Percent-decoded until it stops changing (a few rounds at most); null for a malformed escape. */
function decoded(text: string): string | null {
  let current = text;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * The one judge of where a response may send the browser (after a form post, after signing in):
 * a path on this site, with its query and fragment, or `fallback`. `raw` is parsed against the
 * site's origin; control characters, backslashes (also percent-encoded), another host or scheme,
 * a protocol-relative result and over-long input all give `fallback`.
 */
export function safeRedirectPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_REDIRECT_LENGTH) return fallback;
  // The URL parser trims surrounding spaces and controls: what it would trim is refused instead.
  if (UNSAFE.test(raw) || raw.trim() !== raw) return fallback;
  const origin = getEnv().siteOrigin;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = decoded(url.pathname);
  // "/%2F%2Fevil" or "/%5Cevil" stay on this site as parsed here, but a later decoding (a proxy,
  // a framework's own redirect) could make them leave it: a path that decodes to one is refused.
  if (path === null || UNSAFE.test(path) || path.startsWith("//")) return fallback;
  // "/.//evil" parses to the path "//evil", which a browser would read as another host.
  if (!url.pathname.startsWith("/") || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}
