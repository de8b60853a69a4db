import { createHash } from "node:crypto";
import { authSecret } from "@/lib/env";

const BOT = /bot|crawl|spider|slurp|headless|lighthouse|preview|facebookexternalhit|curl|wget|python|httpclient|java\/|go-http|axios|node-fetch/i;

export const isLikelyBot = (userAgent: string | null) => !userAgent || BOT.test(userAgent);

/** Signed-in readers by id; anonymous ones by a daily-salted hash of address and agent, never the raw address. */
export function viewerKey(userId: string | null, address: string, userAgent: string, day: string): string {
  if (userId) return `u:${userId}`;
  return `a:${createHash("sha256").update(`${authSecret()}\0views\0${day}\0${address}\0${userAgent}`).digest("base64url").slice(0, 32)}`;
}
