import fc from "fast-check";
import type { FuzzRoute, ParamKind } from "./routes";

// Random and hostile requests for one route: field sets of wrong types, huge, empty, repeated,
// with control characters and lone surrogates, deep JSON, bodies in the wrong encoding, with and
// without a length, from this site and from others.

/** Real rows of the e2e database that path parameters and ids point at, so handlers get past "not found". */
export type Targets = {
  reviewSlugs: string[];
  reviewIds: number[];
  commentIds: number[];
  notificationIds: number[];
  usernames: string[];
};

export type FuzzRequest = {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  /** Sent as a stream without Content-Length (chunked). */
  chunked: boolean;
  /** The Origin is another site's (or none): nothing may change. */
  foreignOrigin: boolean;
  /** What was sent, short enough for a failure message. */
  summary: string;
  [fc.toStringMethod]: () => string;
};

const HOSTILE = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u202eadmin\u202c",
  "\u0007\u001b[2J",
  "\r\n\r\n",
  "\ud800",
  "x\udfffy",
  "\ufeff",
  "0",
  "-1",
  "1e309",
  "NaN",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "9007199254740993",
  "../../../etc/passwd",
  "%25",
  "%",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "//evil.example",
  "/\t/evil.example",
  "\\\\evil.example",
  "https://evil.example/",
  "👨‍👩‍👧‍👦".repeat(8),
  "e\u0301\u0301\u0301\u0301",
  "publish",
  "draft",
  "up",
  "none",
  "review",
  "comment",
  "on",
  "1",
  "signup",
  "oidc",
];

/** Characters whose long runs are the worst case for a regex or a transform. */
const RUNS = [" ", "\n", "\t", "\r\n", " \n", "a", "e\u0301", "\u0000", "\u200b", "\ud800", "👨‍👩‍👧‍👦", "[", "*", "> ", "`", "<"];

const huge = fc
  .tuple(fc.constantFrom(...RUNS), fc.constantFrom(300, 2_100, 11_000, 110_000, 600_000), fc.constantFrom("", "x", "\n```\n"))
  .map(([unit, n, tail]) => unit.repeat(Math.ceil(n / unit.length)) + tail);

function valueArb(t: Targets): fc.Arbitrary<string> {
  const ids = [...t.reviewIds, ...t.commentIds, ...t.notificationIds].map(String);
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
    { weight: 2, arbitrary: fc.integer({ min: -5, max: 2 ** 31 }).map(String) },
    { weight: 3, arbitrary: fc.constantFrom(...(ids.length ? ids : ["1"]), ...t.usernames) },
    { weight: 1, arbitrary: huge },
  );
}

/** UTF-8, except that a lone surrogate is written as its 3 bytes (invalid UTF-8), as a hostile client may. */
function looseUtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out.push(...Buffer.from(s.slice(i, i + 2), "utf8"));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(...Buffer.from(s[i]!, "utf8"));
  }
  return Uint8Array.from(out);
}

const pct = (s: string) => Array.from(looseUtf8(s), (b) => (/[\w\-.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`)).join("");
const urlencoded = (pairs: [string, string][]) => pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join("&");

function multipart(pairs: [string, string][], file: Uint8Array | null, boundary: string): Uint8Array {
  const parts: Uint8Array[] = [];
  const text = (s: string) => parts.push(looseUtf8(s));
  for (const [k, v] of pairs) {
    text(`--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, "_")}"\r\n\r\n`);
    text(v);
    text("\r\n");
  }
  if (file) {
    text(`--${boundary}\r\nContent-Disposition: form-data; name="avatar"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`);
    parts.push(file);
    text("\r\n");
  }
  text(`--${boundary}--\r\n`);
  return Buffer.concat(parts);
}

/** A PNG header claiming `w` × `h` pixels, followed by junk: a decompression bomb's opening. */
function pngClaiming(w: number, h: number, junk: number): Uint8Array {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write("IHDR", 4, "latin1");
  ihdr.writeUInt32BE(w, 8);
  ihdr.writeUInt32BE(h, 12);
  ihdr.writeUInt8(8, 16);
  ihdr.writeUInt8(6, 17);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(junk, 0x41)]);
}

