import type { NextRequest } from "next/server";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { searchFilms } from "@/lib/films/queries";

// Film suggestions for the editor's film field (title prefix, accents and case ignored).
export async function GET(req: NextRequest) {
  await connection();
  const q = (req.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  return Response.json({ films: await searchFilms(getDb(), q) }, { headers: { "cache-control": "no-store" } });
}
