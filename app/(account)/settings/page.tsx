import type { Metadata } from "next";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getDb } from "@/lib/db";
import { CheckboxField, EnhancedForm, Field, FileField, SubmitButton, TextAreaField } from "@/components/form";
import type { FormState } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { readFormState } from "@/lib/forms/read-state";
import { avatarUrl } from "@/lib/users/avatar";
import { BIO_MAX } from "@/lib/users/schemas";
import { getSettings } from "@/lib/users/queries";
import "@/components/settings/settings.css";

export const metadata: Metadata = { title: "Settings" };
export const instant = false;

type Section = "profile" | "avatar" | "email" | "password" | "notifications" | "delete";
const SECTIONS: Section[] = ["profile", "avatar", "email", "password", "notifications", "delete"];
const SAVED: Record<Section, string> = {
  profile: "Your profile is saved.",
  avatar: "Your avatar is updated.",
  email: "Your email address is changed.",
  password: "Your password is changed. Every other session has been signed out.",
  notifications: "Your notification choices are saved.",
  delete: "",
};

/** Which section a refused post came from: its hidden `form` field, or the file field of an upload refused unread. */
function sectionOf(state: FormState | null): Section | null {
  if (!state) return null;
  const named = state.values.form as Section | undefined;
  if (named && SECTIONS.includes(named)) return named;
  return state.fieldErrors.avatar ? "avatar" : null;
}

function Panel({ id, title, intro, saved, children }: { id: Section; title: string; intro?: ReactNode; saved: boolean; children: ReactNode }) {
  return (
    <section className={id === "delete" ? "settings-panel settings-panel--danger" : "settings-panel"} id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <p className="muted settings-panel__intro">{intro}</p> : null}
      {saved ? (
        <p className="form-notice" role="status" data-testid={`saved-${id}`}>
          {SAVED[id]}
        </p>
      ) : null}
      {children}
    </section>
  );
}

