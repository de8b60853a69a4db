import { inArray } from "drizzle-orm";
import type { DB, Tx } from "@/db";
import { users } from "@/db/schema";
import { mentionCandidates } from "@/lib/markdown/mentions";

/** The `@`-mentioned names in some markdown that belong to members: lower-cased name → username. */
export async function knownMentions(db: DB | Tx, src: string): Promise<Map<string, string>> {
  const names = mentionCandidates(src);
  if (!names.length) return new Map();
  const rows = await db.select({ key: users.usernameKey, username: users.username }).from(users).where(inArray(users.usernameKey, names));
  return new Map(rows.map((r) => [r.key, r.username]));
}
