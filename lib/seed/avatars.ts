import fs from "node:fs";
import path from "node:path";
import type { DB } from "@/db";
import type { Cast } from "./cast";
import { DEMO_USERS } from "./content/members";
import { duration } from "./duration";
import type { Timeline } from "./timeline";
import { actingAs, seedSetAvatar } from "./verbs";

// The demo members' own pictures. Read from the working directory, like the migrations (db/index.ts).
const SEED_ASSETS = path.join(process.cwd(), "lib", "seed", "assets");
const IMAGE_TYPES: Record<string, string> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp" };

/** Two members upload a picture of their own soon after joining, through the upload verb. */
export function scheduleAvatars(db: DB, timeline: Timeline, cast: Cast) {
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
      act: () => seedSetAvatar(actingAs(db, { id: uploader.id, role: uploader.role }, at), fs.readFileSync(path.join(SEED_ASSETS, file)), type),
    });
  }
}
