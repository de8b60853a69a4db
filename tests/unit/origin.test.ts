import { afterEach, describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/forms/origin";
import { setTestEnv } from "../helpers/env";

const req = (headers: Record<string, string>) => ({ headers: new Headers(headers) });

afterEach(() => {
  delete process.env.AUTH_URL;
  delete process.env.TRUST_PROXY;
  setTestEnv();
});

describe("isSameOrigin without AUTH_URL (local use)", () => {
  it("accepts a POST from a page of the site's default origin or of the host the browser was pointed at", () => {
    expect(isSameOrigin(req({ origin: "http://localhost:3000", host: "somewhere.else" }))).toBe(true);
    expect(isSameOrigin(req({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBe(true);
    expect(isSameOrigin(req({ origin: "https://Marquee.Example", host: "marquee.example" }))).toBe(true);
    expect(isSameOrigin(req({ origin: "https://marquee.example:443", host: "marquee.example" }))).toBe(true);
  });

  it("never believes X-Forwarded-Host unless a proxy is trusted", () => {
    const h = { origin: "https://evil.example", host: "127.0.0.1:3000", "x-forwarded-host": "evil.example" };
    expect(isSameOrigin(req(h))).toBe(false);
    setTestEnv({ TRUST_PROXY: "1" });
    expect(isSameOrigin(req(h))).toBe(true);
    expect(isSameOrigin(req({ ...h, "x-forwarded-host": "other.example" }))).toBe(false);
  });

  it("refuses a foreign origin, including another port or a look-alike host", () => {
    expect(isSameOrigin(req({ origin: "https://evil.example", host: "marquee.example" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "http://localhost:4000", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "https://marquee.example.evil.example", host: "marquee.example" }))).toBe(false);
  });

  it("refuses an opaque, missing or malformed origin", () => {
    expect(isSameOrigin(req({ origin: "null", host: "marquee.example" }))).toBe(false);
    expect(isSameOrigin(req({ host: "marquee.example" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "", host: "marquee.example" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "not a url", host: "marquee.example" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "marquee.example", host: "marquee.example" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "ftp://marquee.example", host: "marquee.example" }))).toBe(false);
  });

  it("refuses when the request names no host to compare with", () => {
    expect(isSameOrigin(req({ origin: "https://marquee.example" }))).toBe(false);
  });
});

describe("isSameOrigin with AUTH_URL", () => {
  it("accepts only the configured origin, whatever Host or X-Forwarded-Host say", () => {
    setTestEnv({ AUTH_URL: "https://marquee.example", TRUST_PROXY: "1" });
    expect(isSameOrigin(req({ origin: "https://marquee.example", host: "127.0.0.1:3000" }))).toBe(true);
    expect(isSameOrigin(req({ origin: "https://evil.example", host: "evil.example" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "https://evil.example", host: "marquee.example", "x-forwarded-host": "evil.example" }))).toBe(false);
    // Same host, other scheme: not this site.
    expect(isSameOrigin(req({ origin: "http://marquee.example", host: "marquee.example" }))).toBe(false);
  });
});
