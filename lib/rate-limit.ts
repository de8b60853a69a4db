import { eq, inArray, lte, sql } from "drizzle-orm";
import { preparedOn, type Conn } from "@/db";
import { rateWindows } from "@/db/schema";
import { rateLimited } from "@/lib/errors";
import type { Write } from "@/lib/write";
import { first } from "@/db/query";
import { greatest } from "@/db/sql";

/**
 * Marquee's one limiter: fixed windows counted per key in `rate_windows` (upvotes, comments,
 * sign-ups, sign-ins, avatar uploads, current-password checks). `limit: Infinity` counts without
 * ever refusing (a sign-in's per-account count only slows).
 */
export type RateRule = { key: string; limit: number; windowMs: number; message: (waitSeconds: number) => string };

const WINDOW = (c: Conn) => c.select().from(rateWindows).where(eq(rateWindows.key, sql.placeholder("key"))).prepare();
const SET_WINDOW = (c: Conn) =>
  c
    .insert(rateWindows)
    .values({ key: sql.placeholder("key"), count: sql.placeholder("count"), windowStartedAt: sql.placeholder("startedAt") })
    .onConflictDoUpdate({ target: rateWindows.key, set: { count: sql`excluded.count`, windowStartedAt: sql`excluded.window_started_at` } })
    .prepare();

/**
 * Takes one slot from each rule's window, inside the caller's write (at `w.now`), or refuses with
 * 429 and the wait until the fullest window opens again. Nothing is counted on a refusal. Returns
 * each window's count after this slot, in the rules' order.
 */
export async function takeRateSlots(w: Write, rules: RateRule[]): Promise<number[]> {
  const now = w.now;
  const found: (typeof rateWindows.$inferSelect)[] = [];
  for (const rule of rules) {
    const row = await first(preparedOn(w.tx, WINDOW).execute({ key: rule.key }));
    if (row) found.push(row);
  }
  const windows = rules.map((rule) => {
    const row = found.find((r) => r.key === rule.key);
    const fresh = !row || now.getTime() - row.windowStartedAt.getTime() >= rule.windowMs;
    return { rule, count: fresh ? 0 : row.count, startedAt: fresh ? now : row.windowStartedAt };
  });
  const full = windows.filter((win) => win.count >= win.rule.limit);
  if (full.length) {
    const waits = full.map((win) => Math.max(1, Math.ceil((win.startedAt.getTime() + win.rule.windowMs - now.getTime()) / 1000)));
    const i = waits.indexOf(Math.max(...waits));
    throw rateLimited(full[i]!.rule.message(waits[i]!), waits[i]!);
  }
  for (const win of windows) await preparedOn(w.tx, SET_WINDOW).execute({ key: win.rule.key, count: win.count + 1, startedAt: win.startedAt });
  return windows.map((win) => win.count + 1);
}

/**
 * Returns a slot taken for an attempt that turned out fine or was never made. `dropEmpty` forgets
 * a window left at nothing (as if the attempt had never come); otherwise it stays at zero.
 */
export async function giveRateSlotBack(w: Write, key: string | string[], opts: { dropEmpty?: boolean } = {}) {
  const keys = [key].flat();
  await w.tx.update(rateWindows).set({ count: greatest(sql`${rateWindows.count} - 1`, 0) }).where(inArray(rateWindows.key, keys));
  if (opts.dropEmpty) await w.tx.delete(rateWindows).where(sql`${inArray(rateWindows.key, keys)} and ${lte(rateWindows.count, 0)}`);
}

/** Forgets these windows altogether (a successful sign-in clears its account's failures). */
export async function clearRateSlots(w: Write, keys: string[]) {
  await w.tx.delete(rateWindows).where(inArray(rateWindows.key, keys));
}

/** "45 seconds", "3 minutes", "5 hours". */
export function waitPhrase(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}
