// URL slugs: ASCII letters and digits joined by hyphens ("Amélie (2001)" → "amelie-2001").
export function foldText(input: string): string {
  return input
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

export function urlSlug(input: string, max = 60): string {
  const slug = foldText(input).replace(/ /g, "-").slice(0, max).replace(/-$/, "");
  return slug;
}

/** `base`, or `base-2`, `base-3`, … — the first for which `taken` says no. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}

/** `uniqueSlug` for a `taken` that asks the database. */
export async function uniqueSlugAsync(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
