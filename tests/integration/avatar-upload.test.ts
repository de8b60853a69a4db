import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AVATAR_FILE,
  AVATAR_MAX_BYTES,
  AVATAR_MAX_PIXELS,
  AVATAR_MAX_SIDE,
  AVATAR_SIZE,
  avatarFile,
  processAvatar,
  removeAvatar,
  sniffImage,
  uploadAvatar,
} from "@/lib/users/avatar-upload";
import { resetEnvForTests } from "@/lib/env";
import { tagsFor } from "@/lib/cache/expire";
import { ctxAs, fixtureWriter, perTestDb, rows } from "../helpers/db";
import { setTestEnv } from "../helpers/env";
import { expectDomainError, HOUR, makeUser, T0, at } from "../helpers/reviews";
import { makeImage, noisePng, snapshot, userRow } from "../helpers/people";
import { sqlRun } from "@/tests/helpers/sql";

const ghostId = "00000000-0000-4000-8000-000000000000";

/** A temp folder per test for the avatars, removed afterwards. */
function perTestDir() {
  let dir = "";
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-avatars-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    get path() {
      return path.join(dir, "avatars"); // does not exist yet: uploadAvatar makes it
    },
    get root() {
      return dir;
    },
  };
}

const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** A PNG whose header (IHDR) says it is width × height, whatever its pixel data holds. */
function pngClaiming(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  // Signature (8), then IHDR: length (4), type (4), width (4), height (4), … , CRC over type and data.
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(zlib.crc32(out.subarray(12, 29)), 29);
  return out;
}

/** Expects processAvatar to refuse with a message on the `avatar` field; returns the message. */
async function refused(bytes: Uint8Array, type = "") {
  const err = await expectDomainError(() => processAvatar(bytes, type), "Invalid", 422, ["avatar"]);
  return err.message;
}

