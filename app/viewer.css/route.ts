import { getCurrentUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/permissions";

/**
 * The viewer's own rules for shared pages, which are the same for everyone: edit and delete on
 * their own comments (on every comment for moderators and admins), and no sign-in fields in the
 * reply forms once signed in. A stylesheet works without JavaScript. Never cached.
 */
export async function GET() {
  const user = await getCurrentUser();
  let css = "/* not signed in */\n";
  if (user) {
    const own = isStaff(user) ? ".comment" : `.comment[data-author="${user.username.toLowerCase().replace(/["\\]/g, "")}"]`;
    css = [
      `.guest-only { display: none !important; }`,
      `${own} > .comment__actions > .own-only { display: inline-flex; }`,
      "",
    ].join("\n");
  }
  return new Response(css, { headers: { "content-type": "text/css; charset=utf-8", "cache-control": "private, no-store" } });
}
