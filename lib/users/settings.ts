import { SqliteError } from "better-sqlite3";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { DB, Tx } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { actorOf, type Ctx } from "@/lib/context";
import { conflict, DomainError, invalid, notFound } from "@/lib/errors";
import { giveRateSlotBack, takeRateSlots, waitPhrase } from "@/lib/rate-limit";
import { write } from "@/lib/write";
import { recordPresence } from "./presence";
import { Bio, DisplayName, Email, NewPassword, PASSWORD_MAX } from "./schemas";
import { usernameKey } from "./username";

// The settings page's verbs (one form each) and its loader, kept together as the page is.
export { BIO_MAX } from "./schemas";

export const ProfileInput = z.object({
  name: DisplayName.pipe(z.string().min(1, "Enter the name people see, or keep your username.")),
  bio: Bio,
});

// Required only of accounts that have a password (assertCurrentPassword says so next to the field).
const CurrentPassword = z.string().max(PASSWORD_MAX, "That is not your current password.").default("");

const EmailInput = z.object({ email: Email, currentPassword: CurrentPassword });
const PasswordInput = z
  .object({ currentPassword: CurrentPassword, newPassword: NewPassword, confirmPassword: z.string().default("") })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." });

const flag = z.preprocess((v) => v === "on" || v === "1" || v === "true" || v === true, z.boolean());
const NotificationPrefsInput = z.object({
  notifyReviewReplies: flag,
  notifyCommentReplies: flag,
  notifyMentions: flag,
  notifyMilestones: flag,
  notifyBadges: flag,
  badgeAnnouncements: flag,
});
type NotificationPrefs = z.infer<typeof NotificationPrefsInput>;

const SIGN_IN_FIRST = "Please sign in to change your settings.";

async function loadUser(conn: DB | Tx, userId: string) {
  const user = await conn.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw notFound("This account no longer exists.");
  return user;
}

/**
 * The acting member's display name and bio. A new name is recorded wherever it shows; a new bio
 * on their profile and the members directory.
 */
export async function updateProfile(ctx: Ctx, raw: unknown) {
  const input = ProfileInput.parse(raw);
  const { id } = actorOf(ctx, SIGN_IN_FIRST);
  return write(ctx, async (w) => {
    const before = await loadUser(w.tx, id);
    await w.tx.update(users).set({ name: input.name, bio: input.bio }).where(eq(users.id, id)).run();
    const nameChanged = before.name !== input.name;
    const bioChanged = before.bio !== input.bio;
    if (nameChanged) await recordPresence(w, id);
    else if (bioChanged) {
      w.changes.members.add(id);
      w.changes.directory = true;
    }
    return { nameChanged, bioChanged };
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
export async function assertCurrentPassword(ctx: Ctx, user: { id: string; passwordHash: string | null }, given: string, field = "currentPassword") {
  if (!user.passwordHash) return;
  if (!given) throw invalid(field, "Enter your current password.");
  const rule = passwordRule(user.id);
  await write(ctx, async (w) => ({ counts: await takeRateSlots(w, [rule]) }));
  const giveBack = () => write(ctx, async (w) => (await giveRateSlotBack(w, rule.key), {}));
  let ok: boolean;
  try {
    // Checked between two writes, never inside one: every other write would queue behind scrypt.
    ok = await verifyPassword(given, user.passwordHash);
  } catch (err) {
    // The hashing line was full (429): nothing was checked, so the slot goes back.
    await giveBack();
    throw err;
  }
  if (!ok) throw invalid(field, "That is not your current password.");
  await giveBack();
}

/** A new email address (unique) for the acting member; needs the current password when the account has one. */
export async function changeEmail(ctx: Ctx, raw: unknown) {
  const input = EmailInput.parse(raw);
  const { id } = actorOf(ctx, SIGN_IN_FIRST);
  const user = await loadUser(ctx.db, id);
  if (user.email === input.email) return { changed: false };
  // The password first: a borrowed session must not learn which addresses have accounts.
  await assertCurrentPassword(ctx, user, input.currentPassword);
  const taken = await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), ne(users.id, id))).get();
  if (taken) throw conflict("email", "Another account already uses this email address.");
  try {
    // An email shows on no page: nothing to expire.
    await write(ctx, async (w) => (await w.tx.update(users).set({ email: input.email, emailVerified: null }).where(eq(users.id, id)).run(), {}));
  } catch (err) {
    if (err instanceof SqliteError && err.code === "SQLITE_CONSTRAINT_UNIQUE") throw conflict("email", "Another account already uses this email address.");
    throw err;
  }
  return { changed: true };
}

/**
 * A new password for the acting member, given the current one (an account made through a
 * provider sets its first password without one). Every session ends: the caller starts a fresh
 * one for this browser with the returned session version.
 */
export async function changePassword(ctx: Ctx, raw: unknown) {
  const { id } = actorOf(ctx, "Please sign in to change your password.");
  const user = await loadUser(ctx.db, id);
  const input = PasswordInput.parse(raw);
  await assertCurrentPassword(ctx, user, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  return write(ctx, async (w) => {
    const row = await w.tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, id), eq(users.sessionVersion, user.sessionVersion)))
      .returning({ sessionVersion: users.sessionVersion })
      .get();
    if (!row) throw new DomainError("Conflict", "Your account changed while you were typing. Please try again.");
    return row;
  });
}

/** Which kinds of notice the acting member gets. Returns the switches as saved. */
export async function updateNotificationPrefs(ctx: Ctx, raw: unknown) {
  const input = NotificationPrefsInput.parse(raw);
  const { id } = actorOf(ctx, SIGN_IN_FIRST);
  return write(ctx, async (w) => {
    await loadUser(w.tx, id);
    await w.tx.update(users).set(input).where(eq(users.id, id)).run();
    return { prefs: input };
  });
}

/** What the settings page shows its member; null when the account is gone. */
export async function getSettings(db: DB, userId: string) {
  const u = await db.select().from(users).where(eq(users.id, userId)).get();
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

/** The username typed to confirm a deletion must be this account's. */
export function confirmsUsername(user: { username: string }, typed: unknown): boolean {
  return typeof typed === "string" && usernameKey(typed) === usernameKey(user.username);
}
