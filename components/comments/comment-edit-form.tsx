"use client";

import type { FormState } from "@/lib/action-result";
import { EDIT_REASON_MAX, rawCeiling } from "@/lib/text-limits";
import { EnhancedForm, Field, SubmitButton, TextAreaField } from "../form";

/** Edits a comment's text; a reason is optional and shows in its history. */
export function CommentEditForm({ id, body, initial, cancelHref }: { id: number; body: string; initial: FormState | null; cancelHref: string }) {
  return (
    <EnhancedForm action={`/api/comments/${id}/edit`} initial={initial} className="comment-form" testId="comment-edit-form">
      <TextAreaField name="body" label="Your comment" defaultValue={body} rows={8} hint="Markdown works here, as when you posted it." />
      <Field name="reason" label="Reason for the edit (optional)" maxLength={rawCeiling(EDIT_REASON_MAX)} hint="Shown in the comment's history." />
      <div className="comment-form__actions">
        <SubmitButton>Save changes</SubmitButton>
        <a href={cancelHref} className="button">
          Cancel
        </a>
      </div>
    </EnhancedForm>
  );
}
