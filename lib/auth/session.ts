import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { auth } from "@/auth";
import { getDb } from "@/db";
import { unauthenticated } from "@/lib/errors";
import { findSessionCookie, userFromSessionToken, type SessionUser } from "./session-token";

export type CurrentUser = SessionUser;

/** The signed-in user, re-validated against the database once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const found = findSessionCookie(await cookies());
  if (found === "chunked") return viaAuthJs();
  if (!found) return null;
  return (await userFromSessionToken(getDb(), found.value, found.name))?.user ?? null;
});

// An oversized token is split over several cookies; Auth.js knows how to join them.
async function viaAuthJs(): Promise<CurrentUser | null> {
  const u = (await auth())?.user;
  if (!u?.id) return null;
  return { id: u.id, username: u.username, name: u.name ?? u.username, role: u.role, image: u.image ?? null };
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthenticated();
  return user;
}
