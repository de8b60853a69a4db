import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import pLimit from "p-limit";
import { getEnv } from "@/lib/env";
import { rateLimited } from "@/lib/errors";

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password.normalize("NFKC"), salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

const KEYLEN = 32;
const MAXMEM = 256 * 1024 * 1024;
export const HASH_BUSY_RETRY_SECONDS = 2;

/**
 * At most `concurrency` jobs at once and `waiting` more in line; anything past that is refused at
 * once (429) instead of queueing without end. Admission is counted synchronously, so a burst that
 * arrives in one tick is split exactly.
 */
export function boundedQueue(concurrency: number, waiting: number) {
  const limit = pLimit(concurrency);
  let admitted = 0;
  return {
    concurrency,
    waiting,
    get admitted() {
      return admitted;
    },
    run<T>(job: () => Promise<T>): Promise<T> {
      if (admitted >= concurrency + waiting) {
        return Promise.reject(rateLimited("Marquee is busy checking other passwords. Try again in a moment.", HASH_BUSY_RETRY_SECONDS));
      }
      admitted++;
      return limit(job).finally(() => admitted--);
    },
  };
}

// Each hash at the default cost takes 128 MiB and a libuv thread for a good part of a second: every
// hash and every verification goes through this one line (PASSWORD_HASH_CONCURRENCY, PASSWORD_HASH_QUEUE).
let queue: ReturnType<typeof boundedQueue> | undefined;
export function passwordQueue() {
  const { PASSWORD_HASH_CONCURRENCY: n, PASSWORD_HASH_QUEUE: m } = getEnv();
  if (!queue || queue.concurrency !== n || queue.waiting !== m) queue = boundedQueue(n, m);
  return queue;
}

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string, logN = getEnv().SCRYPT_COST): Promise<string> {
  return passwordQueue().run(() => computeHash(password, logN));
}

async function computeHash(password: string, logN: number): Promise<string> {
  const N = 2 ** logN;
  const r = 8;
  const p = 1;
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r, p, maxmem: MAXMEM });
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Whether `password` matches; throws a 429 DomainError when the hashing line is full. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await passwordQueue().run(() =>
    scrypt(password, Buffer.from(salt, "base64url"), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM }),
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;

/** Spends the same time as a real verification, so an unknown account answers like a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  // Made once outside the line: a busy moment must not leave a refused promise here for good.
  dummy ??= computeHash("marquee-dummy-password", getEnv().SCRYPT_COST);
  await verifyPassword(password, await dummy);
  return false;
}
