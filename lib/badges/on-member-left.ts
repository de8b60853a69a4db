import { inArray, sql } from "drizzle-orm";
import { badges } from "@/db/schema";
import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";

/** A deleted account's badges leave the catalog's holder counts. */
export async function dropLeaversBadges(w: Write, e: EventMap["member.left"]) {
  if (!e.badges.length) return;
  await w.tx.update(badges).set({ holderCount: sql`${badges.holderCount} - 1` }).where(inArray(badges.slug, e.badges));
  for (const slug of e.badges) w.changes.badges.add(slug);
}
