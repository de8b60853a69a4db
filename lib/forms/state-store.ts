import { randomBytes } from "node:crypto";
import type { FormState } from "@/lib/action-result";

// A refused no-JavaScript form post is answered by rendering its page again, at the refusal's
// status, with the submitted values and messages. The state is handed to that render (a request
// to this same process, through its own loopback door: lib/forms/self.ts) under an unguessable
// one-time id.
const TTL_MS = 30_000;
const g = globalThis as unknown as { __marqueeFormStates?: Map<string, { state: FormState; expires: number }> };
const store = (g.__marqueeFormStates ??= new Map());

export function putFormState(state: FormState, ttlMs = TTL_MS): string {
  const now = Date.now();
  for (const [id, entry] of store) if (entry.expires < now) store.delete(id);
  const id = randomBytes(18).toString("base64url");
  store.set(id, { state, expires: now + ttlMs });
  return id;
}

export function takeFormState(id: string | null | undefined): FormState | null {
  if (!id) return null;
  const entry = store.get(id);
  store.delete(id);
  return entry && entry.expires >= Date.now() ? entry.state : null;
}
