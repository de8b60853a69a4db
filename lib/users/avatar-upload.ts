import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { users } from "@/db/schema";
import { invalid, notFound } from "@/lib/errors";
import { getEnv } from "@/lib/env";

export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_MAX_SIDE = 8000;
export const AVATAR_SIZE = 256;
// What uploaded avatars are called: the server picks the name, and serves nothing else.
export const AVATAR_FILE = /^[\w-]{16}\.webp$/;
export const AVATAR_PATH_PREFIX = "/avatars/";

type Format = "png" | "jpeg" | "webp";
const MIME: Record<Format, string> = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp" };
const ACCEPTED = "Upload a PNG, JPEG or WebP image.";

/** The format the bytes say they are (their signature), whatever the file's name or stated type. */
export function sniffImage(b: Uint8Array): Format | null {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return "png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

/**
 * Checks an upload and re-encodes it as a square 256 px WebP with no metadata (EXIF orientation
 * applied first). Refuses, with a message for the `avatar` field: an empty or oversized file,
 * bytes that are not PNG, JPEG or WebP, a stated type that is not what the bytes are, an image
 * over 8,000 px a side, and a file the decoder cannot read.
 */
export async function processAvatar(bytes: Uint8Array, statedType = ""): Promise<Buffer> {
  if (bytes.length === 0) throw invalid("avatar", "Choose an image to upload.");
  if (bytes.length > AVATAR_MAX_BYTES) throw invalid("avatar", `That file is ${(bytes.length / 1048576).toFixed(2)} MB; an avatar can be at most 2 MB.`);
  const format = sniffImage(bytes);
  if (!format) throw invalid("avatar", `That file is not an image we accept. ${ACCEPTED}`);
  const stated = statedType.toLowerCase();
  if (stated && stated !== "application/octet-stream" && stated !== MIME[format] && !(format === "jpeg" && stated === "image/jpg")) {
    throw invalid("avatar", `That file says it is ${stated} but its contents are ${format.toUpperCase()}. ${ACCEPTED}`);
  }
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw invalid("avatar", `That image could not be read; it may be damaged. ${ACCEPTED}`);
  }
  if (meta.format !== format) throw invalid("avatar", `That file's contents are not a valid ${format.toUpperCase()} image. ${ACCEPTED}`);
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width > AVATAR_MAX_SIDE || height > AVATAR_MAX_SIDE) {
    throw invalid("avatar", `That image is ${width} × ${height} px; an avatar can be at most ${AVATAR_MAX_SIDE.toLocaleString("en-US")} px a side.`);
  }
  try {
    return await sharp(bytes, { limitInputPixels: AVATAR_MAX_SIDE * AVATAR_MAX_SIDE, failOn: "error" })
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: "attention" })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw invalid("avatar", `That image could not be read; it may be damaged. ${ACCEPTED}`);
  }
}

export const avatarDir = () => path.join(getEnv().dataDir, "avatars");

/** The file behind an uploaded avatar's URL, or null when the URL is not one of ours. */
export function avatarFile(url: string | null, dir = avatarDir()): string | null {
  if (!url?.startsWith(AVATAR_PATH_PREFIX)) return null;
  const name = url.slice(AVATAR_PATH_PREFIX.length);
  return AVATAR_FILE.test(name) ? path.join(dir, name) : null;
}

function removeFile(file: string | null) {
  if (file) fs.rmSync(file, { force: true });
}

/** Stores a new avatar under a fresh name and points the account at it; the old upload is removed. */
export async function setAvatar(db: DB, userId: string, bytes: Uint8Array, statedType = "", dir = avatarDir()) {
  const image = await processAvatar(bytes, statedType);
  fs.mkdirSync(dir, { recursive: true });
  const name = `${randomBytes(12).toString("base64url")}.webp`;
  const file = path.join(dir, name);
  fs.writeFileSync(file, image, { mode: 0o644 });
  let previous: string | null;
  try {
    previous = writeTx(db, (tx) => {
      const user = tx.select({ image: users.image }).from(users).where(eq(users.id, userId)).get();
      if (!user) throw notFound("This account no longer exists.");
      tx.update(users).set({ image: `${AVATAR_PATH_PREFIX}${name}` }).where(eq(users.id, userId)).run();
      return user.image;
    });
  } catch (err) {
    removeFile(file);
    throw err;
  }
  removeFile(avatarFile(previous, dir));
  return { url: `${AVATAR_PATH_PREFIX}${name}`, bytes: image.length };
}

/** Back to the generated avatar (an uploaded file is removed; a provider's picture is forgotten). */
export function removeAvatar(db: DB, userId: string, dir = avatarDir()) {
  const previous = writeTx(db, (tx) => {
    const user = tx.select({ image: users.image }).from(users).where(eq(users.id, userId)).get();
    if (!user) throw notFound("This account no longer exists.");
    tx.update(users).set({ image: null }).where(eq(users.id, userId)).run();
    return user.image;
  });
  removeFile(avatarFile(previous, dir));
  return { changed: previous !== null };
}
