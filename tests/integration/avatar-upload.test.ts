import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DB } from "@/db";
import { GET as serveAvatar } from "@/app/avatars/[file]/route";
import { AVATAR_MAX_BYTES, AVATAR_MAX_PIXELS, AVATAR_MAX_SIDE, AVATAR_SIZE, processAvatar, removeAvatar, sniffImage, uploadAvatar } from "@/lib/users/avatar-upload";
import { AVATAR_FILE, avatarName, importAvatarFiles, loadAvatarFile } from "@/lib/users/avatar-files";
import { setDbForTests } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { tagsFor } from "@/lib/cache/expire";
import { ctxAs, fixtureWriter, perTestDb, rows } from "../helpers/db";
import { setTestEnv } from "../helpers/env";
import { expectDomainError, HOUR, makeUser, T0, at } from "../helpers/reviews";
import { makeImage, noisePng, snapshot, userRow } from "../helpers/people";
import { sqlRun } from "@/tests/helpers/sql";

const ghostId = "00000000-0000-4000-8000-000000000000";

// The route waits for a request with Next's connection(), which has none to wait for here.
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

/**
 * The app's data folder (DATABASE_PATH's), empty and of its own for each test: uploads must write
 * nothing there. `avatars` is the folder earlier versions kept uploads in, for the importer.
 */
function perTestDataDir() {
  let dir = "";
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-data-"));
    setTestEnv({ DATABASE_PATH: path.join(dir, "marquee.db") });
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    setTestEnv();
  });
  return {
    get root() {
      return dir;
    },
    get avatars() {
      return path.join(dir, "avatars");
    },
  };
}

const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

