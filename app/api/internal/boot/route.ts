import { revalidatePath } from "next/cache";
import { expireEverything } from "@/lib/cache/expire";
import { bootToken, markBooted } from "@/lib/boot";

// Called once by this process at start-up: pages prerendered at build time, or kept on disk by
// an earlier run, were rendered from another database state (or without the nonce placeholder,
// server/security-headers.ts), so every cached entry is expired.
export async function POST(req: Request) {
  const token = bootToken();
  if (!token || req.headers.get("x-marquee-boot") !== token) return new Response(null, { status: 404 });
  expireEverything();
  // Pages that read nothing (sign-in, not found) were rendered without the CSP nonce placeholder.
  revalidatePath("/", "layout");
  markBooted();
  return new Response(null, { status: 204 });
}