const fileArb = fc.oneof(
  fc.constant(null),
  fc.uint8Array({ maxLength: 512 }),
  fc.tuple(fc.constantFrom(1, 8000, 8001, 65535, 2 ** 31 - 1), fc.constantFrom(1, 8000, 8001, 65535), fc.constantFrom(16, 4096, 2_200_000)).map(([w, h, j]) => pngClaiming(w, h, j)),
);

function deepJson(depth: number, shape: "array" | "object"): string {
  return shape === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

function paramArb(kind: ParamKind, t: Targets): fc.Arbitrary<string> {
  const hostile = fc.constantFrom("%25", "%", "%E0%A4%A", "%00", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", "0", "-1", "99999999999999999999", "a".repeat(3000), "%F0%9F%8E%AC", "%20", "x%0Ay");
  const real: Record<ParamKind, string[]> = {
    review: t.reviewSlugs.map(encodeURIComponent),
    comment: t.commentIds.map(String),
    notification: t.notificationIds.map(String),
    username: t.usernames,
    "avatar-file": ["0123456789abcdef.webp", "..%2Fe2e.db", "auth-secret"],
    auth: ["session", "csrf", "providers", "signin", "signout", "error", "callback/credentials", "callback/oidc", "signin/oidc", "signin/credentials", "verify-request", "nope"],
  };
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(real[kind].length ? real[kind] : ["1"])) }, { weight: 2, arbitrary: hostile });
}

type OriginChoice = { origin: string | null; forwardedHost?: string; foreign: boolean };

function originArb(site: string): fc.Arbitrary<OriginChoice> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant({ origin: site, foreign: false }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<OriginChoice>(
        { origin: null, foreign: true },
        { origin: "null", foreign: true },
        { origin: "http://evil.example", foreign: true },
        { origin: `${site}.evil.example`, foreign: true },
        { origin: "::::", foreign: true },
        { origin: "http://evil.example", forwardedHost: "evil.example", foreign: true },
      ),
    },
  );
}

/** Every way the request is sent: what encodes its fields, whether it has a length. */
const ENCODINGS = ["urlencoded", "multipart", "json", "none", "text", "bad-multipart", "invalid-utf8"] as const;
type Encoding = (typeof ENCODINGS)[number];

export function requestArb(route: FuzzRoute, t: Targets, site: string): fc.Arbitrary<FuzzRequest> {
  const value = valueArb(t);
  const key = fc.oneof({ weight: 6, arbitrary: route.fields.length ? fc.constantFrom(...route.fields) : fc.constant("x") }, { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "", "a[]", "x".repeat(300)) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
  const pairs = fc.array(fc.tuple(key, value), { maxLength: 8 });
  const preferred: Encoding = route.body === "json" ? "json" : route.body === "multipart" ? "multipart" : route.body === "none" ? "none" : "urlencoded";
  const encoding = fc.oneof({ weight: 5, arbitrary: fc.constant(preferred) }, { weight: 2, arbitrary: fc.constantFrom(...ENCODINGS) });
  const json = fc.oneof(
    { weight: 4, arbitrary: fc.constant("pairs") },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(10, 1_000, 100_000), fc.constantFrom<"array" | "object">("array", "object")).map(([d, s]) => deepJson(d, s)) },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "null", "[]", '"body"', "1e999", '{"body":null}', '{"body":["a"]}', '{"body":{"toString":1}}', '{"postId":"1","__proto__":{"x":1}}') },
  );
  return fc
    .record({
      pairs,
      encoding,
      json,
      file: route.body === "multipart" ? fileArb : fc.constant(null),
      param: route.param ? paramArb(route.param, t) : fc.constant(""),
      origin: route.method === "POST" ? originArb(site) : fc.constant<OriginChoice>({ origin: null, foreign: false }),
      chunked: fc.boolean(),
      accept: fc.constantFrom("application/json", "text/html", "*/*"),
    })
    .map((r) => build(route, r));
}

/**
 * The first request tried on every route: each field it reads at 110,000 spaces ended by a letter
 * (the shape that makes a trailing-space regex quadratic), from this site, as a plain form post.
 */
