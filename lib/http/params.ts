// Route parameters arrive decoded once by Next (`/x/%25` gives "%"); decoding them again is what
// turned a lone `%25` into a 500. A parameter is used as given, and is malformed when it still
// holds a `%` (no name, slug, id or file has one: the address was encoded twice), a control
// character, a lone surrogate, or more characters than any of them.
const MAX_PARAM_CHARS = 200;

/** The parameter, or null when it is malformed or does not have `shape` (answer 400). */
export function routeParam(value: string | string[] | undefined, shape?: RegExp): string | null {
  if (typeof value !== "string" || value === "" || value.length > MAX_PARAM_CHARS) return null;
  if (!value.isWellFormed()) return null;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x25 || code < 0x20 || (code >= 0x7f && code < 0xa0)) return null;
  }
  return shape && !shape.test(value) ? null : value;
}
