// Typed domain errors. Verbs throw them; form routes turn them into a status and a message.
export type FieldErrors = Record<string, string[]>;

export type DomainErrorKind =
  | "Invalid"
  | "Unauthenticated"
  | "Forbidden"
  | "NotFound"
  | "Conflict"
  | "Gone"
  | "RateLimited";

const STATUS: Record<DomainErrorKind, number> = {
  Invalid: 422,
  Unauthenticated: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  Gone: 410,
  RateLimited: 429,
};

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly fieldErrors: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(
    kind: DomainErrorKind,
    message: string,
    opts: { fieldErrors?: FieldErrors; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "DomainError";
    this.kind = kind;
    this.fieldErrors = opts.fieldErrors ?? {};
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get status(): number {
    return STATUS[this.kind];
  }
}

export const invalid = (field: string, message: string) =>
  new DomainError("Invalid", message, { fieldErrors: { [field]: [message] } });
export const conflict = (field: string, message: string) =>
  new DomainError("Conflict", message, { fieldErrors: { [field]: [message] } });
export const forbidden = (message = "You are not allowed to do that.") => new DomainError("Forbidden", message);
export const notFound = (message = "Not found.") => new DomainError("NotFound", message);
export const gone = (message: string) => new DomainError("Gone", message);
export const unauthenticated = (message = "Please sign in first.") => new DomainError("Unauthenticated", message);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new DomainError("RateLimited", message, { retryAfterSeconds });
