import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { BODY_LIMITS, BodyTooLarge, readBodyCapped } from "@/lib/http/body";

export const { GET } = handlers;

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * Auth.js's own posts (sign-out, its CSRF-checked sign-in, OAuth form callbacks) carry a few short
 * fields: the body is read under a small cap while it streams, and Auth.js gets a request re-made
 * from those bytes.
 */
export async function POST(req: NextRequest) {
  let bytes: Uint8Array;
  try {
    bytes = await readBodyCapped(req, BODY_LIMITS.small);
  } catch (err) {
    return err instanceof BodyTooLarge ? plain(413, "This request is too large.") : plain(400, "The request could not be read.");
  }
  const headers = new Headers(req.headers);
  // The body is now whole and counted: it goes on with its own length, not as it was framed.
  headers.delete("transfer-encoding");
  headers.delete("content-length");
  const copy = new NextRequest(req.url, { method: "POST", headers, body: bytes.byteLength > 0 ? (bytes as BodyInit) : undefined });
  return handlers.POST(copy);
}
