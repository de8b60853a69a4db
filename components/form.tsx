"use client";

import { createContext, useContext, useState, type FormEvent, type ReactNode } from "react";
import type { FormState } from "@/lib/action-result";

const FormContext = createContext<{ state: FormState; pending: boolean }>({
  state: { status: 200, ok: false, fieldErrors: {}, values: {} },
  pending: false,
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
}: {
  action: string;
  initial?: FormState | null;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const [state, setState] = useState<FormState>(initial ?? { status: 200, ok: false, fieldErrors: {}, values: {} });
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    const form = event.currentTarget;
    try {
      const res = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { accept: "application/json" },
      });
      const next = (await res.json().catch(() => null)) as FormState | null;
      if (next?.ok && next.redirect) {
        window.location.assign(next.redirect);
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
    <FormContext.Provider value={{ state, pending }}>
      <form action={action} method="post" onSubmit={onSubmit} className={className} data-testid={testId} noValidate>
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

export function Field({
  name,
  label,
  type = "text",
  hint,
  autoComplete,
  required,
  maxLength,
  defaultValue,
}: {
  name: string;
  label: string;
  type?: string;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  defaultValue?: string;
}) {
  const { state } = useContext(FormContext);
  const errors = state.fieldErrors[name] ?? [];
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={errors.length ? "field field--invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        defaultValue={type === "password" ? undefined : (state.values[name] ?? defaultValue)}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {errors.length ? (
        <p className="field-error" id={`${id}-error`} data-testid={`error-${name}`}>
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children }: { children: ReactNode }) {
  const { pending } = useContext(FormContext);
  return (
    <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending || undefined}>
      {children}
    </button>
  );
}
