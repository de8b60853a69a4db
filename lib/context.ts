import type { DB } from "@/db";
import { unauthenticated } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";

/**
 * What every verb and loader is handed: the database, who is acting (none for a guest, a script or
 * a sweep), the clock, and the request's client address (none outside a request).
 */
export type Ctx = {
  readonly db: DB;
  readonly actor: Actor | null;
  /** Read by a write once its lock is held, so writes are stamped in commit order; tests fix it. */
  readonly clock: () => Date;
  readonly address: string | null;
};

export function makeCtx(db: DB, opts: { actor?: Actor | null; now?: Date; address?: string | null } = {}): Ctx {
  const fixed = opts.now;
  return { db, actor: opts.actor ?? null, clock: fixed ? () => fixed : () => new Date(), address: opts.address ?? null };
}

/** The same context acting as someone else, or at another fixed time (seeding, sweeps, tests). */
export function withCtx(ctx: Ctx, change: { actor?: Actor | null; now?: Date }): Ctx {
  const fixed = change.now;
  return { ...ctx, ...("actor" in change ? { actor: change.actor ?? null } : {}), ...(fixed ? { clock: () => fixed } : {}) };
}

/** The acting member, or a 401 with `message`. */
export function actorOf(ctx: Ctx, message = "Please sign in first."): Actor {
  if (!ctx.actor) throw unauthenticated(message);
  return ctx.actor;
}
