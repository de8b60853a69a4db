import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { write } from "@/lib/write";
import { RoleInput } from "./schemas";
import { usernameKey } from "./username";
import { first } from "@/db/query";

const NamedUser = z.string().trim().min(1, "Name a user.");

/** Sets a member's role (the `user:role` script). */
export async function setRole(ctx: Ctx, raw: { username: unknown; role: unknown }) {
  const username = NamedUser.parse(raw.username);
  const role = RoleInput.parse(raw.role);
  return write(ctx, async (w) => {
    const row = await first(w.tx
      .update(users)
      .set({ role })
      .where(eq(users.usernameKey, usernameKey(username)))
      .returning({ id: users.id, username: users.username, role: users.role }));
    if (!row) throw notFound(`No user named ${username}.`);
    // A profile shows its member's role, and so does their card among the newest members.
    w.changes.members.add(row.id);
    w.changes.directory = true;
    return { username: row.username, role: row.role };
  });
}
