// Security headers for every response, and the per-request CSP nonce.
//
// Shared pages are rendered once and served from the cache to every reader, so they cannot be
// rendered with each request's nonce. Every render is given the same secret placeholder nonce
// instead (through the request's Content-Security-Policy header, which is where Next.js reads it),
// and each response swaps the placeholder for a fresh nonce on its way out. The placeholder never
// leaves the server, so markup that did not come from a render cannot carry a valid nonce.
import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import zlib from "node:zlib";
import path from "node:path";

/** base64url of 16 random bytes: 22 characters, which Next.js accepts as a nonce. */
export const newNonce = () => randomBytes(16).toString("base64url");

/** The placeholder lives beside the build (and so beside every page cached from it), never served. */
export function loadPlaceholder(distDir) {
  const file = path.join(distDir, "server", "marquee-nonce-placeholder");
  try {
    const saved = fs.readFileSync(file, "utf8").trim();
    if (/^[\w-]{22}$/.test(saved)) return saved;
  } catch {
    // first start on this build
  }
  const fresh = newNonce();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, fresh, { mode: 0o600 });
  return fresh;
}

/** The policy for a page: scripts only with this response's nonce (and what they load). */
export function pagePolicy(nonce, { formActions = [] } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // Inline style attributes draw score bars and progress bars; no script can run from a style.
    "style-src 'self' 'unsafe-inline'",
    // Reviews may show https images (the renderer allows no other scheme).
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    `form-action 'self'${formActions.map((o) => ` ${o}`).join("")}`,
  ].join("; ");
}

/** Anything that is not a page (JSON, images, scripts) may load nothing and be framed by no one. */
export const RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

export const STATIC_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "X-Frame-Options": "DENY",
};

/** HTTP Strict Transport Security for a site served over https: a year, subdomains included. */
export const HSTS = "max-age=31536000; includeSubDomains";

