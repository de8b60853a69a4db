import "server-only";
import { headers } from "next/headers";
import type { FormState } from "@/lib/action-result";
import { FORM_STATE_HEADER } from "./route";
import { takeFormState } from "./state-store";

/** The state of a refused no-JavaScript post, when this render answers one. */
export async function readFormState(): Promise<FormState | null> {
  return takeFormState((await headers()).get(FORM_STATE_HEADER));
}

/** Where to return after signing in or a post: the one rule, lib/http/redirect.ts. */
export { safeRedirectPath as safeCallbackUrl } from "@/lib/http/redirect";
