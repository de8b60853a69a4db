import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { requireActor } from "@/lib/auth/require";
import { handleForm } from "@/lib/forms/route";
import { AVATAR_MAX_BYTES, removeAvatar, setAvatar } from "@/lib/users/avatar-upload";
import { expirePresence } from "@/lib/users/presence";
import { invalid } from "@/lib/errors";

// The form's other fields and multipart framing fit easily in this margin.
const MAX_BODY = AVATAR_MAX_BYTES + 64 * 1024;

/** Uploads a new avatar (checked and re-encoded), or goes back to the generated one. */
export async function POST(req: NextRequest) {
  return handleForm(
    req,
    "/settings",
    async (form) => {
      const actor = await requireActor("Please sign in to change your avatar.");
      const db = getDb();
      if (form.get("remove") === "1") {
        const { changed } = removeAvatar(db, actor.id);
        if (changed) expirePresence(db, [actor.id]);
        return { redirect: "/settings?saved=avatar#avatar" };
      }
      const file = form.get("avatar");
      if (!(file instanceof File) || file.size === 0) throw invalid("avatar", "Choose an image to upload.");
      const { url } = await setAvatar(db, actor.id, new Uint8Array(await file.arrayBuffer()), file.type);
      expirePresence(db, [actor.id]);
      return { redirect: "/settings?saved=avatar#avatar", data: { avatar: url } };
    },
    { maxBody: { bytes: MAX_BODY, field: "avatar", message: "That file is over 2 MB; an avatar can be at most 2 MB." } },
  );
}
