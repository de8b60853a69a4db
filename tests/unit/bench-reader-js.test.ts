import { describe, expect, it } from "vitest";
import { inlinePayloadBytes, scriptsOf } from "@/scripts/bench/reader-js";

const PAGE = [
  '<link rel="stylesheet" href="/_next/static/chunks/a.css"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/boot.js" nonce="n"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/mod.js"/>',
  '<link rel="preload" as="font" href="/_next/static/media/f.woff2"/>',
  '<script src="/_next/static/chunks/main.js" async="" nonce="n"></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n"></script>',
  '<script src="/_next/static/chunks/boot.js" id="_R_" async=""></script>',
  '<script nonce="n">(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script nonce="n">self.__next_f.push([1,"payload"])</script>',
  "<script>console.log(1)</script>",
].join("");

describe("the JavaScript a reader downloads", () => {
  it("counts every script and script preload once, and skips nomodule scripts", () => {
    const { fetched, skipped } = scriptsOf(PAGE);
    expect(fetched.sort()).toEqual(["/_next/static/chunks/boot.js", "/_next/static/chunks/main.js", "/_next/static/chunks/mod.js"]);
    expect(skipped).toEqual(["/_next/static/chunks/polyfills.js"]);
  });

  it("a nomodule script also named by a preload is fetched, so it counts", () => {
    const page = '<link rel="preload" as="script" href="/p.js"/><script src="/p.js" nomodule></script>';
    expect(scriptsOf(page)).toEqual({ fetched: ["/p.js"], skipped: [] });
  });

  it("measures the inline RSC payload scripts, tags included, and nothing else", () => {
    const payload = '<script nonce="n">(self.__next_f=self.__next_f||[]).push([0])</script><script nonce="n">self.__next_f.push([1,"payload"])</script>';
    expect(inlinePayloadBytes(PAGE)).toBe(Buffer.byteLength(payload));
  });
});
