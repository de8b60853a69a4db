import { afterEach, describe, expect, it } from "vitest";
import { MAX_REDIRECT_LENGTH, safeRedirectPath } from "@/lib/http/redirect";
import { setTestEnv } from "../helpers/env";

afterEach(() => {
  delete process.env.AUTH_URL;
  setTestEnv();
});

describe("safeRedirectPath", () => {
  // Each of these would take the browser off the site, or is not an address at all.
  const refused: [string, unknown][] = [
    ["a tab, which browsers strip (/\\t/evil → //evil)", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    ["DEL", "/\u007F/evil.example"],
    ["a C1 control", "/\u0085/evil.example"],
    ["a leading space", " //evil.example"],
    ["a trailing tab", "/reviews\t"],
    ["an encoded tab", "/%09/evil.example"],
    ["an encoded newline", "/%0A/evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded backslash, twice encoded", "/%255Cevil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["one encoded slash after the first", "/%2Fevil.example"],
    ["a malformed escape", "/reviews/%E0%A4%A"],
    ["slash, backslash", "/\\evil.example"],
    ["backslash, slash", "\\/evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["slash, encoded backslash", "/%5Cevil"],
    ["a protocol-relative address", "//evil.example"],
    ["three slashes", "///evil.example"],
    ["a dot segment that leaves two slashes", "/.//evil.example"],
    ["another host", "https://evil.example/"],
    ["another host with this site in its path", "https://evil.example/http://localhost:3000/"],
    ["this host on another port", "http://localhost:3001/reviews"],
    ["this host over another scheme", "https://localhost:3000/reviews"],
    ["user info pointing elsewhere", "http://localhost:3000@evil.example/"],
    ["a scheme-relative https address", "https:evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["javascript: with a tab in it", "java\tscript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["over-long input", `/${"a".repeat(MAX_REDIRECT_LENGTH)}`],
    ["empty", ""],
    ["not a string", ["/reviews"]],
    ["nothing", null],
  ];
  it.each(refused)("refuses %s", (_name, raw) => {
    expect(safeRedirectPath(raw)).toBe("/");
    expect(safeRedirectPath(raw, "/signin")).toBe("/signin");
  });

  const kept: [string, string, string][] = [
    ["a path", "/reviews/the-long-goodbye", "/reviews/the-long-goodbye"],
    ["a path with a query and a hash", "/reviews/x?sort=new&page=2#comment-12", "/reviews/x?sort=new&page=2#comment-12"],
    ["an encoded slash inside the query", "/search?q=a%2F%2Fb", "/search?q=a%2F%2Fb"],
    ["an absolute address on this site", "http://localhost:3000/films/heat?x=1#top", "/films/heat?x=1#top"],
    ["a dot segment, resolved", "/reviews/../films", "/films"],
    ["non-ASCII text, encoded", "/tags/film noir é", "/tags/film%20noir%20%C3%A9"],
    ["at the length limit", `/${"a".repeat(MAX_REDIRECT_LENGTH - 1)}`, `/${"a".repeat(MAX_REDIRECT_LENGTH - 1)}`],
  ];
  it.each(kept)("keeps %s", (_name, raw, want) => {
    expect(safeRedirectPath(raw)).toBe(want);
  });

  it("judges against the configured origin, not localhost, when AUTH_URL is set", () => {
    setTestEnv({ AUTH_URL: "https://marquee.example" });
    expect(safeRedirectPath("https://marquee.example/ranking?m=1")).toBe("/ranking?m=1");
    expect(safeRedirectPath("http://localhost:3000/ranking")).toBe("/");
    expect(safeRedirectPath("http://marquee.example/ranking")).toBe("/");
    expect(safeRedirectPath("/ranking")).toBe("/ranking");
  });

  it("returns only what a browser keeps on this site: a single leading slash, never a host", () => {
    const hostile = ["/\t/a", "\\\\a", "/%2F/a", "//a", "/.//a", "https://a", "/\\a", "\u2028//a", "%2F%2Fa", "/..//a", "/./%2F/a"];
    for (const raw of hostile) {
      const out = safeRedirectPath(raw);
      expect(out.startsWith("/"), raw).toBe(true);
      expect(out.startsWith("//"), raw).toBe(false);
      expect(new URL(out, "http://localhost:3000").origin, raw).toBe("http://localhost:3000");
    }
  });
});
