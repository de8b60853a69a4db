import { eq } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { users } from "@/db/schema";
import { providedName } from "@/lib/text";
import { DISPLAY_NAME_MAX } from "./schemas";
import { USERNAME_MAX, usernameBase, usernameKey } from "./username";

/** A first OAuth/OIDC sign-in: a user with a valid username derived from the profile, made unique. */
export function createOAuthUser(
  db: DB,
  data: { name?: string | null; email?: string | null; image?: string | null; emailVerified?: Date | null },
) {
  const email = data.email ? data.email.trim().toLowerCase() : null;
  const base = usernameBase(data.name, email);
  return writeTx(db, (tx) => {
    const taken = (name: string) =>
      !!tx.select({ id: users.id }).from(users).where(eq(users.usernameKey, usernameKey(name))).get();
    let username = base;
    for (let n = 2; taken(username); n++) {
      const suffix = String(n);
      username = base.slice(0, USERNAME_MAX - suffix.length) + suffix;
    }
    return tx
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
      .returning()
      .get();
  });
}
