/**
 * The header through which the server (server/client-address.ts, which imports this name) hands
 * the app the client's address. The server always overwrites it: a copy sent
 * by the client never reaches the app.
 */
export const CLIENT_ADDRESS_HEADER = "x-marquee-client-address";

/** Longer than any IPv6 address with a zone; anything longer did not come from the server. */
const MAX_ADDRESS_LENGTH = 64;

/**
 * The client's address, for throttles, sign-up limits and view counting: the socket's address, or
 * the one a trusted proxy reported (TRUST_PROXY), as the server decided it. Never X-Forwarded-For
 * itself. Without the server in front (`next dev` run bare), every request is "local".
 */
export function clientAddress(req: { headers: Headers }): string {
  const address = req.headers.get(CLIENT_ADDRESS_HEADER)?.trim();
  return address && address.length <= MAX_ADDRESS_LENGTH ? address : "local";
}
