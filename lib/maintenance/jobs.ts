import { eq } from "drizzle-orm";
import { first } from "@/db/query";
import { jobs } from "@/db/schema";
import type { Write } from "@/lib/write";

// A run due a few seconds early still counts: timers in different processes drift.
const EARLY_MS = 10_000;

/**
 * Claims this run of a scheduled job, inside the job's own write: returns when it last ran (null
 * the first time), or `false` when another process ran it less than `everyMs` ago. The claim
 * commits with the job's work or not at all, so however many processes ask, one runs it.
 */
export async function claimRun(w: Write, name: string, everyMs: number): Promise<Date | null | false> {
  const row = await first(w.tx.select({ lastRunAt: jobs.lastRunAt }).from(jobs).where(eq(jobs.name, name)));
  if (row && w.now.getTime() - row.lastRunAt.getTime() < everyMs - EARLY_MS) return false;
  await w.tx
    .insert(jobs)
    .values({ name, lastRunAt: w.now })
    .onConflictDoUpdate({ target: jobs.name, set: { lastRunAt: w.now } });
  return row?.lastRunAt ?? null;
}
