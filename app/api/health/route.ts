import { connection } from "next/server";
import { isBooted } from "@/lib/boot";

// Ready once migrations, the seed and the start-up cache invalidation are done.
export async function GET() {
  await connection();
  const ready = isBooted();
  return Response.json({ ready }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
