import { createAvatar } from "@dicebear/core";
import { thumbs } from "@dicebear/collection";
import { routeParam } from "@/lib/http/params";
import { refuseAddress } from "@/lib/http/refuse";

// A deterministic generated avatar; the same name always draws the same picture.
export async function GET(req: Request, ctx: RouteContext<"/avatar/[username]">) {
  const username = routeParam((await ctx.params).username);
  if (username === null) return refuseAddress(req);
  const seed = username.normalize("NFKC").toLowerCase().slice(0, 64);
  const svg = createAvatar(thumbs, {
    seed,
    size: 96,
    radius: 50,
    backgroundColor: ["e8d9c4", "d9e3da", "d8dde8", "ecd6d6", "e6e0cf"],
  }).toString();
  return new Response(svg, {
    headers: {
      "content-type": "image/svg+xml",
      "cache-control": "public, max-age=86400, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    },
  });
}