type Stored = { name: string; userId: string; contentType: string; bytes: Buffer; createdAt: number };
/** Every stored avatar, by name. */
async function stored(db: DB): Promise<Stored[]> {
  const all = await rows(db, "avatar_files");
  return all
    .map((r) => ({ name: String(r.name), userId: String(r.user_id), contentType: String(r.content_type), bytes: r.bytes as Buffer, createdAt: Number(r.created_at) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
const namesOf = (urls: string[]) => urls.map((u) => u.slice("/avatars/".length)).sort();

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
  const data = perTestDataDir();

  it("stores the WebP in the database under a fresh 16-character name and points the account at it, writing no file", async () => {
    const mara = await makeUser(t.db, "mara");
    const result = await uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: await makeImage("png", 300, 200), type: "image/png" });
    const [row, ...others] = await stored(t.db);
    expect(others).toEqual([]);
    expect(row!.name).toMatch(AVATAR_FILE);
    expect(row!.name).toMatch(/^[\w-]{16}\.webp$/);
    expect({ userId: row!.userId, contentType: row!.contentType, createdAt: row!.createdAt }).toEqual({ userId: mara.id, contentType: "image/webp", createdAt: T0.getTime() });
    const { changes, ...uploaded } = result;
    expect(uploaded).toEqual({ url: `/avatars/${row!.name}`, bytes: row!.bytes.length });
    // The new face shows wherever she does: her profile, the members directory, the Ranking.
    expect(tagsFor(changes).sort()).toEqual([`user:${mara.id}`, "members", "ranking"].sort());
    expect((await userRow(t.db, mara.id))!.image).toBe(`/avatars/${row!.name}`);
    const meta = await sharp(row!.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", AVATAR_SIZE, AVATAR_SIZE]);
    expect(avatarName(result.url)).toBe(row!.name);
    expect(await loadAvatarFile(t.db, row!.name)).toEqual({ contentType: "image/webp", bytes: row!.bytes });
    // Nothing on disk: every host serves the same row.
    expect(filesIn(data.root)).toEqual([]);
  });

  it("replaces the member's previous upload when a new one comes, and only theirs", async () => {
    const mara = await makeUser(t.db, "mara");
    const femi = await makeUser(t.db, "femi");
    const femis = await uploadAvatar(ctxAs(t.db, femi.id), { bytes: await makeImage("jpeg", 50, 50), type: "image/jpeg" });
    const first = await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 50, 50), type: "image/png" });
    const second = await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("webp", 50, 50), type: "image/webp" });
    expect(second.url).not.toBe(first.url);
    const all = await stored(t.db);
    expect(all.map((r) => r.name)).toEqual(namesOf([femis.url, second.url]));
    expect(all.find((r) => r.userId === mara.id)!.name).toBe(avatarName(second.url));
    expect(await loadAvatarFile(t.db, avatarName(first.url)!)).toBeNull();
    expect((await userRow(t.db, mara.id))!.image).toBe(second.url);
  });

  it("deletes only the member's own stored avatar, whatever their image names: a provider's URL, another's upload, a path that escapes", async () => {
    const mara = await makeUser(t.db, "mara");
    const femi = await makeUser(t.db, "femi");
    const femis = await uploadAvatar(ctxAs(t.db, femi.id), { bytes: await makeImage("png", 20, 20), type: "image/png" });
    for (const image of ["https://avatars.example.com/u/1.png", femis.url, "/avatars/../victim.webp", "/avatars/AAAAAAAAAAAAAAAA.png"]) {
      await sqlRun(fixtureWriter(t.db), `update users set image = ? where id = ?`, image, mara.id);
      expect((await removeAvatar(ctxAs(t.db, mara.id))).changed).toBe(true);
      expect((await userRow(t.db, mara.id))!.image).toBeNull();
    }
    for (const image of ["https://avatars.example.com/u/1.png", "/avatars/../victim.webp", "/avatars/AAAAAAAAAAAAAAAA.png", "/avatars/", null]) expect(avatarName(image)).toBeNull();
    expect((await stored(t.db)).map((r) => [r.name, r.userId])).toEqual([[avatarName(femis.url), femi.id]]);
    await sqlRun(fixtureWriter(t.db), `update users set image = ? where id = ?`, femis.url, mara.id);
    const result = await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 20, 20), type: "image/png" });
    expect((await stored(t.db)).map((r) => r.name)).toEqual(namesOf([femis.url, result.url]));
  });

  it("refuses a bad upload with nothing stored and the account as it was", async () => {
    const mara = await makeUser(t.db, "mara");
    const kept = await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 20, 20), type: "image/png" });
    const before = await snapshot(t.db);
    expect(before.avatar_files).toHaveLength(1);
    const tooWide = await makeImage("png", AVATAR_MAX_SIDE + 1, 8);
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id), { bytes: tooWide, type: "image/png" }), "Invalid", 422, ["avatar"]);
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id), { bytes: Buffer.from("not an image"), type: "image/png" }), "Invalid", 422, ["avatar"]);
    await expectDomainError(async () => uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 20, 20), type: "image/jpeg" }), "Invalid", 422, ["avatar"]);
    expect(await snapshot(t.db)).toEqual(before);
    expect((await userRow(t.db, mara.id))!.image).toBe(kept.url);
    expect(filesIn(data.root)).toEqual([]);
  });

  it("refuses an account that is gone (404), storing nothing", async () => {
    await expectDomainError(async () => uploadAvatar(ctxAs(t.db, ghostId), { bytes: await makeImage("png", 20, 20), type: "image/png" }), "NotFound", 404);
    expect(await stored(t.db)).toEqual([]);
    await expect(removeAvatar(ctxAs(t.db, ghostId))).rejects.toThrow("This account no longer exists.");
  });

  it("removeAvatar goes back to the generated avatar, deleting the upload; with none it changes nothing", async () => {
    const mara = await makeUser(t.db, "mara");
    await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 20, 20), type: "image/png" });
    const removed = await removeAvatar(ctxAs(t.db, mara.id));
    expect(removed.changed).toBe(true);
    expect(tagsFor(removed.changes).sort()).toEqual([`user:${mara.id}`, "members", "ranking"].sort());
    expect((await userRow(t.db, mara.id))!.image).toBeNull();
    expect(await stored(t.db)).toEqual([]);
    const before = await snapshot(t.db);
    const unchanged = await removeAvatar(ctxAs(t.db, mara.id));
    expect(unchanged.changed).toBe(false);
    expect(tagsFor(unchanged.changes)).toEqual([]);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("GET /avatars/[file]", () => {
  const t = perTestDb();
  beforeEach(() => setDbForTests(t.db));
  afterEach(() => setDbForTests(undefined));
  const get = (file: string) => serveAvatar(new Request(`http://localhost:3000/avatars/${encodeURIComponent(file)}`), { params: Promise.resolve({ file }) });

  it("serves the stored bytes as WebP, cached for good and not to be sniffed; 404 once removed, and for a name with no row", async () => {
    const mara = await makeUser(t.db, "mara");
    const { url } = await uploadAvatar(ctxAs(t.db, mara.id), { bytes: await makeImage("png", 40, 40), type: "image/png" });
    const name = avatarName(url)!;
    const res = await get(name);
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals((await stored(t.db))[0]!.bytes)).toBe(true);
    expect(Object.fromEntries(res.headers)).toEqual({
      "content-type": "image/webp",
      "content-length": String(body.length),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
      "content-disposition": "inline",
    });
    await removeAvatar(ctxAs(t.db, mara.id));
    for (const missing of [name, "AAAAAAAAAAAAAAAA.webp", "nope.webp", "../marquee.db"]) {
      const gone = await get(missing);
      expect(gone.status, missing).toBe(404);
      expect(gone.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await gone.text()).toBe("No such avatar.");
    }
  });
});

