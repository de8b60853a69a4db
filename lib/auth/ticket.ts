import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

// A sign-in ticket is minted only after the password was verified (and throttled) by the
// sign-in route; the Credentials provider accepts nothing else, so its public endpoint cannot
// be used to guess passwords around the throttle.
const TTL_MS = 60_000;

const sign = (payload: string) => createHmac("sha256", authSecret()).update(`ticket:${payload}`).digest("base64url");

export function mintTicket(userId: string, sessionVersion: number, now = Date.now()): string {
  const payload = `${userId}.${sessionVersion}.${now + TTL_MS}`;
  return `${payload}.${sign(payload)}`;
}

export function readTicket(ticket: unknown, now = Date.now()): { userId: string; sessionVersion: number } | null {
  if (typeof ticket !== "string") return null;
  const parts = ticket.split(".");
  if (parts.length !== 4) return null;
  const [userId, sv, exp, sig] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${userId}.${sv}.${exp}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (!(Number(exp) > now)) return null;
  return { userId, sessionVersion: Number(sv) };
}
