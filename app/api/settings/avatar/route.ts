import type { NextRequest } from "next/server";
import { handleForm } from "@/lib/forms/route";
import { memberCtx } from "@/lib/http/ctx";
import { AVATAR_MAX_BYTES, removeAvatar, uploadAvatar } from "@/lib/users/avatar-upload";
import { invalid } from "@/lib/errors";

// The form's other fields and multipart framing fit easily in this margin.
const MAX_BODY = AVATAR_MAX_BYTES + 64 * 1024;
const SIGN_IN_FIRST = "Please sign in to change your avatar.";

/** Uploads a new avatar (checked and re-encoded), or goes back to the generated one. */
export async function POST(req: NextRequest) {
  return handleForm(
    req,
    "/settings",
    async (form) => {
      const ctx = await memberCtx(req, SIGN_IN_FIRST);
      if (form.get("remove") === "1") {
        const { changes } = await removeAvatar(ctx);
        return { redirect: "/settings?saved=avatar#avatar", changes };
      }
      const file = form.get("avatar");
      if (!(file instanceof File) || file.size === 0) throw invalid("avatar", "Choose an image to upload.");
      const { url, changes } = await uploadAvatar(ctx, { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type });
      return { redirect: "/settings?saved=avatar#avatar", data: { avatar: url }, changes };
    },
    { maxBody: { bytes: MAX_BODY, field: "avatar", message: "That file is over 2 MB; an avatar can be at most 2 MB." } },
  );
}
