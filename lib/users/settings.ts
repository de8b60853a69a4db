import { SqliteError } from "better-sqlite3";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { writeTx, type DB, type Tx } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { conflict, DomainError, invalid, notFound } from "@/lib/errors";
import { giveRateSlotBack, takeRateSlots, waitPhrase } from "@/lib/rate-limit";
import { Bio, DisplayName, Email, NewPassword, PASSWORD_MAX } from "./schemas";
import { usernameKey } from "./username";

export { BIO_MAX } from "./schemas";

export const ProfileInput = z.object({
  name: DisplayName.pipe(z.string().min(1, "Enter the name people see, or keep your username.")),
  bio: Bio,
});

// Required only of accounts that have a password (assertCurrentPassword says so next to the field).
const CurrentPassword = z.string().max(PASSWORD_MAX, "That is not your current password.").default("");

export const EmailInput = z.object({ email: Email, currentPassword: CurrentPassword });
export const PasswordInput = z
  .object({ currentPassword: CurrentPassword, newPassword: NewPassword, confirmPassword: z.string().default("") })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." });

const flag = z.preprocess((v) => v === "on" || v === "1" || v === "true" || v === true, z.boolean());
export const NotificationPrefsInput = z.object({
  notifyReviewReplies: flag,
  notifyCommentReplies: flag,
  notifyMentions: flag,
  notifyMilestones: flag,
  notifyBadges: flag,
  badgeAnnouncements: flag,
});
export type NotificationPrefs = z.infer<typeof NotificationPrefsInput>;

function loadUser(db: DB | Tx, userId: string) {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw notFound("This account no longer exists.");
  return user;
}

/** Display name and bio. Returns whether the name changed (every page showing it then renders afresh). */
export function updateProfile(db: DB, userId: string, raw: unknown) {
  const input = ProfileInput.parse(raw);
  return writeTx(db, (tx) => {
    const before = loadUser(tx, userId);
    tx.update(users).set({ name: input.name, bio: input.bio }).where(eq(users.id, userId)).run();
    return { nameChanged: before.name !== input.name, bioChanged: before.bio !== input.bio };
  });
}

// Ten wrong guesses at the current password an hour, per account: a borrowed session cannot
// grind it. Each attempt takes a slot first (so parallel guesses cannot slip past); a right
// password gives its slot back.
const passwordRule = (userId: string) => ({
  key: `password-check:${userId}`,
  limit: 10,
  windowMs: 3_600_000,
  message: (s: number) => `Too many attempts at your current password. Try again in ${waitPhrase(s)}.`,
});

/** Checks the current password (counted against a limit); refuses with a field message when wrong. */
export async function assertCurrentPassword(db: DB, user: { id: string; passwordHash: string | null }, given: string, field = "currentPassword") {
  if (!user.passwordHash) return;
  if (!given) throw invalid(field, "Enter your current password.");
  const rule = passwordRule(user.id);
  writeTx(db, (tx) => takeRateSlots(tx, [rule], new Date()));
  let ok: boolean;
  try {
    ok = await verifyPassword(given, user.passwordHash);
  } catch (err) {
    // The hashing line was full (429): nothing was checked, so the slot goes back.
    writeTx(db, (tx) => giveRateSlotBack(tx, rule.key));
    throw err;
  }
  if (!ok) throw invalid(field, "That is not your current password.");
  writeTx(db, (tx) => giveRateSlotBack(tx, rule.key));
}

/** A new email address (unique); needs the current password when the account has one. */
export async function changeEmail(db: DB, userId: string, raw: unknown) {
  const input = EmailInput.parse(raw);
  const user = loadUser(db, userId);
  if (user.email === input.email) return { changed: false };
  // The password first: a borrowed session must not learn which addresses have accounts.
  await assertCurrentPassword(db, user, input.currentPassword);
  const taken = db.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), ne(users.id, userId))).get();
  if (taken) throw conflict("email", "Another account already uses this email address.");
  try {
    writeTx(db, (tx) => tx.update(users).set({ email: input.email, emailVerified: null }).where(eq(users.id, userId)).run());
  } catch (err) {
    if (err instanceof SqliteError && err.code === "SQLITE_CONSTRAINT_UNIQUE") throw conflict("email", "Another account already uses this email address.");
    throw err;
  }
  return { changed: true };
}

/**
 * A new password, given the current one (an account made through a provider sets its first
 * password without one). Every session ends: the caller starts a fresh one for this browser
 * with the returned session version.
 */
export async function changePassword(db: DB, userId: string, raw: unknown) {
  const user = loadUser(db, userId);
  const input = PasswordInput.parse(raw);
  await assertCurrentPassword(db, user, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  return writeTx(db, (tx) => {
    const row = tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, userId), eq(users.sessionVersion, user.sessionVersion)))
      .returning({ sessionVersion: users.sessionVersion })
      .get();
    if (!row) throw new DomainError("Conflict", "Your account changed while you were typing. Please try again.");
    return row;
  });
}

export function updateNotificationPrefs(db: DB, userId: string, raw: unknown): NotificationPrefs {
  const input = NotificationPrefsInput.parse(raw);
  writeTx(db, (tx) => {
    loadUser(tx, userId);
    tx.update(users).set(input).where(eq(users.id, userId)).run();
  });
  return input;
}

export function getSettings(db: DB, userId: string) {
  const u = db.select().from(users).where(eq(users.id, userId)).get();
  if (!u) return null;
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    bio: u.bio,
    email: u.email,
    image: u.image,
    hasPassword: !!u.passwordHash,
    prefs: {
      notifyReviewReplies: u.notifyReviewReplies,
      notifyCommentReplies: u.notifyCommentReplies,
      notifyMentions: u.notifyMentions,
      notifyMilestones: u.notifyMilestones,
      notifyBadges: u.notifyBadges,
      badgeAnnouncements: u.badgeAnnouncements,
    } satisfies NotificationPrefs,
  };
}
export type Settings = NonNullable<ReturnType<typeof getSettings>>;

/** The username typed to confirm a deletion must be this account's. */
export function confirmsUsername(user: { username: string }, typed: unknown): boolean {
  return typeof typed === "string" && usernameKey(typed) === usernameKey(user.username);
}
