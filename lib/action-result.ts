import { z } from "zod";
import { DomainError, type FieldErrors } from "./errors";

/** What a form submission answers: where to go next, or what to show next to which field. */
export type FormState = {
  status: number;
  ok: boolean;
  redirect?: string;
  /** What a successful JSON answer tells the client beyond where to go (e.g. the comment it posted). */
  data?: Record<string, unknown>;
  message?: string;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
  retryAfterSeconds?: number;
};

export const emptyFormState = (values: Record<string, string> = {}): FormState => ({
  status: 200,
  ok: false,
  fieldErrors: {},
  values,
});

/** zod → field errors (422), DomainError → its status; anything else is rethrown. */
export function toFormError(err: unknown, values: Record<string, string>): FormState {
  if (err instanceof z.ZodError) {
    const flat = z.flattenError(err);
    return {
      status: 422,
      ok: false,
      message: flat.formErrors[0] ?? "Please correct the fields marked below.",
      fieldErrors: flat.fieldErrors as FieldErrors,
      values,
    };
  }
  if (err instanceof DomainError) {
    return {
      status: err.status,
      ok: false,
      message: err.message,
      fieldErrors: err.fieldErrors,
      values,
      retryAfterSeconds: err.retryAfterSeconds,
    };
  }
  throw err;
}
