import { cookies } from "next/headers";
import { getDb } from "@/db";
import { findSessionCookie, rolledSessionToken, SESSION_MAX_AGE, userFromSessionToken } from "@/lib/auth/session-token";
import { getCurrentUser } from "@/lib/auth/session";
import { countUnread } from "@/lib/notifications/queries";
import { avatarUrl } from "@/lib/users/avatar";

const json = (user: Awaited<ReturnType<typeof getCurrentUser>>) =>
  Response.json(
    {
      user: user
        ? { username: user.username, name: user.name, role: user.role, avatar: avatarUrl(user), unread: countUnread(getDb(), user.id) }
        : null,
    },
    { headers: { "cache-control": "private, no-store" } },
  );

/**
 * The viewer's own bits for static pages, fetched by the header island on every page load; never
 * cached. It also keeps an active session alive: a token older than a day is issued afresh.
 */
export async function GET() {
  const jar = await cookies();
  const found = findSessionCookie(jar);
  if (!found || found === "chunked") return json(await getCurrentUser());
  const session = await userFromSessionToken(getDb(), found.value, found.name);
  if (!session) return json(null);
  const fresh = await rolledSessionToken(found, session);
  if (fresh) {
    jar.set(found.name, fresh, { httpOnly: true, sameSite: "lax", path: "/", secure: found.name.startsWith("__Secure-"), maxAge: SESSION_MAX_AGE });
  }
  return json(session.user);
}