describe("sniffImage", () => {
  it("names the format the bytes say, whatever else", async () => {
    expect(sniffImage(await makeImage("png", 4, 4))).toBe("png");
    expect(sniffImage(await makeImage("jpeg", 4, 4))).toBe("jpeg");
    expect(sniffImage(await makeImage("webp", 4, 4))).toBe("webp");
    expect(sniffImage(await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).gif().toBuffer())).toBeNull();
    expect(sniffImage(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImage(Buffer.from("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull(); // a PNG signature cut short
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});

describe("processAvatar", () => {
  it("re-encodes PNG, JPEG and WebP as a 256 × 256 WebP, whatever the shape", async () => {
    for (const [format, w, h] of [
      ["png", 600, 300],
      ["jpeg", 300, 900],
      ["webp", 64, 64],
    ] as const) {
      const out = await processAvatar(await makeImage(format, w, h), `image/${format}`);
      expect(sniffImage(out), format).toBe("webp");
      const meta = await sharp(out).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }, format).toEqual({ format: "webp", width: AVATAR_SIZE, height: AVATAR_SIZE });
    }
  });

  it("accepts no stated type, application/octet-stream, image/jpg for JPEG and a type in capitals", async () => {
    const jpeg = await makeImage("jpeg", 40, 40);
    for (const type of ["", "application/octet-stream", "image/jpg", "IMAGE/JPEG"]) {
      expect((await sharp(await processAvatar(jpeg, type)).metadata()).width, type).toBe(AVATAR_SIZE);
    }
  });

  it("drops the upload's metadata (EXIF and all)", async () => {
    const tagged = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#334" } })
      .withExif({ IFD0: { Copyright: "Mara K", Artist: "Somewhere 51.5N 0.1W" } })
      .jpeg()
      .toBuffer();
    expect((await sharp(tagged).metadata()).exif).toBeDefined();
    const out = await processAvatar(tagged, "image/jpeg");
    const meta = await sharp(out).metadata();
    expect(meta.exif).toBeUndefined();
    expect(out.includes(Buffer.from("Mara K"))).toBe(false);
  });

  it("refuses an empty file", async () => {
    expect(await refused(new Uint8Array())).toBe("Choose an image to upload.");
  });

  it(`takes a file of exactly ${AVATAR_MAX_BYTES} bytes and refuses one byte more`, async () => {
    const png = await makeImage("png", 32, 32);
    // Bytes after the PNG's end are ignored by decoders: pad a real image to the limit.
    const atLimit = Buffer.concat([png, Buffer.alloc(AVATAR_MAX_BYTES - png.length)]);
    expect((await sharp(await processAvatar(atLimit, "image/png")).metadata()).width).toBe(AVATAR_SIZE);
    const over = Buffer.concat([atLimit, Buffer.alloc(1)]);
    expect(await refused(over, "image/png")).toBe("That file is 2.00 MB; an avatar can be at most 2 MB.");
  });

  it("refuses a real picture over 2 MB", async () => {
    const big = await noisePng(900); // ~2.4 MB of incompressible pixels
    expect(big.length).toBeGreaterThan(AVATAR_MAX_BYTES);
    expect(await refused(big, "image/png")).toMatch(/^That file is 2\.\d\d MB; an avatar can be at most 2 MB\.$/);
  });

  it("refuses bytes that are not PNG, JPEG or WebP, whatever type they claim", async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).gif().toBuffer();
    const svg = Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>");
    for (const [bytes, type] of [
      [gif, "image/gif"],
      [gif, "image/png"],
      [svg, "image/svg+xml"],
      [Buffer.from("just some text"), "image/jpeg"],
    ] as const) {
      expect(await refused(bytes, type)).toBe("That file is not an image we accept. Upload a PNG, JPEG or WebP image.");
    }
  });

  it("refuses a stated type the bytes contradict", async () => {
    const png = await makeImage("png", 10, 10);
    expect(await refused(png, "image/jpeg")).toBe("That file says it is image/jpeg but its contents are PNG. Upload a PNG, JPEG or WebP image.");
    expect(await refused(await makeImage("webp", 10, 10), "image/png")).toMatch(/^That file says it is image\/png but its contents are WEBP\./);
    expect(await refused(await makeImage("jpeg", 10, 10), "text/html")).toMatch(/^That file says it is text\/html but its contents are JPEG\./);
  });

  it(`takes ${AVATAR_MAX_SIDE} px a side and refuses ${AVATAR_MAX_SIDE + 1} in either direction`, async () => {
    const edge = await makeImage("png", AVATAR_MAX_SIDE, 8);
    const meta = await sharp(await processAvatar(edge, "image/png")).metadata();
    expect([meta.width, meta.height]).toEqual([AVATAR_SIZE, AVATAR_SIZE]);
    expect(await refused(await makeImage("png", AVATAR_MAX_SIDE + 1, 8), "image/png")).toBe(
      "That image is 8001 × 8 px; an avatar can be at most 8,000 px a side.",
    );
    expect(await refused(await makeImage("jpeg", 8, AVATAR_MAX_SIDE + 1), "image/jpeg")).toBe(
      "That image is 8 × 8001 px; an avatar can be at most 8,000 px a side.",
    );
  });

  it(`takes ${AVATAR_MAX_PIXELS.toLocaleString("en-US")} pixels (4,096 × 4,096) and refuses more, within the side limit, before decoding`, async () => {
    expect(AVATAR_MAX_PIXELS).toBe(4096 * 4096);
    const atCap = await makeImage("png", 4096, 4096);
    expect((await sharp(await processAvatar(atCap, "image/png")).metadata()).width).toBe(AVATAR_SIZE);
    const message = (w: number, h: number) =>
      `That image has ${(w * h).toLocaleString("en-US")} pixels (${w} × ${h}); an avatar can have at most 16,777,216 (4,096 × 4,096). Make it smaller and try again.`;
    expect(await refused(await makeImage("png", 4097, 4096), "image/png")).toBe(message(4097, 4096));
    // The case: 8,000 × 8,000 px of one colour is a small file that decodes to about 200 MB.
    const bomb = await makeImage("jpeg", AVATAR_MAX_SIDE, AVATAR_MAX_SIDE);
    expect(bomb.length).toBeLessThan(AVATAR_MAX_BYTES);
    expect(await refused(bomb, "image/jpeg")).toBe(message(AVATAR_MAX_SIDE, AVATAR_MAX_SIDE));
  });

  it("refuses a file that lies about its size: a header claiming more pixels than it holds, or fewer", async () => {
    const small = await makeImage("png", 16, 16);
    // Claims 5,000 × 5,000 (under the side limit, over the pixel cap): refused from the header alone.
    expect(await refused(pngClaiming(small, 5000, 5000), "image/png")).toMatch(/^That image has 25,000,000 pixels \(5000 × 5000\); an avatar can have at most 16,777,216/);
    // Claims 4,000 × 4,000 (within every cap) over the data of a 16 × 16 image: the decoder finds it short.
    expect(await refused(pngClaiming(small, 4000, 4000), "image/png")).toBe("That image could not be read; it may be damaged. Upload a PNG, JPEG or WebP image.");
    // Claims 4 × 4 over the data of a 64 × 64 image.
    expect(await refused(pngClaiming(await noisePng(64), 4, 4), "image/png")).toBe("That image could not be read; it may be damaged. Upload a PNG, JPEG or WebP image.");
  });

  it("refuses a file whose signature is right but whose contents are damaged", async () => {
    const png = await makeImage("png", 64, 64);
    const garbage = Buffer.concat([png.subarray(0, 8), Buffer.from("this is not a PNG chunk at all".repeat(4))]);
    expect(await refused(garbage, "image/png")).toBe("That image could not be read; it may be damaged. Upload a PNG, JPEG or WebP image.");
    // A header that reads fine over pixel data that is cut off.
    const noise = await noisePng(64);
    const truncated = noise.subarray(0, Math.floor(noise.length / 2));
    expect(await refused(truncated, "image/png")).toBe("That image could not be read; it may be damaged. Upload a PNG, JPEG or WebP image.");
    const jpeg = await makeImage("jpeg", 64, 64);
    expect(await refused(Buffer.concat([jpeg.subarray(0, 3), Buffer.alloc(200, 0x41)]), "image/jpeg")).toMatch(/could not be read/);
  });
});

describe("uploadAvatar and removeAvatar", () => {
  const t = perTestDb();
  const dir = perTestDir();

  it("stores the WebP under a fresh 16-character name and points the account at it", async () => {
    const mara = await makeUser(t.db, "mara");
    const result = await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 300, 200), type: "image/png" }, dir.path);
    const files = filesIn(dir.path);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(AVATAR_FILE);
    expect(files[0]).toMatch(/^[\w-]{16}\.webp$/);
    const { changes, ...uploaded } = result;
    expect(uploaded).toEqual({ url: `/avatars/${files[0]}`, bytes: fs.statSync(path.join(dir.path, files[0]!)).size });
    // The new face shows wherever she does: her profile, the members directory, the Ranking.
    expect(tagsFor(changes).sort()).toEqual([`user:${mara.id}`, "members", "ranking"].sort());
    expect((await userRow(t.db, mara.id))!.image).toBe(`/avatars/${files[0]}`);
    const meta = await sharp(path.join(dir.path, files[0]!)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", AVATAR_SIZE, AVATAR_SIZE]);
    expect(avatarFile(result.url, dir.path)).toBe(path.join(dir.path, files[0]!));
    // Readable by the server's user alone, like the database beside it.
    expect(modeOf(dir.path)).toBe(0o700);
    expect(modeOf(path.join(dir.path, files[0]!))).toBe(0o600);
  });

  it("tightens an avatars folder left open by an earlier version", async () => {
    const mara = await makeUser(t.db, "mara");
    fs.mkdirSync(dir.path, { mode: 0o755 });
    fs.chmodSync(dir.path, 0o755);
    const result = await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 20, 20), type: "image/png" }, dir.path);
    expect(modeOf(dir.path)).toBe(0o700);
    expect(modeOf(avatarFile(result.url, dir.path)!)).toBe(0o600);
  });

  it("removes the previous upload when a new one replaces it, and only that file", async () => {
    const mara = await makeUser(t.db, "mara");
    const femi = await makeUser(t.db, "femi");
    const femis = await uploadAvatar(ctxAs(t.db, femi.id), { bytes: await makeImage("jpeg", 50, 50), type: "image/jpeg" }, dir.path);
    const first = await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 50, 50), type: "image/png" }, dir.path);
    const second = await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("webp", 50, 50), type: "image/webp" }, dir.path);
    expect(second.url).not.toBe(first.url);
    expect(filesIn(dir.path)).toEqual([femis.url, second.url].map((u) => u.slice("/avatars/".length)).sort());
    expect((await userRow(t.db, mara.id))!.image).toBe(second.url);
  });

  it("leaves a picture that is not an upload of ours alone: a provider's URL, or a path that escapes the folder", async () => {
    const mara = await makeUser(t.db, "mara");
    fs.mkdirSync(dir.path, { recursive: true });
    const outside = path.join(dir.root, "victim.webp");
    fs.writeFileSync(outside, "keep me");
    for (const image of ["https://avatars.example.com/u/1.png", "/avatars/../victim.webp", "/avatars/AAAAAAAAAAAAAAAA.png"]) {
      await sqlRun(fixtureWriter(t.db), `update users set image = ? where id = ?`, image, mara.id);
      expect(avatarFile(image, dir.path)).toBeNull();
      expect((await removeAvatar(ctxAs(t.db, mara.id), dir.path)).changed).toBe(true);
      expect((await userRow(t.db, mara.id))!.image).toBeNull();
    }
    expect(fs.readFileSync(outside, "utf8")).toBe("keep me");
    await sqlRun(fixtureWriter(t.db), `update users set image = ? where id = ?`, "/avatars/../victim.webp", mara.id);
    const result = await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 20, 20), type: "image/png" }, dir.path);
    expect(fs.readFileSync(outside, "utf8")).toBe("keep me");
    expect(filesIn(dir.path)).toEqual([result.url.slice("/avatars/".length)]);
  });

  it("refuses a bad upload with no file written and the account as it was", async () => {
    const mara = await makeUser(t.db, "mara");
    const kept = await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 20, 20), type: "image/png" }, dir.path);
    const before = await snapshot(t.db);
    const files = filesIn(dir.path);
    const tooWide = await makeImage("png", AVATAR_MAX_SIDE + 1, 8);
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id), { bytes: tooWide, type: "image/png" }, dir.path), "Invalid", 422, ["avatar"]);
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id), { bytes: Buffer.from("not an image"), type: "image/png" }, dir.path), "Invalid", 422, ["avatar"]);
    await expectDomainError(async () => uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 20, 20), type: "image/jpeg" }, dir.path), "Invalid", 422, ["avatar"]);
    expect(await snapshot(t.db)).toEqual(before);
    expect(filesIn(dir.path)).toEqual(files);
    expect((await userRow(t.db, mara.id))!.image).toBe(kept.url);
  });

  it("refuses an account that is gone (404), leaving no file behind", async () => {
    await expectDomainError(async () => uploadAvatar(ctxAs(t.db, ghostId), { bytes: await makeImage("png", 20, 20), type: "image/png" }, dir.path), "NotFound", 404);
    expect(filesIn(dir.path)).toEqual([]);
    await expect(removeAvatar(ctxAs(t.db, ghostId), dir.path)).rejects.toThrow("This account no longer exists.");
  });

  it("removeAvatar goes back to the generated avatar, removing the upload; with none it changes nothing", async () => {
    const mara = await makeUser(t.db, "mara");
    await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 20, 20), type: "image/png" }, dir.path);
    const removed = await removeAvatar(ctxAs(t.db, mara.id), dir.path);
    expect(removed.changed).toBe(true);
    expect(tagsFor(removed.changes).sort()).toEqual([`user:${mara.id}`, "members", "ranking"].sort());
    expect((await userRow(t.db, mara.id))!.image).toBeNull();
    expect(filesIn(dir.path)).toEqual([]);
    const before = await snapshot(t.db);
    const unchanged = await removeAvatar(ctxAs(t.db, mara.id), dir.path);
    expect(unchanged.changed).toBe(false);
    expect(tagsFor(unchanged.changes)).toEqual([]);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("the upload limit per member", () => {
  const t = perTestDb();
  const dir = perTestDir();
  const LIMIT = 2;
  const TOO_MANY = "You can upload 2 avatars an hour. Try again in 60 minutes.";
  beforeEach(() => setTestEnv({ AVATAR_UPLOADS_PER_HOUR: String(LIMIT) }));
  afterEach(() => {
    delete process.env.AVATAR_UPLOADS_PER_HOUR;
    resetEnvForTests();
  });

  it("refuses the upload past the limit with 429, Retry-After and the message by the field, leaving the avatar, files and rows as they were", async () => {
    const mara = await makeUser(t.db, "mara");
    await uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: await makeImage("png", 20, 20), type: "image/png" }, dir.path);
    const kept = await uploadAvatar(ctxAs(t.db, mara.id, at(1000)), { bytes: await makeImage("jpeg", 20, 20), type: "image/jpeg" }, dir.path);
    const before = await snapshot(t.db);
    const files = filesIn(dir.path);
    const err = await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, at(2000)), { bytes: Buffer.from("x"), type: "image/png" }, dir.path), "Invalid", 422, ["avatar"]);
    expect(err.message).toMatch(/not an image we accept/);
    const refusal = await expectDomainError(async () => uploadAvatar(ctxAs(t.db, mara.id, at(2000)), { bytes: await makeImage("webp", 20, 20), type: "image/webp" }, dir.path), "RateLimited", 429, ["avatar"]);
    expect(refusal.message).toBe("You can upload 2 avatars an hour. Try again in 60 minutes.");
    expect(refusal.retryAfterSeconds).toBe(3598); // the window opened at the first upload, 2 s earlier
    expect(refusal.fieldErrors).toEqual({ avatar: [refusal.message] });
    expect(await snapshot(t.db)).toEqual(before);
    expect(filesIn(dir.path)).toEqual(files);
    expect((await userRow(t.db, mara.id))!.image).toBe(kept.url);

    // Another member has a limit of their own; the window reopens after the hour.
    const femi = await makeUser(t.db, "femi");
    await uploadAvatar(ctxAs(t.db, femi.id, at(3000)), { bytes: await makeImage("png", 20, 20), type: "image/png" }, dir.path);
    const later = await uploadAvatar(ctxAs(t.db, mara.id, at(HOUR)), { bytes: await makeImage("webp", 20, 20), type: "image/webp" }, dir.path);
    expect((await userRow(t.db, mara.id))!.image).toBe(later.url);
  });

  it("counts an upload before decoding it: pixel data that fails to decode spends a slot, a refusal from the bytes or header alone does not", async () => {
    const mara = await makeUser(t.db, "mara");
    const png = await makeImage("png", 64, 64);
    const noise = await noisePng(64);
    const cutOff = noise.subarray(0, Math.floor(noise.length / 2)); // a header that reads fine
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: cutOff, type: "image/png" }, dir.path), "Invalid", 422, ["avatar"]);
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: new Uint8Array(), type: "image/png" }, dir.path), "Invalid", 422, ["avatar"]);
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: png, type: "image/jpeg" }, dir.path), "Invalid", 422, ["avatar"]);
    const garbage = Buffer.concat([png.subarray(0, 8), Buffer.from("this is not a PNG chunk at all".repeat(4))]);
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: garbage, type: "image/png" }, dir.path), "Invalid", 422, ["avatar"]);
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: pngClaiming(png, 5000, 5000), type: "image/png" }, dir.path), "Invalid", 422, ["avatar"]);
    expect((await rows(t.db, "rate_windows")).map((r) => [r.key, r.count])).toEqual([[`avatar-upload:${mara.id}`, 1]]);
    await uploadAvatar(ctxAs(t.db, mara.id, at(1000)), { bytes: png, type: "image/png" }, dir.path);
    const err = await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, at(2000)), { bytes: png, type: "image/png" }, dir.path), "RateLimited", 429, ["avatar"]);
    expect(err.message).toBe(TOO_MANY);
    expect(filesIn(dir.path)).toHaveLength(1);
  });

  it("refuses an account that is gone before counting anything", async () => {
    await expectDomainError(async () => uploadAvatar(ctxAs(t.db, ghostId, T0), { bytes: await makeImage("png", 20, 20), type: "image/png" }, dir.path), "NotFound", 404);
    expect(await rows(t.db, "rate_windows")).toEqual([]);
  });
});
