import fs from "node:fs/promises";
import { AVATAR_FILE, avatarDir } from "@/lib/users/avatar-upload";
import path from "node:path";
import { routeParam } from "@/lib/http/params";
import { refuseAddress } from "@/lib/http/refuse";

// Uploaded avatars: re-encoded WebP files under names the server chose. Nothing else is served,
// the type is fixed and the browser is told not to guess it.
export async function GET(req: Request, ctx: RouteContext<"/avatars/[file]">) {
  const file = routeParam((await ctx.params).file);
  if (file === null) return refuseAddress(req);
  const missing = () => new Response("No such avatar.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });
  if (!AVATAR_FILE.test(file)) return missing();
  let body: Buffer;
  try {
    body = await fs.readFile(path.join(avatarDir(), file));
  } catch {
    return missing();
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "image/webp",
      "content-length": String(body.length),
      // A new upload gets a new name, so a name's bytes never change.
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
      "content-disposition": "inline",
    },
  });
}
