// What every request goes through before Next.js sees it, in production and in development alike:
// the security headers (server/security-headers.ts), the client's address (server/client-address.ts),
// and the refusals Next.js would get wrong.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER, settleClientAddress } from "./client-address";
import { newNonce, secureResponse } from "./security-headers";

export type NextHandle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export type HandlerOptions = {
  /** The secret nonce every render is given; each response swaps in its own. */
  placeholder: string;
  /** Origins sign-in forms may post to (formActions). */
  formActions: readonly string[];
  hsts: boolean;
  /** How many reverse proxies are trusted to report the client (TRUST_PROXY). */
  trustedHops: number;
  /** The development server: its pages may use eval (React's dev tooling), nothing else differs. */
  dev?: boolean;
};

/** Where sign-in forms may send the browser: this site and the configured OAuth providers. */
export function formActions(env: Readonly<Record<string, string | undefined>>): string[] {
  const origins: string[] = [];
  if (env.AUTH_GITHUB_ID) origins.push("https://github.com");
  if (env.AUTH_GOOGLE_ID) origins.push("https://accounts.google.com");
  if (env.OIDC_ISSUER) {
    try {
      origins.push(new URL(env.OIDC_ISSUER).origin);
    } catch {
      // the app refuses a malformed issuer at start-up
    }
  }
  return origins;
}

// The same one line per refusal as the app's (lib/http/refusal.ts): never a query, header or body.
function printable(text: unknown, max: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  const clean = String(text).replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, "?");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

function refuse(req: IncomingMessage, res: ServerResponse, kind: string, message: string): void {
  const path = (req.url ?? "/").split("?")[0];
  const address = req.headers[CLIENT_ADDRESS_HEADER] ?? "local";
  console.warn(`marquee: refused ${printable(req.method ?? "GET", 10)} ${printable(path, 200)} 400 ${kind} from ${printable(address, 64)}: ${message}`);
  res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
  res.end(message);
}

/** The request listener around Next.js's `handle`. */
export function marqueeHandler(handle: NextHandle, opts: HandlerOptions): RequestListener {
  const { placeholder, trustedHops } = opts;
  const secure = { placeholder, formActions: opts.formActions, hsts: opts.hsts, dev: opts.dev ?? false };
  return (req, res) => {
    secureResponse(req, res, { ...secure, nonce: newNonce() });
    // An answer given before its request's body was read in full (a 413 cut off while the body
    // streams) ends the connection: the unread rest would otherwise wait in it, in front of the
    // client's next request on that connection, which would never be answered.
    const writeHead = res.writeHead;
    res.writeHead = function closeIfUnread(this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
      if (!req.complete) res.shouldKeepAlive = false;
      return writeHead.apply(this, args);
    } as ServerResponse["writeHead"];
    settleClientAddress(req, trustedHops);
    // A header Next.js once trusted to skip its proxy (CVE-2025-29927): nobody outside sends it honestly.
    if (req.headers["x-middleware-subrequest"] !== undefined) return refuse(req, res, "forbidden-header", "Bad request.");
    // Next.js answers a malformed percent-escape in the path with a 500 (URIError): it is the request's fault.
    try {
      decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    } catch {
      return refuse(req, res, "malformed-address", "That address is not valid.");
    }
    // Next.js renders with the nonce it finds here; every render gets the placeholder, whatever was sent.
    req.headers["content-security-policy"] = `script-src 'nonce-${placeholder}' 'strict-dynamic'`;
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Something went wrong.");
    });
  };
}
