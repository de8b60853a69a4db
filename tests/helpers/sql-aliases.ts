/**
 * PostgreSQL folds an unquoted alias to lower case (`as authorId` comes back as `authorid`), SQLite
 * keeps it as written: the lower-cased names a statement's mixed-case aliases come back as, each
 * mapped to the name as the statement spells it.
 */
export function aliases(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/\bas\s+([a-z_]\w*)/gi)) if (m[1] !== m[1]!.toLowerCase()) out.set(m[1]!.toLowerCase(), m[1]!);
  return out;
}
