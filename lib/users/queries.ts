import { desc, eq, or, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db";
import { users, type UserRow } from "@/db/schema";
import { usernameKey } from "./username";

export type PublicUser = Pick<UserRow, "id" | "username" | "name" | "image" | "bio" | "role" | "createdAt" | "isNew">;

export const publicColumns = {
  id: users.id,
  username: users.username,
  name: users.name,
  image: users.image,
  bio: users.bio,
  role: users.role,
  createdAt: users.createdAt,
  isNew: users.isNew,
};

export async function getUserById(db: DB | Tx, id: string): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** A username (any case or Unicode form) or an email address. */
export async function findUserByIdentifier(db: DB, identifier: string): Promise<UserRow | undefined> {
  const trimmed = identifier.normalize("NFKC").trim();
  return db
    .select()
    .from(users)
    .where(or(eq(users.usernameKey, usernameKey(trimmed)), eq(users.email, trimmed.toLowerCase())))
    .get();
}

export async function isUsernameTaken(db: DB | Tx, username: string): Promise<boolean> {
  return !!(await db.select({ id: users.id }).from(users).where(eq(users.usernameKey, usernameKey(username))).get());
}

export async function isEmailTaken(db: DB | Tx, email: string): Promise<boolean> {
  return !!(await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase())).get());
}

export async function listNewestMembers(db: DB, limit = 12): Promise<PublicUser[]> {
  return db
    .select(publicColumns)
    .from(users)
    .where(sql`${users.suspendedAt} is null`)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(limit)
    .all();
}

export async function countMembers(db: DB): Promise<number> {
  return (await db.select({ n: sql<number>`count(*)` }).from(users).get())?.n ?? 0;
}
