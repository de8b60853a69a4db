import { z } from "zod";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { longText, RAW_UNITS_PER_GRAPHEME, shortText } from "@/lib/text";
import {
  USERNAME_MAX,
  USERNAME_MIN,
  USERNAME_PATTERN,
  isReservedUsername,
  normalizeUsername,
} from "./username";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const Username = z
  .string({ error: "Choose a username." })
  .max(USERNAME_MAX * RAW_UNITS_PER_GRAPHEME, `A username has at most ${USERNAME_MAX} characters.`)
  .transform(normalizeUsername)
  .pipe(
    z
      .string()
      .min(1, "Choose a username.")
      .min(USERNAME_MIN, `A username has at least ${USERNAME_MIN} characters.`)
      .max(USERNAME_MAX, `A username has at most ${USERNAME_MAX} characters.`)
      .regex(USERNAME_PATTERN, "Use only letters, digits and underscores.")
      .refine((u) => !isReservedUsername(u), "That username is reserved."),
  );

export const Email = z
  .string({ error: "Enter your email address." })
  .max(1000, "That email address is too long.")
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform((e) => e.toLowerCase());

export const NewPassword = z
  .string({ error: "Choose a password." })
  .min(1, "Choose a password.")
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((p) => !isCommonPassword(p), "That password is one of the most common ones. Choose another.");

export const DISPLAY_NAME_MAX = 50;
export const DisplayName = shortText({
  what: "A display name",
  max: DISPLAY_NAME_MAX,
  tooLong: `A display name has at most ${DISPLAY_NAME_MAX} characters.`,
});

export const BIO_MAX = 500;
const bioTooLong = () => `A bio has at most ${BIO_MAX} characters.`;
export const Bio = z
  .string()
  .default("")
  .pipe(longText({ what: "A bio", max: BIO_MAX, tooLong: bioTooLong }))
  .transform((s) => s.normalize("NFKC").trim())
  .pipe(z.string().max(BIO_MAX, bioTooLong()));

export const SignUpInput = z.object({
  username: Username,
  email: Email,
  password: NewPassword,
  displayName: DisplayName.optional(),
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignInInput = z.object({
  identifier: z
    .string({ error: "Enter your username or email." })
    .max(1000, "That is longer than any username or email.")
    .trim()
    .min(1, "Enter your username or email.")
    .max(254, "That is longer than any username or email."),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX, "Wrong username, email or password."),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const RoleInput = z.enum(["member", "moderator", "admin"], { error: "Role must be member, moderator or admin." });

// The settings page's forms.
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