export default async function SettingsPage({ searchParams }: PageProps<"/settings">) {
  await connection();
  const [user, state] = await Promise.all([getCurrentUser(), readFormState()]);
  if (!user) redirect("/signin?callbackUrl=%2Fsettings");
  const me = await getSettings(getDb(), user.id);
  if (!me) redirect("/signin?callbackUrl=%2Fsettings");
  const refused = sectionOf(state);
  const initial = (s: Section) => (refused === s ? state : null);
  const savedParam = (await searchParams).saved;
  const saved = (s: Section) => !refused && savedParam === s;
  const form = (s: Section) => <input type="hidden" name="form" value={s} />;

  return (
    <div className="settings">
      <header className="settings__head">
        <h1>Settings</h1>
        <p className="muted">
          Signed in as <Link href={`/u/${me.username}`}>@{me.username}</Link>. Your username stays as it is; everything else can change here.
        </p>
        <nav aria-label="Settings sections" className="settings__nav">
          <a href="#profile">Profile</a>
          <a href="#avatar">Avatar</a>
          <a href="#email">Email</a>
          <a href="#password">Password</a>
          <a href="#notifications">Notifications</a>
          <a href="#delete">Delete account</a>
        </nav>
      </header>

      <Panel id="profile" title="Profile" intro="How you appear beside your reviews and comments." saved={saved("profile")}>
        <EnhancedForm action="/api/settings/profile" initial={initial("profile")} idPrefix="profile" testId="profile-form">
          {form("profile")}
          <Field name="name" label="Display name" defaultValue={me.name} autoComplete="name" hint="Up to 50 characters." />
          <TextAreaField name="bio" label="Bio" defaultValue={me.bio} rows={4} hint={`A few lines about you and the films you love, up to ${BIO_MAX} characters.`} />
          <SubmitButton>Save profile</SubmitButton>
        </EnhancedForm>
      </Panel>

      <Panel id="avatar" title="Avatar" saved={saved("avatar")}>
        <div className="settings-avatar">
          <img src={avatarUrl(me)} alt="Your current avatar" width={96} height={96} className="avatar settings-avatar__img" data-testid="settings-avatar" />
          <div>
            <EnhancedForm action="/api/settings/avatar" initial={initial("avatar")} idPrefix="avatar" encType="multipart/form-data" testId="avatar-form">
              {form("avatar")}
              <FileField
                name="avatar"
                label="Upload a new picture"
                accept="image/png,image/jpeg,image/webp"
                hint="PNG, JPEG or WebP, up to 2 MB. It is cropped to a square."
              />
              <SubmitButton>Upload avatar</SubmitButton>
            </EnhancedForm>
            {me.image ? (
              <form action="/api/settings/avatar" method="post" className="settings-avatar__reset">
                <input type="hidden" name="form" value="avatar" />
                <input type="hidden" name="remove" value="1" />
                <button type="submit" className="link-button">
                  Use the generated avatar instead
                </button>
              </form>
            ) : (
              <p className="muted settings-avatar__note">You have the picture drawn from your username.</p>
            )}
          </div>
        </div>
      </Panel>

      <Panel id="email" title="Email" intro="For signing in. Nobody else sees it." saved={saved("email")}>
        <EnhancedForm action="/api/settings/email" initial={initial("email")} idPrefix="email" testId="email-form">
          {form("email")}
          <Field name="email" type="email" label="Email address" defaultValue={me.email ?? ""} autoComplete="email" />
          {me.hasPassword ? <Field name="currentPassword" type="password" label="Current password" autoComplete="current-password" /> : null}
          <SubmitButton>Change email</SubmitButton>
        </EnhancedForm>
      </Panel>

      <Panel
        id="password"
        title="Password"
        intro={me.hasPassword ? "Changing it signs you out on every other device." : "You sign in through another service. Set a password to sign in with it here too."}
        saved={saved("password")}
      >
        <EnhancedForm action="/api/settings/password" initial={initial("password")} idPrefix="password" testId="password-form">
          {form("password")}
          {me.hasPassword ? <Field name="currentPassword" type="password" label="Current password" autoComplete="current-password" /> : null}
          <Field name="newPassword" type="password" label="New password" autoComplete="new-password" hint="At least 10 characters." />
          <Field name="confirmPassword" type="password" label="New password, again" autoComplete="new-password" />
          <SubmitButton>Change password</SubmitButton>
        </EnhancedForm>
      </Panel>

      <Panel id="notifications" title="Notifications" intro="Which notices you get. Nothing is ever sent for your own actions." saved={saved("notifications")}>
        <EnhancedForm action="/api/settings/notifications" initial={initial("notifications")} idPrefix="notify" testId="notifications-form">
          {form("notifications")}
          <fieldset className="settings-switches">
            <legend className="visually-hidden">Notify me about</legend>
            <CheckboxField name="notifyReviewReplies" label="Comments on my reviews" defaultChecked={me.prefs.notifyReviewReplies} />
            <CheckboxField name="notifyCommentReplies" label="Replies to my comments" defaultChecked={me.prefs.notifyCommentReplies} />
            <CheckboxField name="notifyMentions" label="When someone @mentions me" defaultChecked={me.prefs.notifyMentions} />
            <CheckboxField
              name="notifyMilestones"
              label="Upvote milestones"
              hint="When a review or comment of mine reaches 1, 10, 50, 100… upvotes: one notice per milestone."
              defaultChecked={me.prefs.notifyMilestones}
            />
            <CheckboxField name="notifyBadges" label="Badges I earn" defaultChecked={me.prefs.notifyBadges} />
            <CheckboxField
              name="badgeAnnouncements"
              label="Badge notes under my reviews"
              hint="When upvotes on a review earn you a badge, a short note from Marquee is posted under it. Replying STOP to one turns this off too."
              defaultChecked={me.prefs.badgeAnnouncements}
            />
          </fieldset>
          <SubmitButton>Save choices</SubmitButton>
        </EnhancedForm>
      </Panel>

      <Panel
        id="delete"
        title="Delete account"
        intro="Your profile, email, password, avatar, drafts, votes and notices are removed and you are signed out everywhere. Reviews and comments you published stay, shown as by “deleted user”. This cannot be undone."
        saved={false}
      >
        <EnhancedForm action="/api/settings/delete" initial={initial("delete")} idPrefix="delete" testId="delete-form">
          {form("delete")}
          <Field name="username" label={`Type your username, ${me.username}, to confirm`} autoComplete="off" />
          {me.hasPassword ? <Field name="currentPassword" type="password" label="Current password" autoComplete="current-password" /> : null}
          <SubmitButton variant="danger">Delete my account</SubmitButton>
        </EnhancedForm>
      </Panel>
    </div>
  );
}
