import { eq } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { z } from "zod";
import { RoleInput } from "./schemas";
import { usernameKey } from "./username";

/** Sets a user's role (the `user:role` script). */
export function setRole(db: DB, rawUsername: unknown, rawRole: unknown) {
  const username = z.string().trim().min(1, "Name a user.").parse(rawUsername);
  const role = RoleInput.parse(rawRole);
  return writeTx(db, (tx) => {
    const row = tx
      .update(users)
      .set({ role })
      .where(eq(users.usernameKey, usernameKey(username)))
      .returning({ username: users.username, role: users.role })
      .get();
    if (!row) throw notFound(`No user named ${username}.`);
    return row;
  });
}
