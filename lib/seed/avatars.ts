import fs from "node:fs";
import path from "node:path";
import { dbFile, type DB } from "@/db";
import { avatarDir } from "@/lib/users/avatar-upload";
import type { Cast } from "./cast";
import { DEMO_USERS } from "./content/members";
import { duration } from "./duration";
import type { Timeline } from "./timeline";
import { actingAs, seedSetAvatar } from "./verbs";

// The demo members' own pictures. Read from the working directory, like the migrations (db/index.ts).
const SEED_ASSETS = path.join(process.cwd(), "lib", "seed", "assets");
const IMAGE_TYPES: Record<string, string> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp" };

/**
 * Where uploaded avatars go for this database: `avatars` in the folder of its file, as the app
 * keeps them beside DATABASE_PATH (avatarDir()).
 */
export function seedAvatarDir(db: DB): string {
  const file = dbFile(db);
  return file ? path.join(path.dirname(path.resolve(file)), "avatars") : avatarDir();
}

/** Two members upload a picture of their own soon after joining, through the upload verb. */
export function scheduleAvatars(db: DB, timeline: Timeline, cast: Cast, dir: string) {
  for (const u of DEMO_USERS) {
    if (!u.avatar) continue;
    const { file, after } = u.avatar;
    const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
    if (!type) throw new Error(`seed: ${u.username}'s avatar ${file} is not a PNG, JPEG or WebP file`);
    const uploader = cast.member(u.username, `avatar ${file}`);
    const at = uploader.createdAt.getTime() + duration(after);
    timeline.add({
      at,
      what: `${u.username}: upload avatar ${file}`,
      act: () => seedSetAvatar(actingAs(db, { id: uploader.id, role: uploader.role }, at), fs.readFileSync(path.join(SEED_ASSETS, file)), type, dir),
    });
  }
}
