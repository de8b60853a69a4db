import type { NextRequest } from "next/server";
import { cookies } from "next/headers";
import { getDb } from "@/lib/db";
import { findSessionCookie, rolledSessionToken, SESSION_MAX_AGE, viewerFromSessionToken } from "@/lib/auth/session-token";
import { avatarUrl } from "@/lib/users/avatar";
import { isRowId } from "@/lib/row-id";

type Answer = { user: { username: string; name: string; role: string; avatar: string; unread: number } | null; votes: string[] };

const json = (answer: Answer) => Response.json(answer, { headers: { "cache-control": "private, no-store" } });
const NOBODY: Answer = { user: null, votes: [] };

/**
 * What shared pages show only to the viewer, fetched by the page's script on every load and
 * never cached: who is signed in, their unread notices, and (`?review=ID`) which of that review
 * and its comments they upvoted. One query. It also keeps an active session alive: a token older
 * than a day is issued afresh.
 */
export async function GET(req: NextRequest) {
  const review = Number(req.nextUrl.searchParams.get("review"));
  const reviewId = isRowId(review) ? review : null;
  const jar = await cookies();
  const found = findSessionCookie(jar);
  if (!found) return json(NOBODY);
  const session = await viewerFromSessionToken(getDb(), found.value, found.name, reviewId);
  if (!session) return json(NOBODY);
  // A split token is left for Auth.js to renew (it rewrites every piece); rare, as tokens are small.
  const fresh = found.chunks === 0 ? await rolledSessionToken(found, session) : null;
  if (fresh) {
    jar.set(found.name, fresh, { httpOnly: true, sameSite: "lax", path: "/", secure: found.name.startsWith("__Secure-"), maxAge: SESSION_MAX_AGE });
  }
  return json({ user: { ...shown(session.user), unread: session.unread }, votes: session.votes });
}

const shown = (u: { username: string; name: string; role: string; image: string | null }) => ({ username: u.username, name: u.name, role: u.role, avatar: avatarUrl(u) });
