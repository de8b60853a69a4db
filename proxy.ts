import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { findSessionCookie, userFromSessionToken } from "@/lib/auth/session-token";
import { editorPageStatus, sharedPageStatus } from "@/lib/pages/address";

/**
 * The page every unknown shared address is answered with: built once ahead, so answering a
 * made-up address renders and stores nothing new.
 */
const NOT_FOUND_PAGE = "/_not-found";
const FORBIDDEN_PAGE = "/not-yours";

// Only shapes responses (400, 403, 404, 410); every permission check lives in the route or verb that acts.
export async function proxy(req: NextRequest) {
  let segments: string[];
  try {
    segments = req.nextUrl.pathname.split("/").slice(1).map(decodeURIComponent);
  } catch {
    segments = ["%"];
  }
  // No slug, name, tag or id here has a "%" once decoded: one left over (`/films/%25`) is an escape
  // that a second decoding would choke on, so it is refused before any page sees it.
  if (segments.some((s) => s.includes("%"))) {
    return new NextResponse("This address is malformed.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const db = getDb();
  const status = (await sharedPageStatus(db, segments)) ?? (await editorPageStatus(db, segments, await viewerOf(req)));
  // On the configured origin, never one built from `Host`.
  if (typeof status === "object" && status !== null) {
    const location = new URL(`/${status.redirect.map(encodeURIComponent).join("/")}${req.nextUrl.search}`, getEnv().siteOrigin);
    return NextResponse.redirect(location, 307);
  }
  // A per-viewer page's own status is lost once it streams: these answer with a page built ahead.
  if (status === 403) return NextResponse.rewrite(new URL(`${FORBIDDEN_PAGE}/${segments[0] === "reviews" ? "review" : "comment"}`, req.nextUrl), { status: 403 });
  if (status === 410) return NextResponse.rewrite(req.nextUrl, { status: 410 });
  if (status === 404) return NextResponse.rewrite(new URL(NOT_FOUND_PAGE, req.nextUrl), { status: 404 });
  return NextResponse.next();
}

// The signed-in viewer, for an editor page only (a cookie split in pieces is joined like a whole one).
async function viewerOf(req: NextRequest) {
  const [, , verb] = req.nextUrl.pathname.split("/").slice(1);
  if (verb !== "edit" && verb !== "delete") return null;
  const found = findSessionCookie(req.cookies);
  if (!found) return null;
  return (await userFromSessionToken(getDb(), found.value, found.name))?.user ?? null;
}

// Every address of the shared pages that take a parameter (the per-viewer ones under them too, for
// the malformed-escape rule); a test holds this list to the folders of app/(shared).
export const config = {
  matcher: ["/reviews/:path*", "/comments/:path*", "/films/:path*", "/tags/:path*", "/u/:path*", "/feed/:path*", "/badges/:path*", "/ranking/:path*", "/not-yours/:path*"],
};
