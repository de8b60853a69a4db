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
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

/** base64url of 16 random bytes: 22 characters, which Next.js accepts as a nonce. */
export const newNonce = () => randomBytes(16).toString("base64url");

/** The placeholder lives beside the build (and so beside every page cached from it), never served. */
export function loadPlaceholder(distDir: string): string {
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
export function pagePolicy(nonce: string, { formActions = [], dev = false }: { formActions?: readonly string[]; dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // The development server's React rebuilds call stacks with eval; a production page never needs it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
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

const STATIC_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "X-Frame-Options": "DENY",
};

/** HTTP Strict Transport Security for a site served over https: a year, subdomains included. */
export const HSTS = "max-age=31536000; includeSubDomains";

/** Whether responses carry HSTS: only when the configured public origin (AUTH_URL) is https. */
export function hstsFor(authUrl: string | undefined): boolean {
  if (!authUrl) return false;
  try {
    return new URL(authUrl).protocol === "https:";
  } catch {
    return false;
  }
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/** A request carries a session: what it is sent back may be that member's and must not be stored. */
export const hasSession = (cookieHeader: unknown): boolean => typeof cookieHeader === "string" && SESSION_COOKIE.test(cookieHeader);

const BUILD_SCRIPT = Buffer.from('<script src="/_next/static/');
const BUILD_PRELOAD = Buffer.from('<link rel="preload" as="script"');
const BUILD_FILE = /^\/_next\/static\/(?!.*\.\.)[\w\-./~]+$/;
const SLASH = 0x2f;

/** A tag as Next.js writes it for one of the build's own files, without a nonce yet. */
function namesBuildFile(tagBytes: Buffer): boolean {
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

const isDocument = (type: unknown): boolean => /^text\/(?:html|x-component)\b/i.test(String(type ?? ""));
const isJson = (type: unknown): boolean => /^application\/json\b/i.test(String(type ?? ""));

/** Where each of the build's own script tags and script preloads in `buf` ends: where its nonce goes. */
function buildTagEnds(buf: Buffer): number[] {
  const ends: number[] = [];
  // Where each kind of tag is next: searched again only once passed, so a page is read once for
  // each kind, not once per tag (most of a page is a discussion with neither).
  let script = -2;
  let preload = -2;
  const nextTag = (from: number): number => {
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
function placesOf(buf: Buffer, placeholder: Buffer): number[] {
  const places: number[] = [];
  for (let at = buf.indexOf(placeholder); at !== -1; at = buf.indexOf(placeholder, at + placeholder.length)) places.push(at);
  return places;
}

/**
 * `buf` with the nonce over each placeholder and the nonce attribute at each tag end, as a new
 * buffer (the caller's may be a cached page). Both lists are in ascending order; they never meet,
 * as a nonce-less tag holds no placeholder.
 */
type NoncePlaces = { places: readonly number[]; tagEnds: readonly number[] };

function withNonces(buf: Buffer, { places, tagEnds }: NoncePlaces, nonce: Buffer, nonceAttr: Buffer): Buffer {
  if (places.length === 0 && tagEnds.length === 0) return buf;
  const parts: Buffer[] = [];
  let last = 0;
  let p = 0;
  let t = 0;
  while (p < places.length || t < tagEnds.length) {
    const place = places[p];
    const tagEnd = tagEnds[t];
    if (tagEnd === undefined || (place !== undefined && place < tagEnd)) {
      parts.push(buf.subarray(last, place), nonce);
      last = place! + nonce.length;
      p++;
    } else {
      parts.push(buf.subarray(last, tagEnd), nonceAttr);
      last = tagEnd;
      t++;
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
type PagePlan = NoncePlaces & { placeholder: string; buf: Buffer; bytes: number };
const pagePlans = new Map<string, PagePlan>();
let pagePlanBytes = 0;

function pagePlan(text: string, placeholder: string): PagePlan {
  const kept = pagePlans.get(text);
  if (kept && kept.placeholder === placeholder) {
    pagePlans.delete(text);
    pagePlans.set(text, kept);
    return kept;
  }
  const buf = Buffer.from(text);
  const plan: PagePlan = { placeholder, buf, places: placesOf(buf, Buffer.from(placeholder)), tagEnds: buildTagEnds(buf), bytes: buf.length + 2 * text.length };
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
/** Rewrites one response's bytes; `page` takes a whole page handed over as one string. */
export type NonceRewriter = ((chunk: Buffer, final: boolean) => Buffer) & { page: (text: string) => Buffer | null };

export function nonceRewriter(placeholder: string, nonce: string): NonceRewriter {
  const from = Buffer.from(placeholder);
  const to = Buffer.from(nonce);
  const nonceAttr = Buffer.from(` nonce="${nonce}"`);
  let tail: Buffer = Buffer.alloc(0);
  let started = false;

  /** Returns what can be sent now; keeps back a possible beginning of the placeholder or of a tag. */
  const rewrite = ((chunk: Buffer, final: boolean): Buffer => {
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
  }) as NonceRewriter;

  /** A whole page in one string, before anything else was written: rewritten from its kept plan. */
  rewrite.page = (text: string): Buffer | null => {
    if (started || text.length < PAGE_PLAN_MIN_CHARS) return null;
    started = true;
    const plan = pagePlan(text, placeholder);
    return withNonces(plan.buf, plan, to, nonceAttr);
  };
  return rewrite;
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;
const acceptsGzip = (header: unknown): boolean => /\bgzip\b/i.test(String(header ?? ""));

const toBuffer = (chunk: unknown, encoding?: unknown): Buffer =>
  Buffer.isBuffer(chunk)
    ? chunk
    : chunk instanceof Uint8Array
      ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");

/**
 * Wraps one response before Next.js writes to it: security headers on every status (HSTS too with
 * `hsts`, when the site is served over https), the placeholder nonce swapped for `nonce` in pages
 * and RSC payloads, then gzip where the client asks for it (Next.js's own compression is off: it
 * would run before the swap).
 */
export type SecureOptions = { placeholder: string; nonce: string; formActions: readonly string[]; hsts?: boolean; dev?: boolean };

type Callback = (err?: Error | null) => void;

export function secureResponse(req: IncomingMessage, res: ServerResponse, { placeholder, nonce, formActions, hsts = false, dev = false }: SecureOptions): void {
  const signedIn = hasSession(req.headers.cookie);
  for (const [name, value] of Object.entries(STATIC_HEADERS)) res.setHeader(name, value);
  if (hsts) res.setHeader("Strict-Transport-Security", HSTS);
  let rewrite: NonceRewriter | null = null;
  let gzip: zlib.Gzip | null = null;
  // The response's own methods, called with the shapes used here (Node.js accepts more).
  const writeHead = res.writeHead as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
  const write = res.write as (this: ServerResponse, chunk: Buffer, cb?: Callback) => boolean;
  const end = res.end as (this: ServerResponse, chunk?: Buffer, cb?: () => void) => ServerResponse;

  res.writeHead = function patchedWriteHead(this: ServerResponse, ...args: unknown[]) {
    // Headers given as an object are set one by one, so the ones below can replace or remove them.
    const given = (args.find((a) => a && typeof a === "object" && !Array.isArray(a)) ?? {}) as OutgoingHttpHeaders;
    for (const [name, value] of Object.entries(given)) if (value !== undefined) res.setHeader(name, value);
    const headerArgs = args.filter((a) => typeof a !== "object" || a === null || Array.isArray(a));
    const type = String(res.getHeader("content-type") ?? "");
    res.removeHeader("X-Powered-By");
    if (isDocument(type)) {
      rewrite = nonceRewriter(placeholder, nonce);
      res.setHeader("Content-Security-Policy", pagePolicy(nonce, { formActions, dev }));
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
        gzip.on("data", (c: Buffer) => write.call(res, c));
        gzip.on("end", () => end.call(res));
      }
    }
    return writeHead.apply(this, headerArgs);
  } as ServerResponse["writeHead"];

  const send = (buf: Buffer, final: boolean, cb?: Callback): boolean => sendOut(rewrite ? rewrite(buf, final) : buf, final, cb);
  const sendOut = (out: Buffer, final: boolean, cb?: Callback): boolean => {
    if (gzip) {
      if (out.length) gzip.write(out);
      if (final) gzip.end(cb as () => void);
      // Streamed pages keep streaming: each write leaves as soon as it is compressed.
      else gzip.flush(zlib.constants.Z_SYNC_FLUSH, cb as () => void);
      return true;
    }
    if (final) {
      end.call(res, out, cb as () => void);
      return true;
    }
    return write.call(res, out, cb);
  };

  res.write = function patchedWrite(chunk: unknown, encoding?: unknown, cb?: Callback): boolean {
    if (!res.headersSent) res.writeHead(res.statusCode);
    const callback = typeof encoding === "function" ? (encoding as Callback) : cb;
    if (chunk == null) return true;
    return send(toBuffer(chunk, encoding), false, callback);
  } as ServerResponse["write"];
  res.end = function patchedEnd(chunk?: unknown, encoding?: unknown, cb?: Callback): ServerResponse {
    if (typeof chunk === "function") [chunk, encoding, cb] = [undefined, undefined, chunk as Callback];
    if (typeof encoding === "function") [encoding, cb] = [undefined, encoding as Callback];
    if (!res.headersSent) res.writeHead(res.statusCode);
    const page = rewrite && typeof chunk === "string" && (encoding == null || /^utf-?8$/i.test(String(encoding))) ? rewrite.page(chunk) : null;
    if (page) sendOut(page, true, cb);
    else send(chunk == null ? Buffer.alloc(0) : toBuffer(chunk, encoding), true, cb);
    return res;
  } as ServerResponse["end"];
}
