import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { AVATAR_FILE, loadAvatarFile } from "@/lib/users/avatar-files";
import { routeParam } from "@/lib/http/params";
import { refuseAddress } from "@/lib/http/refuse";

// Uploaded avatars: re-encoded WebP images, stored in the database under names the server chose.
// Nothing else is served, the type is the stored one (always WebP) and the browser is told not to guess it.
export async function GET(req: Request, ctx: RouteContext<"/avatars/[file]">) {
  const file = routeParam((await ctx.params).file);
  if (file === null) return refuseAddress(req);
  const missing = () => new Response("No such avatar.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });
  if (!AVATAR_FILE.test(file)) return missing();
  await connection();
  const avatar = await loadAvatarFile(getDb(), file);
  if (!avatar) return missing();
  return new Response(new Uint8Array(avatar.bytes), {
    headers: {
      "content-type": avatar.contentType,
      "content-length": String(avatar.bytes.length),
      // A new upload gets a new name, so a name's bytes never change.
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
      "content-disposition": "inline",
    },
  });
}
