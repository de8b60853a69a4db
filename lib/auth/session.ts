import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import { unauthenticated } from "@/lib/errors";

export type CurrentUser = { id: string; username: string; name: string; role: "member" | "moderator" | "admin"; image: string | null };

/** The signed-in user, re-validated against the database once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const u = session?.user;
  if (!u?.id) return null;
  return { id: u.id, username: u.username, name: u.name ?? u.username, role: u.role, image: u.image ?? null };
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthenticated();
  return user;
}
