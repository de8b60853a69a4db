import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { providedName } from "@/lib/text";
import { write } from "@/lib/write";
import { DISPLAY_NAME_MAX } from "./schemas";
import { USERNAME_MAX, usernameBase, usernameKey } from "./username";
import { first, one } from "@/db/query";

export type OAuthProfile = { name?: string | null; email?: string | null; image?: string | null; emailVerified?: Date | null };

/** A first OAuth/OIDC sign-in: a user with a valid username derived from the profile, made unique. */
export async function createOAuthUser(ctx: Ctx, data: OAuthProfile) {
  const email = data.email ? data.email.trim().toLowerCase() : null;
  const base = usernameBase(data.name, email);
  const { user, changes } = await write(ctx, async (w) => {
    const taken = async (name: string) =>
      !!(await first(w.tx.select({ id: users.id }).from(users).where(eq(users.usernameKey, usernameKey(name)))));
    let username = base;
    for (let n = 2; await taken(username); n++) {
      const suffix = String(n);
      username = base.slice(0, USERNAME_MAX - suffix.length) + suffix;
    }
    const user = await one(w.tx
      .insert(users)
      .values({
        username,
        usernameKey: usernameKey(username),
        // Cut by code points, never inside a surrogate pair.
        name: providedName(data.name, DISPLAY_NAME_MAX) || username,
        email,
        emailVerified: data.emailVerified ?? null,
        image: data.image ?? null,
      })
      .returning());
    w.changes.directory = true;
    await w.emit("member.joined", { memberId: user.id });
    return { user };
  });
  return { ...user, changes };
}
