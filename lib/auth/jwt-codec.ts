import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";

// Auth.js's session token, read and written here with node:crypto: a compact JWE ("dir",
// A256CBC-HS512, RFC 7518 §5.2) whose 64-byte key is HKDF-SHA256 of the secret with the cookie
// name as salt, and whose "kid" is the key's JWK thumbprint (RFC 7638). Auth.js derives the key
// on every request and runs four asynchronous WebCrypto jobs per token; this derives it once and
// works synchronously, which took about a millisecond off every signed-in request.
// tests/unit/jwt-codec.test.ts checks that Auth.js and this read each other's tokens.
const HEADER = { alg: "dir", enc: "A256CBC-HS512" } as const;
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
const CLOCK_TOLERANCE = 15;

type Key = { mac: Buffer; enc: Buffer; kid: string };
const keys = new Map<string, Key>();

function derive(secret: string, salt: string): Key {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    const raw = Buffer.from(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    const kid = createHash("sha512").update(`{"k":"${raw.toString("base64url")}","kty":"oct"}`).digest("base64url");
    key = { mac: raw.subarray(0, 32), enc: raw.subarray(32), kid };
    keys.set(id, key);
  }
  return key;
}

function tag(key: Key, aad: string, iv: Buffer, ciphertext: Buffer): Buffer {
  const bits = Buffer.alloc(8);
  bits.writeBigUInt64BE(BigInt(Buffer.byteLength(aad) * 8));
  return createHmac("sha512", key.mac).update(aad).update(iv).update(ciphertext).update(bits).digest().subarray(0, 32);
}

type Secret = string | string[];
const list = (s: Secret) => (Array.isArray(s) ? s : [s]);
const now = () => Math.floor(Date.now() / 1000);

export async function encode({
  token = {},
  secret,
  maxAge = DEFAULT_MAX_AGE,
  salt,
  now: at,
}: {
  token?: Record<string, unknown>;
  secret: Secret;
  maxAge?: number;
  salt: string;
  /** The issuing moment in milliseconds (the clock by default). */
  now?: number;
}) {
  const key = derive(list(secret)[0]!, salt);
  const iat = at === undefined ? now() : Math.floor(at / 1000);
  const payload = JSON.stringify({ ...token, iat, exp: iat + maxAge, jti: randomUUID() });
  const aad = Buffer.from(JSON.stringify({ ...HEADER, kid: key.kid })).toString("base64url");
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", key.enc, iv);
  const ciphertext = Buffer.concat([cipher.update(payload, "utf8"), cipher.final()]);
  return `${aad}..${iv.toString("base64url")}.${ciphertext.toString("base64url")}.${tag(key, aad, iv, ciphertext).toString("base64url")}`;
}

/** A cookie that is no token of ours (garbage, tampered with, expired, another key): the request's fault, not the server's. */
export class UnreadableToken extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableToken";
  }
}

export async function decode(args: { token?: string; secret: Secret; salt: string }): Promise<Record<string, unknown> | null> {
  try {
    return read(args);
  } catch (err) {
    throw err instanceof UnreadableToken ? err : new UnreadableToken(err instanceof Error ? err.message : "unreadable token");
  }
}

function read({ token, secret, salt }: { token?: string; secret: Secret; salt: string }): Record<string, unknown> | null {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 5 || parts[1] !== "") throw new UnreadableToken("not a direct-encryption JWE");
  const [aad, , ivB64, ctB64, tagB64] = parts as [string, string, string, string, string];
  const header = JSON.parse(Buffer.from(aad, "base64url").toString("utf8")) as { alg?: string; enc?: string; kid?: string };
  if (header.alg !== HEADER.alg || header.enc !== HEADER.enc) throw new UnreadableToken("unsupported JWE algorithm");
  const key = list(secret)
    .map((s) => derive(s, salt))
    .find((k) => header.kid === undefined || header.kid === k.kid);
  if (!key) throw new UnreadableToken("no matching decryption secret");
  const iv = Buffer.from(ivB64, "base64url");
  const ciphertext = Buffer.from(ctB64, "base64url");
  const given = Buffer.from(tagB64, "base64url");
  const expected = tag(key, aad, iv, ciphertext);
  if (iv.length !== 16 || given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnreadableToken("JWE authentication failed");
  const decipher = createDecipheriv("aes-256-cbc", key.enc, iv);
  const payload = JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8")) as Record<string, unknown>;
  const t = now();
  if (typeof payload.exp === "number" && payload.exp <= t - CLOCK_TOLERANCE) throw new UnreadableToken('"exp" claim timestamp check failed');
  if (typeof payload.nbf === "number" && payload.nbf > t + CLOCK_TOLERANCE) throw new UnreadableToken('"nbf" claim timestamp check failed');
  return payload;
}
