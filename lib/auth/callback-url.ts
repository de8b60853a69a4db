import { getEnv } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/redirect";

// Auth.js refuses a callback address it cannot parse (a `callbackUrl` query field or its
// callback-url cookie) by answering 500, "a problem with the server configuration", before any
// of its actions run. A bad address is the request's fault: every one is put through the site's
// one judge of redirects first, so that Auth.js only ever sees a path on this site.

/** The cookies in which Auth.js remembers where to go after signing in, on http and on https. */
const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"] as const;

const FIELD = "callbackUrl";

function decodedCookie(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The Cookie header with each callback cookie judged (as the address Auth.js itself would store), or null when none needs it. */
export function judgedCookieHeader(header: string | null): string | null {
  if (!header) return null;
  let changed = false;
  const parts = header.split(";").map((part) => {
    const eq = part.indexOf("=");
    if (eq === -1) return part;
    const name = part.slice(0, eq).trim();
    if (!(CALLBACK_COOKIES as readonly string[]).includes(name)) return part;
    const value = decodedCookie(part.slice(eq + 1).trim());
    if (value === "") return part;
    const judged = `${getEnv().siteOrigin}${safeRedirectPath(value)}`;
    if (judged === value) return part;
    changed = true;
    return ` ${name}=${encodeURIComponent(judged)}`;
  });
  return changed ? parts.join(";").trim() : null;
}

/**
 * The address with its `callbackUrl` fields replaced by one judged path (Auth.js reads the last),
 * or null when there is none to judge. An empty one stays: Auth.js ignores it.
 */
export function judgedCallbackQuery(url: URL): URL | null {
  const given = url.searchParams.getAll(FIELD);
  const last = given.at(-1);
  if (last === undefined || last === "") return null;
  const judged = safeRedirectPath(last);
  if (given.length === 1 && judged === last) return null;
  const out = new URL(url);
  out.searchParams.set(FIELD, judged);
  return out;
}