describe("importAvatarFiles: avatars an earlier version kept as files", () => {
  const t = perTestDb();
  const data = perTestDataDir();
  const NAMES = { mara: "MaraMaraMaraMara.webp", femi: "FemiFemiFemiFemi.webp", ines: "InesInesInesInes.webp", stray: "StrayStrayStray1.webp" };

  it("stores each member's file under its name, dated when it was written, once; the files stay as they were", async () => {
    const [mara, femi, ines, omar, lena] = [await makeUser(t.db, "mara"), await makeUser(t.db, "femi"), await makeUser(t.db, "ines"), await makeUser(t.db, "omar"), await makeUser(t.db, "lena")];
    fs.mkdirSync(data.avatars, { mode: 0o700 });
    const webp = await processAvatar(await makeImage("png", 30, 30), "image/png");
    const written = new Date(Date.UTC(2024, 4, 1, 12));
    fs.writeFileSync(path.join(data.avatars, NAMES.mara), webp);
    fs.utimesSync(path.join(data.avatars, NAMES.mara), written, written);
    // Not WebP: not what this app ever wrote, so not served.
    fs.writeFileSync(path.join(data.avatars, NAMES.ines), "<svg/>");
    // Nobody's picture any more.
    fs.writeFileSync(path.join(data.avatars, NAMES.stray), webp);
    const w = fixtureWriter(t.db);
    await sqlRun(w, `update users set image = ? where id = ?`, `/avatars/${NAMES.mara}`, mara.id);
    // Uploaded through another host: this one has no such file.
    await sqlRun(w, `update users set image = ? where id = ?`, `/avatars/${NAMES.femi}`, femi.id);
    await sqlRun(w, `update users set image = ? where id = ?`, `/avatars/${NAMES.ines}`, ines.id);
    await sqlRun(w, `update users set image = ? where id = ?`, "https://avatars.example.com/omar.png", omar.id);
    // Already in the database (uploaded by this version): left as it is.
    const lenas = await uploadAvatar(ctxAs(t.db, lena.id), { bytes: await makeImage("jpeg", 30, 30), type: "image/jpeg" });
    const lenasRow = (await stored(t.db))[0]!;

    expect(await importAvatarFiles(t.db)).toEqual({ imported: 1, missing: 2 });
    const byOwner = (await stored(t.db)).map((r) => [r.userId, r.name, r.contentType, r.createdAt]);
    expect(byOwner).toHaveLength(2);
    expect(byOwner).toEqual(
      expect.arrayContaining([
        [mara.id, NAMES.mara, "image/webp", written.getTime()],
        [lena.id, avatarName(lenas.url), "image/webp", lenasRow.createdAt],
      ]),
    );
    expect((await loadAvatarFile(t.db, NAMES.mara))!.bytes.equals(webp)).toBe(true);
    expect((await loadAvatarFile(t.db, avatarName(lenas.url)!))!.bytes.equals(lenasRow.bytes)).toBe(true);
    expect(filesIn(data.avatars)).toEqual([NAMES.ines, NAMES.mara, NAMES.stray].sort());

    // Again (another process, the next start): nothing more to do, nothing changed.
    const before = await snapshot(t.db);
    expect(await importAvatarFiles(t.db)).toEqual({ imported: 0, missing: 2 });
    expect(await snapshot(t.db)).toEqual(before);

    // The other host brings femi's file on its own start.
    const elsewhere = path.join(data.root, "other-host-avatars");
    fs.mkdirSync(elsewhere);
    fs.writeFileSync(path.join(elsewhere, NAMES.femi), webp);
    expect(await importAvatarFiles(t.db, elsewhere)).toEqual({ imported: 1, missing: 1 });
    expect((await loadAvatarFile(t.db, NAMES.femi))!.bytes.equals(webp)).toBe(true);
  });

  it("does nothing where there is no avatars folder", async () => {
    const mara = await makeUser(t.db, "mara");
    await sqlRun(fixtureWriter(t.db), `update users set image = ? where id = ?`, `/avatars/${NAMES.mara}`, mara.id);
    const before = await snapshot(t.db);
    expect(await importAvatarFiles(t.db)).toEqual({ imported: 0, missing: 0 });
    expect(await snapshot(t.db)).toEqual(before);
    expect(filesIn(data.root)).toEqual([]);
  });
});

