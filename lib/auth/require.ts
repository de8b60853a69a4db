import "server-only";
import type { Actor } from "@/lib/permissions";
import { getCurrentUser } from "./session";
import { unauthenticated } from "@/lib/errors";

/** The signed-in, non-suspended actor, or a 401 with a message the form shows. */
export async function requireActor(message = "Please sign in first."): Promise<Actor & { username: string }> {
  const user = await getCurrentUser();
  if (!user) throw unauthenticated(message);
  return { id: user.id, role: user.role, username: user.username };
}
