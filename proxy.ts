import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { sharedPageStatus } from "@/lib/pages/address";

/**
 * The page every unknown shared address is answered with: built once ahead, so answering a
 * made-up address renders and stores nothing new.
 */
const NOT_FOUND_PAGE = "/_not-found";

// Only shapes responses (404, 410, 400); every permission check lives in the route or verb that acts.
export function proxy(req: NextRequest) {
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
  const status = sharedPageStatus(getDb(), segments);
  if (status === 410) return NextResponse.rewrite(req.nextUrl, { status: 410 });
  if (status === 404) return NextResponse.rewrite(new URL(NOT_FOUND_PAGE, req.nextUrl), { status: 404 });
  return NextResponse.next();
}

// Every address of these pages (the per-viewer ones under them too, for the malformed-escape rule).
export const config = { matcher: ["/reviews/:path*", "/comments/:path*", "/films/:path*", "/tags/:path*", "/u/:path*"] };
