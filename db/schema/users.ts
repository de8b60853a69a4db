import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const ROLES = ["member", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    // As the person typed it (after NFKC); `usernameKey` is what uniqueness compares.
    username: text("username").notNull(),
    usernameKey: text("username_key").notNull(),
    // Auth.js calls the display name `name`.
    name: text("name").notNull(),
    // Stored lower-cased, so the unique index compares case-insensitively.
    email: text("email"),
    emailVerified: integer("email_verified", { mode: "timestamp_ms" }),
    image: text("image"),
    passwordHash: text("password_hash"),
    bio: text("bio").notNull().default(""),
    role: text("role", { enum: ROLES }).notNull().default("member"),
    suspendedAt: integer("suspended_at", { mode: "timestamp_ms" }),
    // Bumped to end every session at once (password change, suspension, sign-out everywhere).
    sessionVersion: integer("session_version").notNull().default(0),
    // Upvotes on everything this person wrote, kept in the transaction of each vote.
    upvotesReceived: integer("upvotes_received").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex("users_username_key_unique").on(t.usernameKey),
    uniqueIndex("users_email_unique").on(t.email),
    index("users_created_at_idx").on(t.createdAt),
    check("users_role_check", sql`${t.role} in ('member', 'moderator', 'admin')`),
    check("users_email_lower_check", sql`${t.email} is null or ${t.email} = lower(${t.email})`),
  ],
);

export type UserRow = typeof users.$inferSelect;
