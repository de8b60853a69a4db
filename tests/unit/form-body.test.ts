import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BODY_LIMITS, BodyUnreadable, MAX_FORM_PARTS, readFormCapped } from "@/lib/http/body";
import { parseUrlencoded } from "@/lib/http/urlencoded";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("parseUrlencoded", () => {
  // Node's URLSearchParams garbles text that mixes non-ASCII characters with a malformed escape
  // ("🎬%zz%C3%A9" gives "<\ufffd%zzé") and bytes that are not UTF-8 ("%FF " gives two U+FFFD),
  // so it is the oracle only where it follows the standard.
  const agrees = (pieces: string[], plain: fc.Arbitrary<string>) =>
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), plain), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(parseUrlencoded(bytes(text)), JSON.stringify(text)).toEqual([...new URLSearchParams(`&${text}`)]);
      }),
      { numRuns: 1_000 },
    );

  it("agrees with URLSearchParams on ASCII with malformed escapes", () => {
    agrees(["&", "=", "+", "%", "%2", "%zz", "%41", "%E4%B8%AD", "%C3%A9", "%26", "%3D", "%2B"], fc.string({ maxLength: 4 }));
  });

  it("agrees with URLSearchParams on any text with well-formed escapes", () => {
    const noPercent = fc.string({ unit: "grapheme", maxLength: 4 }).map((s) => s.replaceAll("%", ""));
    agrees(["&", "=", "+", "%41", "%E4%B8%AD", "%C3%A9", "%26", "%3D", "%2B", "\uFEFF", "é", "🎬"], noPercent);
  });

  it("keeps a malformed escape as it is, beside any character", () => {
    expect(parseUrlencoded(bytes("🎬%zz%C3%A9=a+b%"))).toEqual([["🎬%zzé", "a b%"]]);
    expect(parseUrlencoded(bytes("%FF+x=%F0%9F"))).toEqual([["\uFFFD x", "\uFFFD"]]);
    expect(parseUrlencoded(bytes("&&a&=b&c=d=e"))).toEqual([["a", ""], ["", "b"], ["c", "d=e"]]);
  });

  it("decodes a body at the form cap", async () => {
    const body = `title=x&body=${"+".repeat(BODY_LIMITS.form - 20)}y`;
    const form = await readFormCapped(
      { headers: new Headers({ "content-type": "application/x-www-form-urlencoded; charset=UTF-8" }), body: new Blob([body]).stream() },
      BODY_LIMITS.form,
    );
    expect(form.get("title")).toBe("x");
    expect(form.get("body")).toBe(`${" ".repeat(BODY_LIMITS.form - 20)}y`);
  });
});

describe("readFormCapped", () => {
  async function multipart(fields: number) {
    const form = new FormData();
    for (let i = 0; i < fields; i++) form.append("tags", "noir");
    const req = new Request("http://localhost/", { method: "POST", body: form });
    return { headers: req.headers, body: req.body };
  }

  it(`reads a multipart form of up to ${MAX_FORM_PARTS} fields, and refuses more before parsing them`, async () => {
    expect((await readFormCapped(await multipart(MAX_FORM_PARTS), BODY_LIMITS.form)).getAll("tags")).toHaveLength(MAX_FORM_PARTS);
    await expect(readFormCapped(await multipart(MAX_FORM_PARTS + 1), BODY_LIMITS.form)).rejects.toBeInstanceOf(BodyUnreadable);
  });

  it("keeps a multipart field that holds lines like the boundary's dashes", async () => {
    const form = new FormData();
    form.append("body", "a\r\n---\r\n".repeat(500));
    const req = new Request("http://localhost/", { method: "POST", body: form });
    expect((await readFormCapped({ headers: req.headers, body: req.body }, BODY_LIMITS.form)).get("body")).toBe("a\r\n---\r\n".repeat(500));
  });
});
