/** A tag as stored and addressed: "#Noir " and "noir" are the same tag. The one home of that rule. */
export function normalizeTag(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase().replace(/^#/, "");
}
