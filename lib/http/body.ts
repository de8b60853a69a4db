// Request bodies read under a cap, counted while they stream: a `Content-Length` over the cap is
// refused before a byte is read, and a body sent without one (chunked) is cut off the moment it
// passes the cap. Nothing is parsed until the whole body is known to fit.

import { parseUrlencoded } from "./urlencoded";

/** Caps per kind of request, in bytes. A form's text fields are far below these. */
export const BODY_LIMITS = {
  /** A plain form: a review at its 100,000-character cap, in UTF-8 and percent-encoded, fits. */
  form: 1024 * 1024,
  /** A small JSON request (a view, a preview of a review body at its cap). */
  json: 1024 * 1024,
  /** Any other form: buttons (vote, delete, sign out, mark read) and short fields (settings, sign-in, sign-up). */
  small: 16 * 1024,
} as const;

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is over ${limit} bytes.`);
    this.name = "BodyTooLarge";
  }
}

export class BodyUnreadable extends Error {
  constructor(message = "The request body could not be read.") {
    super(message);
    this.name = "BodyUnreadable";
  }
}

type BodyRequest = { headers: Headers; body: ReadableStream<Uint8Array> | null };

/** The whole body as bytes, or BodyTooLarge as soon as it is known to pass `limit`. */
export async function readBodyCapped(req: BodyRequest, limit: number): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw new BodyTooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw new BodyTooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof BodyTooLarge) throw err;
    throw new BodyUnreadable();
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A form body (urlencoded or multipart) read under `limit`; an empty FormData when nothing was sent. */
export async function readFormCapped(req: BodyRequest, limit: number): Promise<FormData> {
  const type = req.headers.get("content-type");
  const bytes = await readBodyCapped(req, limit);
  if (!type || bytes.byteLength === 0) return new FormData();
  if (type.split(";")[0]!.trim().toLowerCase() === "application/x-www-form-urlencoded") {
    const form = new FormData();
    for (const [name, value] of parseUrlencoded(bytes)) form.append(name, value);
    return form;
  }
  if (tooManyParts(type, bytes)) throw new BodyUnreadable(`A form has at most ${MAX_FORM_PARTS} fields.`);
  try {
    return await new Response(bytes as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw new BodyUnreadable("The form could not be read.");
  }
}

/** More fields than any form of the site has: multipart parsing costs per part (12,000 parts in 1 MB took 300 ms). */
export const MAX_FORM_PARTS = 100;

function tooManyParts(type: string, bytes: Uint8Array): boolean {
  let boundary: string | null = null;
  for (const param of type.split(";").slice(1)) {
    const eq = param.indexOf("=");
    if (eq > 0 && param.slice(0, eq).trim().toLowerCase() === "boundary") boundary = param.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
  }
  if (!boundary) return false;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const delimiter = `--${boundary}`;
  let parts = -1;
  for (let at = buf.indexOf(delimiter); at !== -1; at = buf.indexOf(delimiter, at + delimiter.length)) {
    if (++parts > MAX_FORM_PARTS) return true;
  }
  return false;
}

/** A JSON body read under `limit`; BodyUnreadable when it is not JSON. */
export async function readJsonCapped(req: BodyRequest, limit: number): Promise<unknown> {
  const bytes = await readBodyCapped(req, limit);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new BodyUnreadable("The request is not valid JSON.");
  }
}
