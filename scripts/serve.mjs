// The production server: Next.js's request handler behind the security headers every response
// carries (scripts/security-headers.mjs). `npm start` runs it after building; its PID is the server's.
import http from "node:http";
import path from "node:path";
import { CLIENT_ADDRESS_HEADER, parseTrustProxy, settleClientAddress } from "./client-address.mjs";
import { hstsFor, loadPlaceholder, newNonce, secureResponse } from "./security-headers.mjs";

process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const { default: next } = await import("next");

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
let trustedHops;
try {
  trustedHops = parseTrustProxy(process.env.TRUST_PROXY);
} catch (err) {
  console.error(`marquee: ${err.message}`);
  process.exit(1);
}
const hsts = hstsFor(process.env.AUTH_URL);

/** Where sign-in forms may send the browser: this site and the configured OAuth providers. */
function formActions(env) {
  const origins = [];
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

const app = next({ dev: false, dir: root, hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const placeholder = loadPlaceholder(path.join(root, ".next"));
const actions = formActions(process.env);

// The same one line per refusal as the app's (lib/http/refusal.ts): never a query, header or body.
const printable = (text, max) => {
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  const clean = String(text).replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, "?");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
};
function refuse(req, res, kind, message) {
  const path = (req.url ?? "/").split("?")[0];
  const address = req.headers[CLIENT_ADDRESS_HEADER] ?? "local";
  console.warn(`marquee: refused ${printable(req.method ?? "GET", 10)} ${printable(path, 200)} 400 ${kind} from ${printable(address, 64)}: ${message}`);
  res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
  res.end(message);
}

const server = http.createServer((req, res) => {
  secureResponse(req, res, { placeholder, nonce: newNonce(), formActions: actions, hsts });
  // An answer given before its request's body was read in full (a 413 cut off while the body
  // streams) ends the connection: the unread rest would otherwise wait in it, in front of the
  // client's next request on that connection, which would never be answered.
  const writeHead = res.writeHead;
  res.writeHead = function closeIfUnread(...args) {
    if (!req.complete) res.shouldKeepAlive = false;
    return writeHead.apply(this, args);
  };
  settleClientAddress(req, trustedHops);
  // A header Next.js once trusted to skip its proxy (CVE-2025-29927): nobody outside sends it honestly.
  if (req.headers["x-middleware-subrequest"] !== undefined) return refuse(req, res, "forbidden-header", "Bad request.");
  // Next.js answers a malformed percent-escape in the path with a 500 (URIError): it is the request's fault.
  try {
    decodeURIComponent((req.url ?? "/").split("?")[0]);
  } catch {
    return refuse(req, res, "malformed-address", "That address is not valid.");
  }
  // Next.js renders with the nonce it finds here; every render gets the placeholder, whatever was sent.
  req.headers["content-security-policy"] = `script-src 'nonce-${placeholder}' 'strict-dynamic'`;
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Something went wrong.");
  });
});
// An idle kept-alive connection is closed by the server only after its clients (a reverse proxy
// keeps them for 60 s) would have let it go: closing first races a request sent on it, which
// then fails with a reset. Node's default is 5 s.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, host, () => {
  console.log(`marquee: listening on ${host ?? "all interfaces"}, port ${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
