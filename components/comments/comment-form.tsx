"use client";

import { useSyncExternalStore, type ReactNode } from "react";
import type { FormState } from "@/lib/action-result";
import { EnhancedForm, Field, SubmitButton, TextAreaField } from "../form";
import { useStoredDraft } from "../use-stored-draft";
import { useThread } from "./thread-context";

const noSubscribe = () => () => {};
const isClient = () => true;
const isServer = () => false;
/** A comment just posted, as the answer to the form carries it. */
export type PostedComment = { id: number; html: string };

const HINT = "Markdown works: *italics*, **bold**, > quotes, and >!spoilers!< hidden until clicked.";

/**
 * "Leave a reply": posts in place with JavaScript (the new comment appears at once), or as a plain
 * form post that lands on the new comment's anchor. Signed-out readers sign in right here, with a
 * password or an identity provider, without losing what they wrote.
 */
export function CommentForm({
  parentId,
  label,
  onPosted,
  onCancel,
  autoFocus = false,
  initial,
  signIn = "auto",
}: {
  parentId: number | null;
  label: ReactNode;
  /** Shows the new comment in place (its markup, as the thread has it); without it the browser goes to the comment in its thread. */
  onPosted?: (comment: PostedComment) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  initial?: FormState | null;
  /** "auto": shown until the page's script hides it for a signed-in viewer; a page that knows says so. */
  signIn?: "auto" | "show" | "hide";
}) {
  const { reviewId, slug, providers } = useThread();
  const draft = useStoredDraft(`marquee:comment:${reviewId}:${parentId ?? "top"}`, undefined, { onlyIntoEmpty: true });
  const hydrated = useSyncExternalStore(noSubscribe, isClient, isServer);
  const prefix = parentId ? `reply-${parentId}` : "comment";

  function onAnswer(answer: FormState, form: HTMLFormElement): boolean {
    if (!answer.ok) return false;
    draft.clear();
    const comment = answer.data?.comment as PostedComment | undefined;
    // Signing in changed the whole page (header, controls), or the site answered in the thread
    // (a STOP): follow the redirect instead.
    if (!comment || answer.data?.signedIn || answer.data?.reload || !onPosted) return false;
    form.reset();
    onPosted(comment);
    return true;
  }

  return (
    <EnhancedForm action="/api/comments" initial={initial} className="comment-form" testId={parentId ? `reply-form-${parentId}` : "comment-form"} idPrefix={prefix} onAnswer={onAnswer}>
      {/* Enter in a field presses the first submit button: this one, not a provider's. */}
      <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true" />
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="parentId" value={parentId ?? ""} />
      {/* Tells the sign-in detour that this browser keeps the text itself. */}
      <input type="hidden" name="js" value={hydrated ? "1" : ""} />
      <TextAreaField
        name="body"
        label={label}
        hint={HINT}
        rows={parentId ? 4 : 5}
        textareaRef={draft.field}
        autoFocus={autoFocus}
        onInput={draft.save}
      />
      {draft.restored ? <p className="field-hint">Restored the text you were writing.</p> : null}
      {signIn === "hide" ? null : <GuestSignIn always={signIn === "show"} prefix={prefix} providers={providers} back={parentId ? `/reviews/${slug}#reply-${parentId}` : `/reviews/${slug}#reply`} />}
      <div className="comment-form__actions">
        <SubmitButton>{parentId ? "Post reply" : "Post comment"}</SubmitButton>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </EnhancedForm>
  );
}

/**
 * Shown to readers who are not signed in (hidden by the page's script once they are): a password filled
 * in signs in and posts at once; a provider or "Create an account" keeps the text and brings the
 * reader back to it.
 */
function GuestSignIn({ prefix, providers, back, always }: { prefix: string; providers: { id: string; name: string }[]; back: string; always: boolean }) {
  return (
    <fieldset className={always ? "comment-signin" : "comment-signin guest-only"} data-testid={`${prefix}-signin`}>
      <legend>Not signed in? Sign in as you post</legend>
      <p className="field-hint">Your text stays right here.</p>
      <div className="comment-signin__fields">
        <Field name="identifier" label="Username or email" autoComplete="username" />
        <Field name="password" label="Password" type="password" autoComplete="current-password" />
      </div>
      <input type="hidden" name="back" value={back} />
      <div className="comment-signin__choices">
        {providers.map((p) => (
          <button key={p.id} type="submit" className="button button--small" formAction="/api/comments/handoff" formNoValidate name="to" value={p.id} data-native>
            Continue with {p.name}
          </button>
        ))}
        <button type="submit" className="link-button" formAction="/api/comments/handoff" formNoValidate name="to" value="signup" data-native>
          Create an account
        </button>
      </div>
    </fieldset>
  );
}
