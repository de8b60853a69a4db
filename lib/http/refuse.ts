import { BodyTooLarge, readJsonCapped } from "./body";
import { logRefusal, type RefusalKind } from "./refusal";

type Req = { method?: string; url: string; headers: Headers };

const wantsJson = (req: Req) => (req.headers.get("accept") ?? "").includes("application/json");

/**
 * A refusal of a security kind for a route that is not a form: logged once, answered with its
 * status and a message (JSON `{ error }` for a page's script, plain text otherwise).
 */
export function refuse(req: Req, kind: RefusalKind, status: number, message: string, opts: { json?: boolean } = {}): Response {
  logRefusal(req, kind, { status, reason: message });
  const headers = { "cache-control": "no-store" };
  if (opts.json ?? wantsJson(req)) return Response.json({ error: message }, { status, headers });
  return new Response(message, { status, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}

const MALFORMED_ADDRESS = "This address is malformed.";

/** 400 for a path whose parameter `routeParam` refused. */
export const refuseAddress = (req: Req) => refuse(req, "malformed-address", 400, MALFORMED_ADDRESS);

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} kB`;

/** What a body over its cap is told (413). */
export const tooLargeMessage = (limit: number, what = "form") => `This is more than the ${sizeText(limit)} this ${what} accepts; nothing was saved.`;

/**
 * A same-site JSON request's body, read under `limit`; or the refusal already made (403 from
 * another site, 413 over the cap, 400 for what is not JSON), logged once.
 */
export async function readJsonRequest(
  req: Req & { body: ReadableStream<Uint8Array> | null },
  isSameSite: boolean,
  limit: number,
  what: { name: string; malformed: string },
): Promise<{ json: unknown } | { refused: Response }> {
  if (!isSameSite) return { refused: refuse(req, "foreign-origin", 403, "Cross-site request refused.", { json: true }) };
  try {
    return { json: await readJsonCapped(req, limit) };
  } catch (err) {
    if (err instanceof BodyTooLarge) return { refused: refuse(req, "oversized-body", 413, tooLargeMessage(err.limit, what.name), { json: true }) };
    return { refused: refuse(req, "malformed-body", 400, what.malformed, { json: true }) };
  }
}