describe("the upload limit per member", () => {
  const t = perTestDb();
  const LIMIT = 2;
  const TOO_MANY = "You can upload 2 avatars an hour. Try again in 60 minutes.";
  beforeEach(() => setTestEnv({ AVATAR_UPLOADS_PER_HOUR: String(LIMIT) }));
  afterEach(() => {
    delete process.env.AVATAR_UPLOADS_PER_HOUR;
    resetEnvForTests();
  });

  it("refuses the upload past the limit with 429, Retry-After and the message by the field, leaving the avatar and every row as they were", async () => {
    const mara = await makeUser(t.db, "mara");
    await uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: await makeImage("png", 20, 20), type: "image/png" });
    const kept = await uploadAvatar(ctxAs(t.db, mara.id, at(1000)), { bytes: await makeImage("jpeg", 20, 20), type: "image/jpeg" });
    const before = await snapshot(t.db);
    expect(before.avatar_files!.map((r) => r.name)).toEqual(namesOf([kept.url]));
    const err = await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, at(2000)), { bytes: Buffer.from("x"), type: "image/png" }), "Invalid", 422, ["avatar"]);
    expect(err.message).toMatch(/not an image we accept/);
    const refusal = await expectDomainError(async () => uploadAvatar(ctxAs(t.db, mara.id, at(2000)), { bytes: await makeImage("webp", 20, 20), type: "image/webp" }), "RateLimited", 429, ["avatar"]);
    expect(refusal.message).toBe("You can upload 2 avatars an hour. Try again in 60 minutes.");
    expect(refusal.retryAfterSeconds).toBe(3598); // the window opened at the first upload, 2 s earlier
    expect(refusal.fieldErrors).toEqual({ avatar: [refusal.message] });
    expect(await snapshot(t.db)).toEqual(before);
    expect((await userRow(t.db, mara.id))!.image).toBe(kept.url);

    // Another member has a limit of their own; the window reopens after the hour.
    const femi = await makeUser(t.db, "femi");
    await uploadAvatar(ctxAs(t.db, femi.id, at(3000)), { bytes: await makeImage("png", 20, 20), type: "image/png" });
    const later = await uploadAvatar(ctxAs(t.db, mara.id, at(HOUR)), { bytes: await makeImage("webp", 20, 20), type: "image/webp" });
    expect((await userRow(t.db, mara.id))!.image).toBe(later.url);
  });

  it("counts an upload before decoding it: pixel data that fails to decode spends a slot, a refusal from the bytes or header alone does not", async () => {
    const mara = await makeUser(t.db, "mara");
    const png = await makeImage("png", 64, 64);
    const noise = await noisePng(64);
    const cutOff = noise.subarray(0, Math.floor(noise.length / 2)); // a header that reads fine
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: cutOff, type: "image/png" }), "Invalid", 422, ["avatar"]);
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: new Uint8Array(), type: "image/png" }), "Invalid", 422, ["avatar"]);
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: png, type: "image/jpeg" }), "Invalid", 422, ["avatar"]);
    const garbage = Buffer.concat([png.subarray(0, 8), Buffer.from("this is not a PNG chunk at all".repeat(4))]);
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: garbage, type: "image/png" }), "Invalid", 422, ["avatar"]);
    await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, T0), { bytes: pngClaiming(png, 5000, 5000), type: "image/png" }), "Invalid", 422, ["avatar"]);
    expect((await rows(t.db, "rate_windows")).map((r) => [r.key, r.count])).toEqual([[`avatar-upload:${mara.id}`, 1]]);
    expect(await stored(t.db)).toEqual([]);
    await uploadAvatar(ctxAs(t.db, mara.id, at(1000)), { bytes: png, type: "image/png" });
    const err = await expectDomainError(() => uploadAvatar(ctxAs(t.db, mara.id, at(2000)), { bytes: png, type: "image/png" }), "RateLimited", 429, ["avatar"]);
    expect(err.message).toBe(TOO_MANY);
    expect(await stored(t.db)).toHaveLength(1);
  });

  it("refuses an account that is gone before counting anything", async () => {
    await expectDomainError(async () => uploadAvatar(ctxAs(t.db, ghostId, T0), { bytes: await makeImage("png", 20, 20), type: "image/png" }), "NotFound", 404);
    expect(await rows(t.db, "rate_windows")).toEqual([]);
  });
});
