import { NextResponse, type NextRequest } from "next/server";
import { isDeletedReviewSlug } from "@/lib/reviews/deleted-slugs";

// Only shapes responses; every permission check lives in the route or verb that acts.
export function proxy(req: NextRequest) {
  const slug = req.nextUrl.pathname.split("/")[2];
  // A deleted review's page says so, with 410 Gone.
  if (slug && isDeletedReviewSlug(decodeURIComponent(slug))) return NextResponse.rewrite(req.nextUrl, { status: 410 });
  return NextResponse.next();
}

export const config = { matcher: ["/reviews/:slug", "/reviews/:slug/comments/:sort"] };
