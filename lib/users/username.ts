// Usernames: NFKC-normalized, then compared case-insensitively through `usernameKey`.
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 24;
export const USERNAME_PATTERN = /^\w+$/;

// Names that would read as the site speaking, or collide with routes.
const RESERVED = new Set([
  "admin", "administrator", "marquee", "system", "moderator", "mod", "staff", "support", "root",
  "api", "signin", "signup", "signout", "settings", "notifications", "ranking", "badges", "reviews",
  "films", "tags", "search", "feed", "deleted", "anonymous", "null", "undefined",
]);

export function normalizeUsername(input: string): string {
  return input.normalize("NFKC").trim();
}

export function usernameKey(input: string): string {
  return normalizeUsername(input).toLowerCase();
}

export function isReservedUsername(input: string): boolean {
  return RESERVED.has(usernameKey(input));
}

/** A valid username derived from an OAuth profile: letters and digits kept, accents dropped. */
export function usernameBase(...candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    if (!candidate) continue;
    // A provider's name is anyone's text: cut before any transform.
    const folded = candidate
      .slice(0, 200)
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .normalize("NFKC")
      .split("@")[0]!
      .replace(/\W+/g, "_")
      .replace(/_{2,}/g, "_");
    const ascii = trimUnderscores(folded).slice(0, USERNAME_MAX - 4);
    if (ascii.length >= USERNAME_MIN && !isReservedUsername(ascii)) return ascii;
  }
  return "reader";
}

// A loop, not /^_+|_+$/: the regex retries its trailing run from every underscore (quadratic).
function trimUnderscores(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === "_") start++;
  while (end > start && s[end - 1] === "_") end--;
  return s.slice(start, end);
}
