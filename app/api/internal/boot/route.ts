import { revalidateTag } from "next/cache";
import { ALL_TAG } from "@/lib/cache-tags";
import { bootToken, markBooted } from "@/lib/boot";

// Called once by this process at start-up: pages prerendered at build time, or kept on disk by
// an earlier run, were rendered from another database state, so every cached entry is expired.
export async function POST(req: Request) {
  const token = bootToken();
  if (!token || req.headers.get("x-marquee-boot") !== token) return new Response(null, { status: 404 });
  revalidateTag(ALL_TAG, { expire: 0 });
  markBooted();
  return new Response(null, { status: 204 });
}
