import fs from "node:fs";
import path from "node:path";
import { and, eq, like, notExists } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { first } from "@/db/query";
import { avatarFiles, users } from "@/db/schema";
import { getEnv } from "@/lib/env";

// Uploaded avatars live in the database (avatar_files), so that every app process on every host
// serves the same bytes. The URL is `/avatars/<name>`, a name the server chose; nothing else is served.
export const AVATAR_FILE = /^[\w-]{16}\.webp$/;
export const AVATAR_PATH_PREFIX = "/avatars/";
export const AVATAR_CONTENT_TYPE = "image/webp";

/** The stored name behind an uploaded avatar's URL, or null when the URL is not one of ours. */
export function avatarName(url: string | null): string | null {
  if (!url?.startsWith(AVATAR_PATH_PREFIX)) return null;
  const name = url.slice(AVATAR_PATH_PREFIX.length);
  return AVATAR_FILE.test(name) ? name : null;
}

/** An uploaded avatar's type and bytes, by the name its URL ends with; null when there is none. */
export async function loadAvatarFile(db: DB, name: string): Promise<{ contentType: string; bytes: Buffer } | null> {
  if (!AVATAR_FILE.test(name)) return null;
  const row = await first(db.select({ contentType: avatarFiles.contentType, bytes: avatarFiles.bytes }).from(avatarFiles).where(eq(avatarFiles.name, name)));
  return row ?? null;
}

/** Where earlier versions kept uploaded avatars, as files: `avatars` in the data folder. */
export const avatarDir = () => path.join(getEnv().dataDir, "avatars");

const IMPORT_BATCH = 100;
const isWebp = (b: Buffer) => b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP";

/**
 * Brings avatars that earlier versions wrote as files (`<data folder>/avatars/<name>`) into the
 * database: for each member whose `image` names an upload of ours and who has no stored avatar,
 * the file of that name, if this host has it, becomes their row. The files are only read, never
 * changed. Safe to run again and from several processes or hosts at once (each brings the files it
 * holds; a row already there is kept). Returns how many it stored, and how many members' files
 * this host lacks (uploaded through another host, or lost).
 */
export async function importAvatarFiles(db: DB, dir = avatarDir()): Promise<{ imported: number; missing: number }> {
  if (!fs.existsSync(dir)) return { imported: 0, missing: 0 };
  const waiting = await db
    .select({ id: users.id, image: users.image })
    .from(users)
    .where(and(like(users.image, `${AVATAR_PATH_PREFIX}%`), notExists(db.select({ name: avatarFiles.name }).from(avatarFiles).where(eq(avatarFiles.userId, users.id)))));
  let imported = 0;
  let missing = 0;
  for (let i = 0; i < waiting.length; i += IMPORT_BATCH) {
    const found: { userId: string; image: string; name: string; bytes: Buffer; createdAt: Date }[] = [];
    for (const { id, image } of waiting.slice(i, i + IMPORT_BATCH)) {
      const name = avatarName(image);
      if (!name || !image) continue;
      const file = path.join(dir, name);
      let bytes: Buffer;
      let createdAt: Date;
      try {
        bytes = fs.readFileSync(file);
        createdAt = fs.statSync(file).mtime;
      } catch {
        missing++;
        continue;
      }
      if (!isWebp(bytes)) {
        missing++;
        continue;
      }
      found.push({ userId: id, image, name, bytes, createdAt });
    }
    if (!found.length) continue;
    imported += await writeTx(db, async (tx) => {
      let stored = 0;
      for (const f of found) {
        // Only if the member still shows that picture (they may have changed it meanwhile elsewhere).
        const still = await first(tx.select({ image: users.image }).from(users).where(eq(users.id, f.userId)));
        if (still?.image !== f.image) continue;
        const rows = await tx
          .insert(avatarFiles)
          .values({ name: f.name, userId: f.userId, contentType: AVATAR_CONTENT_TYPE, bytes: f.bytes, createdAt: f.createdAt })
          .onConflictDoNothing()
          .returning({ name: avatarFiles.name });
        stored += rows.length;
      }
      return stored;
    });
  }
  return { imported, missing };
}