/** Whether responses carry HSTS: only when the configured public origin (AUTH_URL) is https. */
export function hstsFor(authUrl) {
  if (!authUrl) return false;
  try {
    return new URL(authUrl).protocol === "https:";
  } catch {
    return false;
  }
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/** A request carries a session: what it is sent back may be that member's and must not be stored. */
export const hasSession = (cookieHeader) => typeof cookieHeader === "string" && SESSION_COOKIE.test(cookieHeader);

const BUILD_SCRIPT = Buffer.from('<script src="/_next/static/');
const BUILD_PRELOAD = Buffer.from('<link rel="preload" as="script"');
const BUILD_FILE = /^\/_next\/static\/(?!.*\.\.)[\w\-./~]+$/;
const SLASH = 0x2f;

/** A tag as Next.js writes it for one of the build's own files, without a nonce yet. */
function namesBuildFile(tagBytes) {
  const tag = tagBytes.toString("latin1");
  if (tag.includes("nonce=")) return false;
  // Its first attribute is the address, in double quotes; a preload only fetches, never runs.
  const url = tag.startsWith("<script ") ? /^<script src="([^"]*)"/.exec(tag)?.[1] : / href="([^"]*)"/.exec(tag)?.[1];
  return url !== undefined && BUILD_FILE.test(url);
}
const MIN_GZIP_BYTES = 1024;
const LT = 0x3c;
const GT = 0x3e;
const MAX_TAG = 2048;

const isDocument = (type) => /^text\/(?:html|x-component)\b/i.test(String(type ?? ""));
const isJson = (type) => /^application\/json\b/i.test(String(type ?? ""));

/** Where each of the build's own script tags and script preloads in `buf` ends: where its nonce goes. */
function buildTagEnds(buf) {
  const ends = [];
  // Where each kind of tag is next: searched again only once passed, so a page is read once for
  // each kind, not once per tag (most of a page is a discussion with neither).
  let script = -2;
  let preload = -2;
  const nextTag = (from) => {
    if (script !== -1 && script < from) script = buf.indexOf(BUILD_SCRIPT, from);
    if (preload !== -1 && preload < from) preload = buf.indexOf(BUILD_PRELOAD, from);
    return script === -1 ? preload : preload === -1 ? script : Math.min(script, preload);
  };
  for (let at = nextTag(0); at !== -1; ) {
    const close = buf.indexOf(GT, at);
    if (close === -1) break;
    if (namesBuildFile(buf.subarray(at, close))) ends.push(buf[close - 1] === SLASH ? close - 1 : close);
    at = nextTag(close);
  }
  return ends;
}

/** Every place the placeholder starts in `buf`. */
function placesOf(buf, placeholder) {
  const places = [];
  for (let at = buf.indexOf(placeholder); at !== -1; at = buf.indexOf(placeholder, at + placeholder.length)) places.push(at);
  return places;
}

/**
 * `buf` with the nonce over each placeholder and the nonce attribute at each tag end, as a new
 * buffer (the caller's may be a cached page). Both lists are in ascending order; they never meet,
 * as a nonce-less tag holds no placeholder.
 */
function withNonces(buf, { places, tagEnds }, nonce, nonceAttr) {
  if (places.length === 0 && tagEnds.length === 0) return buf;
  const parts = [];
  let last = 0;
  let p = 0;
  let t = 0;
  while (p < places.length || t < tagEnds.length) {
    if (t === tagEnds.length || (p < places.length && places[p] < tagEnds[t])) {
      parts.push(buf.subarray(last, places[p]), nonce);
      last = places[p++] + nonce.length;
    } else {
      parts.push(buf.subarray(last, tagEnds[t]), nonceAttr);
      last = tagEnds[t++];
    }
  }
  parts.push(buf.subarray(last));
  return Buffer.concat(parts);
}

// Next.js hands a cached page to the response as one string, the same string for every request
// until the page changes: its bytes and nonce places are worked out once and kept, newest first
// out last, up to a budget.
const PAGE_PLAN_MIN_CHARS = 4096;
const PAGE_PLAN_BUDGET_BYTES = 48 * 1024 * 1024;
const pagePlans = new Map();
let pagePlanBytes = 0;

function pagePlan(text, placeholder) {
  const kept = pagePlans.get(text);
  if (kept && kept.placeholder === placeholder) {
    pagePlans.delete(text);
    pagePlans.set(text, kept);
    return kept;
  }
  const buf = Buffer.from(text);
  const plan = { placeholder, buf, places: placesOf(buf, Buffer.from(placeholder)), tagEnds: buildTagEnds(buf), bytes: buf.length + 2 * text.length };
  if (kept) pagePlanBytes -= kept.bytes;
  pagePlans.set(text, plan);
  pagePlanBytes += plan.bytes;
  for (const [oldText, old] of pagePlans) {
    if (pagePlanBytes <= PAGE_PLAN_BUDGET_BYTES || old === plan) break;
    pagePlans.delete(oldText);
    pagePlanBytes -= old.bytes;
  }
  return plan;
}

/**
 * Swaps the placeholder for the nonce in a stream of bytes, and nonces the build's script tags.
 * Next.js 16 leaves the nonce off its bootstrap <script src> and its script preloads in cached
 * pages. Only files of the build are named there, so nonce-ing those tags lets no other script in.
 */
export function nonceRewriter(placeholder, nonce) {
  const from = Buffer.from(placeholder);
  const to = Buffer.from(nonce);
  const nonceAttr = Buffer.from(` nonce="${nonce}"`);
  let tail = Buffer.alloc(0);
  let started = false;

  /** Returns what can be sent now; keeps back a possible beginning of the placeholder or of a tag. */
  const rewrite = (chunk, final) => {
    started = true;
    const buf = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    let cut = buf.length;
    if (!final) {
      cut = buf.length - Math.min(from.length - 1, buf.length);
      // Never cut inside a tag: it is rewritten whole or not at all.
      const open = cut > 0 ? buf.lastIndexOf(LT, cut - 1) : -1;
      if (open !== -1 && cut - open <= MAX_TAG) {
        const close = buf.indexOf(GT, open);
        if (close === -1 || close >= cut) cut = open;
      }
      // Nor inside a placeholder: it is swapped whole.
      const straddling = buf.indexOf(from, Math.max(0, cut - from.length + 1));
      if (straddling !== -1 && straddling < cut) cut = straddling;
    }
    tail = Buffer.from(buf.subarray(cut));
    const head = buf.subarray(0, cut);
    return withNonces(head, { places: placesOf(head, from), tagEnds: buildTagEnds(head) }, to, nonceAttr);
  };

  /** A whole page in one string, before anything else was written: rewritten from its kept plan. */
  rewrite.page = (text) => {
    if (started || text.length < PAGE_PLAN_MIN_CHARS) return null;
    started = true;
    const plan = pagePlan(text, placeholder);
    return withNonces(plan.buf, plan, to, nonceAttr);
  };
  return rewrite;
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;
const acceptsGzip = (header) => /\bgzip\b/i.test(String(header ?? ""));

const toBuffer = (chunk, encoding) =>
  Buffer.isBuffer(chunk)
    ? chunk
    : chunk instanceof Uint8Array
      ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      : Buffer.from(String(chunk), typeof encoding === "string" ? encoding : "utf8");

/**
 * Wraps one response before Next.js writes to it: security headers on every status (HSTS too with
 * `hsts`, when the site is served over https), the placeholder nonce swapped for `nonce` in pages
 * and RSC payloads, then gzip where the client asks for it (Next.js's own compression is off: it
 * would run before the swap).
 */
export function secureResponse(req, res, { placeholder, nonce, formActions, hsts = false }) {
  const signedIn = hasSession(req.headers.cookie);
  for (const [name, value] of Object.entries(STATIC_HEADERS)) res.setHeader(name, value);
  if (hsts) res.setHeader("Strict-Transport-Security", HSTS);
  let rewrite = null;
  let gzip = null;
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;

  res.writeHead = function patchedWriteHead(...args) {
    const given = args.find((a) => a && typeof a === "object" && !Array.isArray(a)) ?? {};
    for (const [name, value] of Object.entries(given)) res.setHeader(name, value);
    const headerArgs = args.filter((a) => typeof a !== "object" || a === null || Array.isArray(a));
    const type = String(res.getHeader("content-type") ?? "");
    res.removeHeader("X-Powered-By");
    if (isDocument(type)) {
      rewrite = nonceRewriter(placeholder, nonce);
      res.setHeader("Content-Security-Policy", pagePolicy(nonce, { formActions }));
      // A page carries its nonce: no shared cache may keep it, and a revalidated copy would keep an old one.
      res.setHeader("Cache-Control", signedIn ? "private, no-store" : "private, no-cache");
      res.removeHeader("ETag");
      res.removeHeader("Content-Length");
    } else {
      if (!res.hasHeader("Content-Security-Policy")) res.setHeader("Content-Security-Policy", RESOURCE_POLICY);
      if (signedIn && isJson(type)) res.setHeader("Cache-Control", "private, no-store");
    }
    const status = res.statusCode;
    const bodyless = req.method === "HEAD" || status === 204 || status === 304 || (status >= 100 && status < 200);
    if (!bodyless && COMPRESSIBLE.test(type) && !res.hasHeader("Content-Encoding") && acceptsGzip(req.headers["accept-encoding"])) {
      const length = Number(res.getHeader("Content-Length") ?? Infinity);
      if (length >= MIN_GZIP_BYTES) {
        res.setHeader("Content-Encoding", "gzip");
        res.removeHeader("Content-Length");
        res.appendHeader("Vary", "Accept-Encoding");
        gzip = zlib.createGzip({ level: 6 });
        gzip.on("data", (c) => write.call(res, c));
        gzip.on("end", () => end.call(res));
      }
    }
    return writeHead.apply(this, headerArgs);
  };

  const send = (buf, final, cb) => sendOut(rewrite ? rewrite(buf, final) : buf, final, cb);
  const sendOut = (out, final, cb) => {
    if (gzip) {
      if (out.length) gzip.write(out);
      if (final) gzip.end(cb);
      // Streamed pages keep streaming: each write leaves as soon as it is compressed.
      else gzip.flush(zlib.constants.Z_SYNC_FLUSH, cb);
      return true;
    }
    return final ? (end.call(res, out, cb), true) : write.call(res, out, cb);
  };

  res.write = function patchedWrite(chunk, encoding, cb) {
    if (!res.headersSent) res.writeHead(res.statusCode);
    const callback = typeof encoding === "function" ? encoding : cb;
    if (chunk == null) return true;
    return send(toBuffer(chunk, encoding), false, callback);
  };
  res.end = function patchedEnd(chunk, encoding, cb) {
    if (typeof chunk === "function") [chunk, encoding, cb] = [undefined, undefined, chunk];
    if (typeof encoding === "function") [encoding, cb] = [undefined, encoding];
    if (!res.headersSent) res.writeHead(res.statusCode);
    const page = rewrite && typeof chunk === "string" && (encoding == null || /^utf-?8$/i.test(encoding)) ? rewrite.page(chunk) : null;
    if (page) sendOut(page, true, cb);
    else send(chunk == null ? Buffer.alloc(0) : toBuffer(chunk, encoding), true, cb);
    return res;
  };
}
