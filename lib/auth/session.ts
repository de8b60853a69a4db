import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { findSessionCookie, userFromSessionToken, type SessionUser } from "./session-token";

export type CurrentUser = SessionUser;

/** The signed-in user (a split cookie joined as Auth.js joins it), re-validated against the database once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const found = findSessionCookie(await cookies());
  if (!found) return null;
  return (await userFromSessionToken(getDb(), found.value, found.name))?.user ?? null;
});
