// The link and image policy. Links may be http, https, mailto or relative (path, root, query or
// fragment); images only https. Everything is judged on a canonical form that is *more*
// decoded than anything a browser does, so a scheme a browser could see is a scheme we see.

const ALLOWED_LINK_SCHEMES = new Set(["http", "https", "mailto"]);
const SCHEME = /^([a-z][a-z0-9+.-]*):/;

// Controls, format characters (zero-width, bidi, soft hyphen), separators, whitespace, and
// the Hangul fillers and braille blank that render as nothing.
const INVISIBLE = /[\p{C}\s\u115F\u1160\u3164\uFFA0\u2800]/gu;

const NAMED_ENTITIES: Record<string, string> = {
  colon: ":", tab: "\t", newline: "\n", sol: "/", bsol: "\\", period: ".", amp: "&",
  lpar: "(", rpar: ")", nbsp: " ", shy: "",
};

function decodeEntities(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? "", 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

function decodePercent(s: string): string {
  return s.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
  });
}

/** Decode entities and percent-escapes until stable (bounded), drop invisibles, lowercase. */
function canonicalUrl(url: string): string {
  let s = url;
  for (let i = 0; i < 4; i++) {
    const next = decodePercent(decodeEntities(s)).replace(INVISIBLE, "");
    if (next === s) break;
    s = next;
  }
  return s.replace(INVISIBLE, "").toLowerCase();
}

/** The lowercased scheme of a canonical URL, or null for a relative reference. */
function schemeOf(canonical: string): string | null {
  return SCHEME.exec(canonical)?.[1] ?? null;
}

/** Backslashes act as slashes in browsers; `//host` and `/\host` leave the site. */
function isOffsiteRelative(canonical: string): boolean {
  return canonical.includes("\\") || canonical.startsWith("//");
}

export function isAllowedHref(url: string): boolean {
  const c = canonicalUrl(url);
  if (isOffsiteRelative(c)) return false;
  // Like the sanitizer: a colon before any `/`, `?` or `#` ends a scheme, valid-looking or not
  // (`java\uFFFDscript:` is refused here rather than left as an inert <a> by the sanitizer).
  const colon = c.indexOf(":");
  const pathStart = c.search(/[/?#]/);
  if (colon === -1 || (pathStart !== -1 && pathStart < colon)) return true;
  return ALLOWED_LINK_SCHEMES.has(c.slice(0, colon));
}

export function isExternalHref(url: string): boolean {
  const scheme = schemeOf(canonicalUrl(url));
  return scheme === "http" || scheme === "https";
}

export function isAllowedImageSrc(url: string): boolean {
  const c = canonicalUrl(url);
  return !c.includes("\\") && schemeOf(c) === "https" && /^https:\/\/[^/?#]/i.test(url.trim());
}

/** Lowercase the scheme so `HTTPS://x` survives the sanitizer's case-sensitive protocol check. */
export function lowercaseScheme(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:/i, (scheme) => scheme.toLowerCase());
}
