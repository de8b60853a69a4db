import { randomBytes } from "node:crypto";
import pLimit from "p-limit";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { avatarFiles, users } from "@/db/schema";
import { actorOf, type Ctx } from "@/lib/context";
import { getEnv } from "@/lib/env";
import { DomainError, invalid, notFound } from "@/lib/errors";
import { takeRateSlots, waitPhrase } from "@/lib/rate-limit";
import { write, type Write } from "@/lib/write";
import { AVATAR_CONTENT_TYPE, AVATAR_PATH_PREFIX } from "./avatar-files";
import { recordPresence } from "./presence";
import { first } from "@/db/query";

export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_MAX_SIDE = 8000;
// A decoded image takes up to 4 bytes a pixel: 4,096 × 4,096 is at most 64 MB, against 256 MB at
// 8,000 × 8,000. Sixteen megapixels still takes a phone's 12 MP photo as it is, for a 256 px result.
export const AVATAR_MAX_PIXELS = 4096 * 4096;
export const AVATAR_SIZE = 256;
// At most two decodes at once in the process: members uploading together wait their turn instead
// of each holding a decoded image in memory.
const decoding = pLimit(2);

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
 * What the bytes alone tell of an upload: refuses, with a message for the `avatar`
 * field, an empty or oversized file, bytes that are not PNG, JPEG or WebP, and a stated type that
 * is not what the bytes are.
 */
function checkAvatarBytes(bytes: Uint8Array, statedType = ""): Format {
  if (bytes.length === 0) throw invalid("avatar", "Choose an image to upload.");
  if (bytes.length > AVATAR_MAX_BYTES) throw invalid("avatar", `That file is ${(bytes.length / 1048576).toFixed(2)} MB; an avatar can be at most 2 MB.`);
  const format = sniffImage(bytes);
  if (!format) throw invalid("avatar", `That file is not an image we accept. ${ACCEPTED}`);
  const stated = statedType.toLowerCase();
  if (stated && stated !== "application/octet-stream" && stated !== MIME[format] && !(format === "jpeg" && stated === "image/jpg")) {
    throw invalid("avatar", `That file says it is ${stated} but its contents are ${format.toUpperCase()}. ${ACCEPTED}`);
  }
  return format;
}

/**
 * Reads an upload's header (no pixels are decoded): besides checkAvatarBytes' refusals, an image
 * over 8,000 px a side or over AVATAR_MAX_PIXELS, and a header that cannot be read.
 */
async function inspectAvatar(bytes: Uint8Array, statedType = ""): Promise<void> {
  const format = checkAvatarBytes(bytes, statedType);
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    // The header only: nothing is decoded, so no cap is needed yet.
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
  if (width * height > AVATAR_MAX_PIXELS) {
    const count = (n: number) => n.toLocaleString("en-US");
    throw invalid(
      "avatar",
      `That image has ${count(width * height)} pixels (${width} × ${height}); an avatar can have at most ${count(AVATAR_MAX_PIXELS)} (4,096 × 4,096). Make it smaller and try again.`,
    );
  }
}

/** Decodes (under the same pixel cap, whatever the header said) and re-encodes as a 256 px WebP. */
async function decodeAvatar(bytes: Uint8Array): Promise<Buffer> {
  try {
    return await decoding(() =>
      sharp(bytes, { limitInputPixels: AVATAR_MAX_PIXELS, failOn: "error" })
        .rotate()
        .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: "attention" })
        .webp({ quality: 82 })
        .toBuffer(),
    );
  } catch {
    throw invalid("avatar", `That image could not be read; it may be damaged. ${ACCEPTED}`);
  }
}

/**
 * Checks an upload and re-encodes it as a square 256 px WebP with no metadata (EXIF orientation
 * applied first); refuses, with a message for the `avatar` field, what inspectAvatar refuses and
 * a file the decoder cannot read.
 */
export async function processAvatar(bytes: Uint8Array, statedType = ""): Promise<Buffer> {
  await inspectAvatar(bytes, statedType);
  return decodeAvatar(bytes);
}

// Each upload a member makes is decoded: AVATAR_UPLOADS_PER_HOUR of them an hour, per member.
const uploadRule = (userId: string, limit: number) => ({
  key: `avatar-upload:${userId}`,
  limit,
  windowMs: 3_600_000,
  message: (s: number) => `You can upload ${limit === 1 ? "one avatar" : `${limit} avatars`} an hour. Try again in ${waitPhrase(s)}.`,
});

const SIGN_IN_FIRST = "Please sign in to change your avatar.";

async function imageOf(w: Write, userId: string) {
  const user = await first(w.tx.select({ image: users.image }).from(users).where(eq(users.id, userId)));
  if (!user) throw notFound("This account no longer exists.");
  return user.image;
}

/** Counts an upload against the member's hourly limit (nothing is counted when refused). */
async function takeUploadSlot(ctx: Ctx, userId: string) {
  try {
    await write(ctx, async (w) => {
      await imageOf(w, userId);
      await takeRateSlots(w, [uploadRule(userId, getEnv().AVATAR_UPLOADS_PER_HOUR)]);
      return {};
    });
  } catch (err) {
    // The message goes next to the avatar field, like every other refusal of an upload.
    if (err instanceof DomainError && err.kind === "RateLimited") {
      throw new DomainError("RateLimited", err.message, { retryAfterSeconds: err.retryAfterSeconds, fieldErrors: { avatar: [err.message] } });
    }
    throw err;
  }
}

export type AvatarUpload = { bytes: Uint8Array; type?: string };

/**
 * The acting member's new avatar: stored under a fresh name in the same write that points the
 * account at it, replacing their previous upload. The upload is counted against the member's
 * hourly limit once its header passes, before its pixels are decoded (refusals from the bytes and
 * header alone count nothing); the decoding happens between writes, never inside one.
 */
export async function uploadAvatar(ctx: Ctx, input: AvatarUpload) {
  const { id } = actorOf(ctx, SIGN_IN_FIRST);
  await inspectAvatar(input.bytes, input.type ?? "");
  await takeUploadSlot(ctx, id);
  const image = await decodeAvatar(input.bytes);
  const name = `${randomBytes(12).toString("base64url")}.webp`;
  const url = `${AVATAR_PATH_PREFIX}${name}`;
  const { changes } = await write(ctx, async (w) => {
    await imageOf(w, id);
    // One stored avatar a member (a unique index on user_id): the previous one goes in this write.
    await w.tx.delete(avatarFiles).where(eq(avatarFiles.userId, id));
    await w.tx.insert(avatarFiles).values({ name, userId: id, contentType: AVATAR_CONTENT_TYPE, bytes: image, createdAt: w.now });
    await w.tx.update(users).set({ image: url }).where(eq(users.id, id));
    await recordPresence(w, id);
    return {};
  });
  return { url, bytes: image.length, changes };
}

/** Back to the generated avatar (an uploaded one is deleted; a provider's picture is forgotten). */
export async function removeAvatar(ctx: Ctx) {
  const { id } = actorOf(ctx, SIGN_IN_FIRST);
  const { previous, changes } = await write(ctx, async (w) => {
    const previous = await imageOf(w, id);
    await w.tx.update(users).set({ image: null }).where(eq(users.id, id));
    await w.tx.delete(avatarFiles).where(eq(avatarFiles.userId, id));
    if (previous !== null) await recordPresence(w, id);
    return { previous };
  });
  return { changed: previous !== null, changes };
}
