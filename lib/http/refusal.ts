import { clientAddress } from "@/lib/auth/address";

/** Refusals an operator watches for: probing, flooding and malformed traffic. */
export type RefusalKind = "foreign-origin" | "throttled" | "oversized-body" | "malformed-body" | "malformed-address" | "auth";

type Req = { method?: string; url: string; headers: Headers };

const MAX_PATH = 200;
const MAX_REASON = 120;

// Anything a client chose (the path) is cut short and has its control characters replaced, so one
// refusal is one line that cannot forge another. Never the query string, a header or the body:
// those may carry tokens, passwords or someone's text.
function printable(text: string, max: number): string {
  let out = "";
  for (const ch of text) {
    if (out.length >= max) return `${out}…`;
    const code = ch.codePointAt(0)!;
    out += code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029 ? "?" : ch;
  }
  return out;
}

function pathOf(url: string): string {
  try {
    return new URL(url, "http://marquee.invalid").pathname;
  } catch {
    return "(unparsable)";
  }
}

/** The one log line a refused request leaves: method, path, status, kind, address and a short reason. */
export function refusalLine(req: Req, kind: RefusalKind, status: number, reason: string): string {
  const method = printable(req.method ?? "GET", 10);
  const address = printable(clientAddress(req), 64);
  return `marquee: refused ${method} ${printable(pathOf(req.url), MAX_PATH)} ${status} ${kind} from ${address}: ${printable(reason, MAX_REASON)}`;
}

/** Writes that line to the server log (standard error). */
export function logRefusal(req: Req, kind: RefusalKind, detail: { status: number; reason: string }): void {
  console.warn(refusalLine(req, kind, detail.status, detail.reason));
}
