import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { rateWindows } from "@/db/schema";
import { rateLimited } from "@/lib/errors";

export type RateRule = { key: string; limit: number; windowMs: number; message: (waitSeconds: number) => string };

/**
 * Takes one slot from each fixed window, inside the caller's immediate transaction, or refuses
 * with 429 and the wait until the fullest window opens again. Nothing is counted on a refusal.
 */
export function takeRateSlots(tx: Tx, rules: RateRule[], now: Date) {
  const windows = rules.map((rule) => {
    const row = tx.select().from(rateWindows).where(eq(rateWindows.key, rule.key)).get();
    const fresh = !row || now.getTime() - row.windowStartedAt.getTime() >= rule.windowMs;
    return { rule, fresh, count: fresh ? 0 : row.count, startedAt: fresh ? now : row.windowStartedAt };
  });
  const full = windows.filter((w) => w.count >= w.rule.limit);
  if (full.length) {
    const waits = full.map((w) => Math.max(1, Math.ceil((w.startedAt.getTime() + w.rule.windowMs - now.getTime()) / 1000)));
    const i = waits.indexOf(Math.max(...waits));
    throw rateLimited(full[i]!.rule.message(waits[i]!), waits[i]!);
  }
  for (const w of windows) {
    tx.insert(rateWindows)
      .values({ key: w.rule.key, count: w.count + 1, windowStartedAt: w.startedAt })
      .onConflictDoUpdate({ target: rateWindows.key, set: { count: w.count + 1, windowStartedAt: w.startedAt } })
      .run();
  }
}

/** Returns a slot taken for an attempt that turned out fine (a right password). */
export function giveRateSlotBack(tx: Tx, key: string) {
  tx.update(rateWindows).set({ count: sql`max(${rateWindows.count} - 1, 0)` }).where(eq(rateWindows.key, key)).run();
}

/** "45 seconds", "3 minutes", "5 hours". */
export function waitPhrase(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}
