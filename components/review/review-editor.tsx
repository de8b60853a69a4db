"use client";

import { useEffect, useState } from "react";
import type { FormState } from "@/lib/action-result";
import { MAX_TITLE_CHARS } from "@/lib/markdown/limits";
import { countWords, readingMinutes } from "@/lib/markdown/stats";
import { EDIT_REASON_MAX, rawCeiling } from "@/lib/text-limits";
import { CheckboxField, EnhancedForm, Field, SelectField, SubmitButton, TextAreaField } from "../form";
import { useStoredDraft } from "../use-stored-draft";
import { wordsLabel } from "@/lib/count-labels";

export type EditorValues = {
  slug: string | null;
  status: "draft" | "published" | null;
  title: string;
  filmTitle: string;
  filmYear: string;
  score: string;
  tags: string;
  hasSpoilers: boolean;
  body: string;
};

const SHORT_WORDS = 150;
const SCORE_OPTIONS = [{ value: "", label: "No score" }, ...Array.from({ length: 10 }, (_, i) => ({ value: String(10 - i), label: `${10 - i}/10` }))];

/**
 * The review editor: every field posts without JavaScript; with it, a live preview from the
 * server's own renderer, word count and reading time, film suggestions, and the body kept in this
 * browser's storage until the review is published.
 */
export function ReviewEditor({ action, values, initial }: { action: string; values: EditorValues; initial: FormState | null }) {
  const storageKey = `marquee:review-body:${values.slug ?? "new"}`;
  const [body, setBody] = useState(initial?.values.body ?? values.body);
  const [preview, setPreview] = useState<{ html: string; error?: string } | null>(null);
  const [films, setFilms] = useState<{ id: number; title: string; year: number }[]>([]);
  const words = countWords(body);

  // Bring back text typed here but never saved (a closed tab, a lost connection).
  const draft = useStoredDraft(storageKey, setBody);
  const bodyRef = draft.field;
  const restored = draft.restored;

  useEffect(() => {
    const t = setTimeout(() => {
      if (body.trim() === "") return setPreview(null);
      fetch("/api/preview", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ body }) })
        .then(async (r) => {
          const res = (await r.json()) as { html?: string; error?: string };
          setPreview(r.ok && res.html !== undefined ? { html: res.html } : { html: "", error: res.error ?? "Preview unavailable." });
        })
        .catch(() => setPreview({ html: "", error: "Preview unavailable while offline; your text is safe here." }));
    }, 350);
    return () => clearTimeout(t);
  }, [body]);

  function onBodyInput(value: string) {
    setBody(value);
    draft.save(value);
  }

  function onFilmInput(q: string) {
    fetch(`/api/films?q=${encodeURIComponent(q)}`)
      .then((r) => r.json() as Promise<{ films: typeof films }>)
      .then((res) => setFilms(res.films))
      .catch(() => undefined);
  }

  const publishing = values.status !== "published";
  return (
    <EnhancedForm
      action={action}
      initial={initial}
      className="editor"
      testId="review-editor"
      onSuccess={(_form, submitter) => {
        if (submitter?.getAttribute("value") !== "draft") draft.clear();
      }}
    >
      <div className="editor__grid">
        <div className="editor__fields">
          <Field name="title" label="Title" defaultValue={values.title} maxLength={rawCeiling(MAX_TITLE_CHARS)} required />
          <div className="editor__film" onInput={(e) => (e.target as HTMLInputElement).name === "filmTitle" && onFilmInput((e.target as HTMLInputElement).value)}>
            <Field name="filmTitle" label="Film" hint="Pick a suggestion or type a new title." defaultValue={values.filmTitle} list="film-suggestions" autoComplete="off" />
            <Field name="filmYear" label="Year" defaultValue={values.filmYear} inputMode="numeric" maxLength={4} className="field--year" />
            <datalist id="film-suggestions">
              {films.map((f) => (
                <option key={f.id} value={f.title} label={`${f.title} (${f.year})`} />
              ))}
            </datalist>
          </div>
          <div className="editor__row">
            <SelectField name="score" label="Score" defaultValue={values.score} options={SCORE_OPTIONS} />
            <Field name="tags" label="Tags" hint="Up to 5, separated by commas: noir, slow-cinema" defaultValue={values.tags} />
          </div>
          <CheckboxField name="hasSpoilers" label="Contains spoilers" hint="Folds the whole review behind a reveal. For a single line, wrap it like >!this!<." defaultChecked={values.hasSpoilers} />
          <TextAreaField name="body" label="Review (Markdown)" defaultValue={values.body} onInput={onBodyInput} textareaRef={bodyRef} />
          <p className="editor__stats" aria-live="polite">
            {wordsLabel(words)} · {readingMinutes(words)} min read
            {words > 0 && words < SHORT_WORDS ? <span className="editor__hint"> — reviews under {SHORT_WORDS} words read more like notes; add what stayed with you.</span> : null}
          </p>
          {restored ? <p className="notice">Restored text you typed in this browser but had not saved.</p> : null}
          {values.slug ? <Field name="reason" label="Reason for this edit (optional)" hint="Shown in the revision history." maxLength={rawCeiling(EDIT_REASON_MAX)} /> : null}
          <div className="editor__actions">
            {publishing ? (
              <>
                <SubmitButton name="intent" value="publish">Publish</SubmitButton>
                <SubmitButton name="intent" value="draft" variant="plain">
                  Save draft
                </SubmitButton>
              </>
            ) : (
              <SubmitButton name="intent" value="publish">Save changes</SubmitButton>
            )}
          </div>
        </div>
        <section className="editor__preview" aria-label="Preview">
          <h2 className="editor__preview-title">Preview</h2>
          {preview?.error ? <p className="muted">{preview.error}</p> : null}
          {preview?.html ? <div className="prose" dangerouslySetInnerHTML={{ __html: preview.html }} /> : <p className="muted">The preview appears as you write.</p>}
        </section>
      </div>
    </EnhancedForm>
  );
}
