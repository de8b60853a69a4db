import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { judgedCallbackQuery, judgedCookieHeader } from "@/lib/auth/callback-url";
import { withAuthjsLog } from "@/lib/auth/authjs-log";
import { plainAnswer } from "@/lib/auth/provider-redirect";
import { BODY_LIMITS, BodyTooLarge, readBodyCapped } from "@/lib/http/body";
import { logRefusal } from "@/lib/http/refusal";

// Auth.js's own routes. What reaches Auth.js has had its callback addresses judged (a bad one is
// the request's fault, which Auth.js would answer 500), and each refusal leaves one log line.

function refuse(req: NextRequest, status: number, message: string, why: string) {
  logRefusal(req, "auth", { status, reason: why });
  return plainAnswer(status, message);
}

/** The request Auth.js gets: this one, with its callback addresses judged, and `body` when given. */
function forAuthjs(req: NextRequest, body?: Uint8Array): NextRequest {
  const url = judgedCallbackQuery(req.nextUrl);
  const cookie = judgedCookieHeader(req.headers.get("cookie"));
  if (!url && !cookie && body === undefined) return req;
  const headers = new Headers(req.headers);
  if (cookie) headers.set("cookie", cookie);
  if (body !== undefined) {
    // The body is now whole and counted: it goes on with its own length, not as it was framed.
    headers.delete("transfer-encoding");
    headers.delete("content-length");
  }
  return new NextRequest(url ?? req.nextUrl, { method: req.method, headers, body: body && body.byteLength > 0 ? (body as BodyInit) : undefined });
}

export function GET(req: NextRequest) {
  return withAuthjsLog(req, () => handlers.GET(forAuthjs(req)));
}

const isJson = (req: NextRequest) => (req.headers.get("content-type") ?? "").includes("application/json");

function parsesAsJson(bytes: Uint8Array): boolean {
  try {
    JSON.parse(new TextDecoder().decode(bytes));
    return true;
  } catch {
    return false;
  }
}

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
    return err instanceof BodyTooLarge
      ? refuse(req, 413, "This request is too large.", "oversized body")
      : refuse(req, 400, "The request could not be read.", "unreadable body");
  }
  // Auth.js parses a JSON body itself, and would log a stack for one that is not JSON.
  if (isJson(req) && bytes.byteLength > 0 && !parsesAsJson(bytes)) return refuse(req, 400, "The request is not valid JSON.", "malformed JSON body");
  return withAuthjsLog(req, () => handlers.POST(forAuthjs(req, bytes)));
}
