import "server-only";
import type { NextRequest } from "next/server";
import { toFormError, type FormState } from "@/lib/action-result";
import type { Changes } from "@/lib/cache/changes";
import { expireChanges } from "@/lib/cache/expire";
import { getEnv } from "@/lib/env";
import { BODY_LIMITS, BodyTooLarge, readFormCapped } from "@/lib/http/body";
import { logRefusal, type RefusalKind } from "@/lib/http/refusal";
import { safeRedirectPath } from "@/lib/http/redirect";
import { tooLargeMessage } from "@/lib/http/refuse";
import { isSameOrigin } from "./origin";
import { selfOrigin } from "./self";
import { putFormState } from "./state-store";

export const FORM_STATE_HEADER = "x-marquee-form-state";

/** A form's work: where to go next, the data a script gets back, and what the writes changed (expired here, after they committed). */
type Handler = (form: FormData, req: NextRequest) => Promise<{ redirect: string; data?: Record<string, unknown>; changes?: Changes | Changes[] }>;
/** The page a refused plain post is shown again on; it may depend on what was posted. */
type Page = string | ((form: FormData) => string | null | Promise<string | null>);

/**
 * One endpoint for a form, with or without JavaScript. The client island asks for JSON and gets
 * the status and field messages; a plain form post gets a 303 on success, or its page rendered
 * again at the refusal's 4xx status with the values kept. Passwords are never echoed back.
 */
export async function handleForm(
  req: NextRequest,
  page: Page,
  handler: Handler,
  opts: {
    signInReturnsTo?: (form: FormData) => string;
    /** Values a refused post's page is shown with besides the form's own (what the form leaves to the server). */
    values?: (form: FormData) => Record<string, string>;
    /** The body's cap: BODY_LIMITS.small unless the form carries long text (BODY_LIMITS.form) or a file; over it, 413 with the message next to `field`. */
    maxBody?: { bytes: number; field?: string; message?: string };
  } = {},
): Promise<Response> {
  const wantsJson = (req.headers.get("accept") ?? "").includes("application/json");
  const refused = (kind: RefusalKind, state: FormState) => {
    logRefusal(req, kind, { status: state.status, reason: state.message ?? kind });
    return state;
  };
  if (!isSameOrigin(req)) {
    return respond(wantsJson, refused("foreign-origin", { status: 403, ok: false, message: "This form was sent from another site.", fieldErrors: {}, values: {} }));
  }
  const limit = opts.maxBody?.bytes ?? BODY_LIMITS.small;
  let form: FormData;
  try {
    // Read under the cap while it streams (a chunked body too), before anything parses it.
    form = await readFormCapped(req, limit);
  } catch (err) {
    if (!(err instanceof BodyTooLarge)) {
      return respond(wantsJson, refused("malformed-body", { status: 400, ok: false, message: "The form could not be read.", fieldErrors: {}, values: {} }));
    }
    const message = opts.maxBody?.message ?? tooLargeMessage(limit);
    const field = opts.maxBody?.field;
    const state = refused("oversized-body", { status: 413, ok: false, message, fieldErrors: field ? { [field]: [message] } : {}, values: {} });
    if (wantsJson) return respond(true, state);
    const path = typeof page === "string" ? page : await page(new FormData());
    return path ? renderPageWithState(req, path, state) : respond(false, state);
  }
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  Object.assign(values, opts.values?.(form));
  let state: FormState;
  try {
    const { redirect, data, changes } = await handler(form, req);
    if (changes) expireChanges(...[changes].flat());
    // Every redirect after a post is judged by the one function: a path on this site, or home.
    state = { status: 303, ok: true, redirect: safeRedirectPath(redirect), data, fieldErrors: {}, values: {} };
  } catch (err) {
    state = toFormError(err, values);
  }
  if (state.ok) {
    return wantsJson
      ? Response.json(state, { headers: { "cache-control": "no-store" } })
      : new Response(null, { status: 303, headers: { location: state.redirect!, "cache-control": "no-store" } });
  }
  if (state.status === 429) refused("throttled", state);
  if (wantsJson) return respond(true, state);
  // A control on a shared page (an upvote) sends a signed-out reader to sign in and back.
  if (state.status === 401 && opts.signInReturnsTo) {
    const back = safeRedirectPath(opts.signInReturnsTo(form));
    return new Response(null, { status: 303, headers: { location: `/signin?callbackUrl=${encodeURIComponent(back)}`, "cache-control": "no-store" } });
  }
  const path = typeof page === "string" ? page : await page(form);
  return path ? renderPageWithState(req, path, state) : respond(false, state);
}

function respond(json: boolean, state: FormState): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (state.retryAfterSeconds) headers["retry-after"] = String(state.retryAfterSeconds);
  if (json) return Response.json(state, { status: state.status, headers });
  headers["content-type"] = "text/plain; charset=utf-8";
  return new Response(state.message ?? "Refused.", { status: state.status, headers });
}

async function renderPageWithState(req: NextRequest, page: string, state: FormState): Promise<Response> {
  const id = putFormState(state);
  // This process, which holds the state, on loopback: never a host taken from the request.
  const res = await fetch(`${selfOrigin() ?? `http://127.0.0.1:${getEnv().PORT}`}${page}`, {
    headers: { [FORM_STATE_HEADER]: id, cookie: req.headers.get("cookie") ?? "", accept: "text/html" },
    cache: "no-store",
    redirect: "manual",
  }).catch(() => null);
  if (!res || !res.ok) return respond(false, state);
  const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
  if (state.retryAfterSeconds) headers["retry-after"] = String(state.retryAfterSeconds);
  return new Response(res.body, { status: state.status, headers });
}
