import { afterEach, describe, expect, it } from "vitest";
import { mintTicket, readTicket } from "@/lib/auth/ticket";
import { setTestEnv } from "../helpers/env";

const NOW = 1_750_000_000_000;
const USER = "6f1c1f9e-0d1e-4a55-9a67-1b2c3d4e5f60";

describe("sign-in tickets", () => {
  afterEach(() => setTestEnv());

  it("round-trips the user id and session version", () => {
    const ticket = mintTicket(USER, 3, NOW);
    expect(readTicket(ticket, NOW)).toEqual({ userId: USER, sessionVersion: 3 });
    expect(readTicket(ticket, NOW + 59_999)).toEqual({ userId: USER, sessionVersion: 3 });
  });

  it("expires after a minute", () => {
    const ticket = mintTicket(USER, 0, NOW);
    expect(readTicket(ticket, NOW + 60_000)).toBeNull();
    expect(readTicket(ticket, NOW + 3_600_000)).toBeNull();
  });

  it("refuses a tampered signature", () => {
    const ticket = mintTicket(USER, 0, NOW);
    const last = ticket.at(-1) === "A" ? "B" : "A";
    expect(readTicket(ticket.slice(0, -1) + last, NOW)).toBeNull();
    expect(readTicket(ticket.slice(0, -2), NOW)).toBeNull();
  });

  it("refuses a tampered payload with the original signature", () => {
    const [id, sv, exp, sig] = mintTicket(USER, 1, NOW).split(".");
    expect(readTicket([id, "2", exp, sig].join("."), NOW)).toBeNull();
    expect(readTicket([id, sv, String(Number(exp) + 3_600_000), sig].join("."), NOW + 120_000)).toBeNull();
    expect(readTicket(["someone-else", sv, exp, sig].join("."), NOW)).toBeNull();
  });

  it.each([undefined, null, 42, {}, "", "a.b.c", "a.b.c.d.e"])("refuses a malformed ticket %j", (ticket) => {
    expect(readTicket(ticket, NOW)).toBeNull();
  });

  it("is bound to AUTH_SECRET", () => {
    const ticket = mintTicket(USER, 0, NOW);
    setTestEnv({ AUTH_SECRET: "another-secret-that-is-at-least-32-characters" });
    expect(readTicket(ticket, NOW)).toBeNull();
  });
});
