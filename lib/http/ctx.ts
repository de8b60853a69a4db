import "server-only";
import { clientAddress } from "@/lib/auth/address";
import { requireActor } from "@/lib/auth/require";
import { makeCtx, type Ctx } from "@/lib/context";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/permissions";

/** A route's context: the process database, the clock, the client's address, and the actor if any. */
export function requestCtx(req: { headers: Headers }, actor: Actor | null = null): Ctx {
  return makeCtx(getDb(), { actor, address: clientAddress(req) });
}

/** A route's context for a signed-in, non-suspended member, or a 401 with `message`. */
export async function memberCtx(req: { headers: Headers }, message?: string): Promise<Ctx & { actor: Actor & { username: string } }> {
  const actor = await requireActor(message);
  return { ...requestCtx(req, actor), actor };
}
