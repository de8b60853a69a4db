import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/forms/origin";

const req = (headers: Record<string, string>) => ({ headers: new Headers(headers) });

describe("isSameOrigin", () => {
  it("accepts a POST from a page of this host", () => {
    expect(isSameOrigin(req({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(req({ origin: "https://Marquee.Example", host: "marquee.example" }))).toBe(true);
    expect(isSameOrigin(req({ origin: "https://marquee.example:443", host: "marquee.example" }))).toBe(true);
  });

  it("compares with x-forwarded-host when a proxy sets it", () => {
    const h = { origin: "https://marquee.example", host: "127.0.0.1:3000", "x-forwarded-host": "marquee.example" };
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
  });

  it("refuses when the request names no host to compare with", () => {
    expect(isSameOrigin(req({ origin: "https://marquee.example" }))).toBe(false);
  });
});
