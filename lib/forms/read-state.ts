import "server-only";
import { headers } from "next/headers";
import type { FormState } from "@/lib/action-result";
import { FORM_STATE_HEADER } from "./route";
import { takeFormState } from "./state-store";

/** The state of a refused no-JavaScript post, when this render answers one. */
export async function readFormState(): Promise<FormState | null> {
  return takeFormState((await headers()).get(FORM_STATE_HEADER));
}

/** A same-site relative path to return to after signing in; anything else becomes "/". */
export function safeCallbackUrl(raw: unknown): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  return raw.slice(0, 500);
}
