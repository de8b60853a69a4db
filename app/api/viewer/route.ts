import { getCurrentUser } from "@/lib/auth/session";
import { avatarUrl } from "@/lib/users/avatar";

// The viewer's own bits for static pages, fetched by the header island. Never cached.
export async function GET() {
  const user = await getCurrentUser();
  const body = user
    ? { user: { username: user.username, name: user.name, role: user.role, avatar: avatarUrl(user) } }
    : { user: null };
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
}