export function worstRequest(route: FuzzRoute, t: Targets, site: string): FuzzRequest {
  const run = " ".repeat(110_000) + "x";
  const real: Partial<Record<ParamKind, string | undefined>> = { review: t.reviewSlugs[1], comment: t.commentIds[0]?.toString(), notification: t.notificationIds[0]?.toString(), username: t.usernames[0] };
  return build(route, {
    pairs: route.fields.map((f) => [f, run]),
    encoding: route.body === "json" ? "json" : route.body === "multipart" ? "multipart" : "urlencoded",
    json: "pairs",
    file: null,
    param: (route.param && real[route.param]) ?? "x",
    origin: { origin: site, foreign: false },
    chunked: false,
    accept: "text/html",
  });
}

function build(
  route: FuzzRoute,
  r: { pairs: [string, string][]; encoding: Encoding; json: string; file: Uint8Array | null; param: string; origin: OriginChoice; chunked: boolean; accept: string },
): FuzzRequest {
  // An address longer than Node's 16 KB header limit is refused before any handler runs: a query keeps to 1,000 characters a value.
  if (route.method === "GET") r = { ...r, pairs: r.pairs.map(([k, v]) => [k, v.slice(0, 1_000)]) };
  let path = route.template.replace(/\[[^\][]*\]/, () => r.param);
  const headers: Record<string, string> = { accept: r.accept };
  if (r.origin.origin !== null) headers.origin = r.origin.origin;
  if (r.origin.forwardedHost) headers["x-forwarded-host"] = r.origin.forwardedHost;
  let body: Uint8Array | null = null;
  if (route.method === "GET") {
    if (r.pairs.length) path += `?${urlencoded(r.pairs)}`;
  } else {
    const boundary = "----fuzz" + "7".repeat(12);
    switch (r.encoding) {
      case "urlencoded":
        headers["content-type"] = "application/x-www-form-urlencoded";
        body = looseUtf8(urlencoded(r.pairs));
        break;
      case "multipart":
        headers["content-type"] = `multipart/form-data; boundary=${boundary}`;
        body = multipart(r.pairs, r.file, boundary);
        break;
      case "json":
        headers["content-type"] = "application/json";
        body = looseUtf8(r.json === "pairs" ? JSON.stringify(Object.fromEntries(r.pairs)) : r.json);
        break;
      case "text":
        headers["content-type"] = "text/plain";
        body = looseUtf8(r.pairs.map(([k, v]) => `${k}=${v}`).join("\n"));
        break;
      case "bad-multipart":
        headers["content-type"] = "multipart/form-data";
        body = looseUtf8(`--x\r\n${r.pairs.map(([k, v]) => `${k}${v}`).join("")}`);
        break;
      case "invalid-utf8":
        headers["content-type"] = "application/x-www-form-urlencoded";
        body = Buffer.concat([Buffer.from("body="), Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]), Buffer.from("&title=%ZZ%&%")]);
        break;
      case "none":
        break;
    }
  }
  const size = body?.byteLength ?? 0;
  const shown = r.pairs.map(([k, v]) => `${JSON.stringify(k.slice(0, 30))}: ${v.length > 60 ? `${JSON.stringify(v.slice(0, 20))}… (${v.length} chars)` : JSON.stringify(v)}`).join(", ");
  const summary = [
    `${route.method} ${path.length > 200 ? path.slice(0, 200) + "…" : path}`,
    `encoding ${route.method === "GET" ? "query" : r.encoding}${r.encoding === "json" && r.json !== "pairs" ? ` (${r.json.length > 60 ? r.json.slice(0, 30) + "…" : r.json})` : ""}, ${size} bytes${r.chunked && body ? ", chunked" : ""}`,
    `origin ${r.origin.origin ?? "(none)"}${r.origin.forwardedHost ? ` with X-Forwarded-Host ${r.origin.forwardedHost}` : ""}, accept ${r.accept}`,
    `fields {${shown}}${r.file ? `, file ${r.file.byteLength} bytes` : ""}`,
  ].join("; ");
  return {
    method: route.method,
    path,
    headers,
    body,
    chunked: r.chunked && body !== null,
    foreignOrigin: route.method === "POST" && r.origin.foreign,
    summary,
    // fast-check prints a failing value with this: the summary, not megabytes of body.
    [fc.toStringMethod]: () => summary,
  };
}
