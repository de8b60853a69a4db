"use client";

import { createContext, useContext, useState, type FormEvent, type ReactNode } from "react";
import type { FormState } from "@/lib/action-result";

const FormContext = createContext<{ state: FormState; pending: boolean; idPrefix: string }>({
  state: { status: 200, ok: false, fieldErrors: {}, values: {} },
  pending: false,
  idPrefix: "field",
});

/**
 * A form that works as a plain POST without JavaScript and, with it, submits in place: the
 * server's messages appear next to their fields and nothing typed is lost.
 */
export function EnhancedForm({
  action,
  initial,
  children,
  className,
  testId,
  onSuccess,
  onAnswer,
  idPrefix = "field",
  formRef,
  encType,
}: {
  action: string;
  initial?: FormState | null;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** Runs before the browser follows a successful answer's redirect. */
  onSuccess?: (form: HTMLFormElement, submitter: HTMLElement | null) => void;
  /** Sees every answer first; returning true means it was handled in place (no redirect is followed). */
  onAnswer?: (answer: FormState, form: HTMLFormElement) => boolean;
  /** Field ids are `${idPrefix}-${name}`: set it when a page holds several forms. */
  idPrefix?: string;
  formRef?: React.Ref<HTMLFormElement>;
  /** "multipart/form-data" for a form that sends a file. */
  encType?: string;
}) {
  const [state, setState] = useState<FormState>(initial ?? { status: 200, ok: false, fieldErrors: {}, values: {} });
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    // A button marked data-native leaves the page on purpose (e.g. to an identity provider).
    if (submitter?.hasAttribute("data-native")) return;
    event.preventDefault();
    if (pending) return;
    setPending(true);
    const form = event.currentTarget;
    try {
      const res = await fetch(form.action, {
        method: "POST",
        // The button pressed (e.g. "Save draft" or "Publish") travels with the fields.
        body: new FormData(form, submitter),
        headers: { accept: "application/json" },
      });
      const next = (await res.json().catch(() => null)) as FormState | null;
      if (next && onAnswer?.(next, form)) {
        setState(next.ok ? { status: 200, ok: false, fieldErrors: {}, values: {} } : next);
        setPending(false);
        return;
      }
      if (next?.ok && next.redirect) {
        onSuccess?.(form, (event.nativeEvent as SubmitEvent).submitter);
        goTo(next.redirect);
        return;
      }
      setState(
        next ?? { status: res.status, ok: false, message: "Something went wrong. Please try again.", fieldErrors: {}, values: {} },
      );
    } catch {
      setState((s) => ({ ...s, ok: false, message: "Could not reach Marquee. Check your connection and try again." }));
    }
    setPending(false);
  }

  return (
    <FormContext.Provider value={{ state, pending, idPrefix }}>
      <form ref={formRef} action={action} method="post" encType={encType} onSubmit={onSubmit} className={className} data-testid={testId} noValidate>
        {state.message && !state.ok ? (
          <p className="form-message" role="alert" data-testid="form-message">
            {state.message}
          </p>
        ) : null}
        {children}
      </form>
    </FormContext.Provider>
  );
}

/**
 * Follows a redirect. One that differs from this page only after "#" would just scroll, so the
 * page is loaded again (it changed: a comment was posted, the reader signed in).
 */
function goTo(url: string) {
  const target = new URL(url, window.location.href);
  const here = window.location;
  if (target.pathname === here.pathname && target.search === here.search) {
    here.hash = target.hash;
    here.reload();
  } else {
    here.assign(target.href);
  }
}

/** Label, hint and error wiring shared by every kind of field. */
function useField(name: string, hint?: string) {
  const { state, idPrefix } = useContext(FormContext);
  const errors = state.fieldErrors[name] ?? [];
  const id = `${idPrefix}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return {
    id,
    value: state.values[name],
    error: errors[0],
    inputProps: { id, name, "aria-invalid": errors.length ? true : undefined, "aria-describedby": describedBy || undefined },
  };
}

function FieldShell({
  f,
  label,
  hint,
  children,
  className,
  controlFirst = false,
}: {
  f: ReturnType<typeof useField>;
  label: ReactNode;
  hint?: string;
  children: ReactNode;
  className?: string;
  /** Checkboxes: the box before its label. */
  controlFirst?: boolean;
}) {
  return (
    <div className={[f.error ? "field field--invalid" : "field", className].filter(Boolean).join(" ")}>
      {controlFirst ? children : null}
      <label htmlFor={f.id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${f.id}-hint`}>
          {hint}
        </p>
      ) : null}
      {controlFirst ? null : children}
      {f.error ? (
        <p className="field-error" id={`${f.id}-error`} data-testid={`error-${f.inputProps.name}`}>
          {f.error}
        </p>
      ) : null}
    </div>
  );
}

export function Field({
  name,
  label,
  type = "text",
  hint,
  autoComplete,
  required,
  maxLength,
  defaultValue,
  list,
  className,
  inputMode,
}: {
  name: string;
  label: string;
  type?: string;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  defaultValue?: string;
  list?: string;
  className?: string;
  inputMode?: "numeric" | "text";
}) {
  const f = useField(name, hint);
  return (
    <FieldShell f={f} label={label} hint={hint} className={className}>
      <input
        {...f.inputProps}
        type={type}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        list={list}
        inputMode={inputMode}
        defaultValue={type === "password" ? undefined : (f.value ?? defaultValue)}
      />
    </FieldShell>
  );
}

export function FileField({ name, label, hint, accept }: { name: string; label: string; hint?: string; accept?: string }) {
  const f = useField(name, hint);
  return (
    <FieldShell f={f} label={label} hint={hint}>
      <input {...f.inputProps} type="file" accept={accept} />
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  defaultValue,
  rows = 18,
  onInput,
  textareaRef,
  autoFocus,
  maxLength,
}: {
  name: string;
  label: ReactNode;
  hint?: string;
  defaultValue?: string;
  rows?: number;
  maxLength?: number;
  onInput?: (value: string) => void;
  textareaRef?: React.Ref<HTMLTextAreaElement>;
  autoFocus?: boolean;
}) {
  const f = useField(name, hint);
  return (
    <FieldShell f={f} label={label} hint={hint}>
      <textarea {...f.inputProps} ref={textareaRef} rows={rows} autoFocus={autoFocus} maxLength={maxLength} defaultValue={f.value ?? defaultValue} onInput={(e) => onInput?.(e.currentTarget.value)} />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  defaultValue,
  options,
}: {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
}) {
  const f = useField(name, hint);
  return (
    <FieldShell f={f} label={label} hint={hint}>
      <select {...f.inputProps} defaultValue={f.value ?? defaultValue}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ name, label, hint, defaultChecked }: { name: string; label: string; hint?: string; defaultChecked?: boolean }) {
  const f = useField(name, hint);
  const { state } = useContext(FormContext);
  // After a refused post, the box is as it was sent: present means checked.
  const checked = Object.keys(state.values).length > 0 ? f.value === "on" : defaultChecked;
  return (
    <FieldShell f={f} label={label} hint={hint} className="field--check" controlFirst>
      <input {...f.inputProps} type="checkbox" defaultChecked={checked} />
    </FieldShell>
  );
}

export function SubmitButton({
  children,
  name,
  value,
  variant = "primary",
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  variant?: "primary" | "plain" | "danger";
}) {
  const { pending } = useContext(FormContext);
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={variant === "plain" ? "button" : `button button--${variant}`}
      disabled={pending}
      aria-busy={pending || undefined}
    >
      {children}
    </button>
  );
}
