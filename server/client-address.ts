// The client's address, decided once per request by the server (server/handler.ts) and handed to
// the app in a header of the server's own. Forwarding headers are believed only from as many
// reverse proxies as TRUST_PROXY says; by default none, and the socket's address is the client's.
import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";
import { CLIENT_ADDRESS_HEADER } from "../lib/auth/address";

// The header's one definition is the app's (lib/auth/address.ts), where it is read.
export { CLIENT_ADDRESS_HEADER };

/** Headers through which a proxy reports the client and the address it was reached at. */
const FORWARDING = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** TRUST_PROXY as lib/env.ts reads it: unset, "off" or "false" is 0, else a number of proxy hops (0–10). */
export function parseTrustProxy(raw: string | undefined): number {
  if (raw === undefined || raw === "" || raw === "off" || raw === "false") return 0;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUST_PROXY must be "off" or a number of proxy hops from 0 to 10, not ${JSON.stringify(raw)}`);
  }
  return hops;
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client. */
const plain = (address: string | undefined): string | undefined =>
  typeof address === "string" && address.toLowerCase().startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;

/** The nearest proxy's value of a header a chain of proxies may have appended to. */
function lastListed(value: string | string[]): string {
  const text = Array.isArray(value) ? value.join(",") : String(value);
  return (text.split(",").at(-1) ?? "").trim();
}

/**
 * Settles `req`'s client address in place, before the app sees the request: the address goes in
 * CLIENT_ADDRESS_HEADER (any copy the client sent is overwritten). Untrusted forwarding headers are
 * removed, so the app (and Next.js, which fills them in from the socket and Host) never believes them;
 * trusted ones are reduced to what the nearest proxy reported.
 */
export function settleClientAddress(req: IncomingMessage, hops: number): void {
  let address = req.socket.remoteAddress;
  if (hops > 0) {
    try {
      address = proxyAddr(req, (_addr, i) => i < hops);
    } catch {
      // a header proxy-addr cannot read: the connection's address, as if no proxy had written it
    }
  }
  if (hops > 0) {
    for (const name of ["x-forwarded-host", "x-forwarded-proto"]) {
      const value = req.headers[name];
      if (value !== undefined) req.headers[name] = lastListed(value);
    }
    for (const name of ["x-forwarded-port", "x-real-ip", "forwarded"]) delete req.headers[name];
    req.headers["x-forwarded-for"] = plain(address) ?? "unknown";
  } else {
    for (const name of FORWARDING) delete req.headers[name];
  }
  req.headers[CLIENT_ADDRESS_HEADER] = plain(address) ?? "unknown";
}
