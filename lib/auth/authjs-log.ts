import { AsyncLocalStorage } from "node:async_hooks";
import { logRefusal } from "@/lib/http/refusal";
import { UnreadableToken } from "./jwt-codec";

// What Auth.js reports goes through here. Its own logger prints a stack for every error, and most
// of its errors are a request's fault that anyone can repeat at will (a garbage session cookie, an
// unknown action, a missing CSRF token): each of those leaves one short line, naming only the
// kind of fault, never the message (which quotes what the client sent: cookies, addresses). What
// is not a request's fault (the database failing under the jwt callback, a provider misconfigured)
// is the server's, and logs its error whole.

/** Auth.js error types that a request alone causes, and what the line says for each. */
const REQUEST_FAULTS: Record<string, string> = {
  UnknownAction: "no such Auth.js action",
  InvalidCallbackUrl: "invalid callback address",
  InvalidProvider: "no such sign-in provider",
  MissingCSRF: "missing or wrong CSRF token",
  CredentialsSignin: "credentials refused",
  InvalidCheck: "OAuth state, PKCE or nonce check failed",
  OAuthCallbackError: "the provider answered with an error",
  AccessDenied: "sign-in refused",
  Verification: "invalid verification token",
  OAuthAccountNotLinked: "account not linked",
  AccountNotLinked: "account not linked",
};

type AuthjsError = Error & { type?: string; cause?: unknown };

// What the OAuth library says of a callback whose own parameters are wrong (no or a forged issuer
// or state, an error parameter, a code the provider refuses): anyone can send those. Its other
// codes (metadata, keys, a provider that is not reachable or not conforming) are the server's.
const OAUTH_REQUEST_CODES = new Set(["OAUTH_INVALID_RESPONSE", "OAUTH_AUTHORIZATION_RESPONSE_ERROR", "OAUTH_RESPONSE_BODY_ERROR"]);

/** Why Auth.js refused, when the request is at fault; null for a fault of the server's. */
export function requestFault(error: AuthjsError): string | null {
  const cause = error.cause && typeof error.cause === "object" && "err" in error.cause ? (error.cause as { err: unknown }).err : undefined;
  // JWTSessionError, SignOutError, SessionTokenError…: whatever wraps a cookie that is no token of ours.
  if (cause instanceof UnreadableToken) return "unreadable session cookie";
  const code = cause instanceof Error && "code" in cause ? cause.code : undefined;
  if (error.type === "CallbackRouteError" && typeof code === "string" && OAUTH_REQUEST_CODES.has(code)) return `OAuth callback refused (${code})`;
  // A provider id from the path that names none: Auth.js says so with a plain Error.
  if (error.message.startsWith('Provider with id "') && error.message.includes('" not found. Available providers:')) return "no such sign-in provider";
  return (error.type && REQUEST_FAULTS[error.type]) ?? null;
}

type Req = { method?: string; url: string; headers: Headers };

const pending = new AsyncLocalStorage<string[]>();

/**
 * Runs one request through Auth.js, and writes one line for it if it was refused for a request
 * fault (however many errors Auth.js reported on the way).
 */
export async function withAuthjsLog(req: Req, handle: () => Promise<Response>): Promise<Response> {
  const reasons: string[] = [];
  const res = await pending.run(reasons, handle);
  if (reasons.length > 0) logRefusal(req, "auth", { status: res.status, reason: [...new Set(reasons)].join("; ") });
  return res;
}

/** Auth.js's `logger`. */
export const authjsLogger = {
  error(error: AuthjsError) {
    const fault = requestFault(error);
    if (fault === null) {
      const cause = error.cause && typeof error.cause === "object" && "err" in error.cause ? (error.cause as { err: unknown }).err : undefined;
      console.error(`marquee: Auth.js failed: ${error.type ?? error.name}`, error, ...(cause ? ["\ncaused by", cause] : []));
      return;
    }
    const reasons = pending.getStore();
    // Outside Auth.js's routes (auth(), signIn() and signOut() called by the app's own), the request is not known here.
    if (reasons) reasons.push(fault);
    else console.warn(`marquee: refused auth: ${fault}`);
  },
  warn(code: string) {
    console.warn(`marquee: Auth.js warning ${code}`);
  },
  debug() {},
};
