import { randomBytes } from "node:crypto";

// Process-wide start-up state (instrumentation and route handlers share globalThis).
const g = globalThis as unknown as { __marqueeBoot?: { token: string; booted: boolean } };

export function createBootToken(): string {
  g.__marqueeBoot = { token: randomBytes(24).toString("base64url"), booted: false };
  return g.__marqueeBoot.token;
}

export const bootToken = () => g.__marqueeBoot?.token;
export const markBooted = () => {
  if (g.__marqueeBoot) g.__marqueeBoot.booted = true;
};
export const isBooted = () => g.__marqueeBoot?.booted ?? false;
