import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as generatedAvatar } from "@/app/avatar/[username]/route";
import { GET as uploadedAvatar } from "@/app/avatars/[file]/route";
import { routeParam } from "@/lib/http/params";
import { refusalLine } from "@/lib/http/refusal";

// Next hands a route its parameters decoded once (`/avatar/%25` gives "%"). Decoding again made a
// lone `%25` a 500; now a parameter is used as given and a malformed one is answered 400.

describe("routeParam", () => {
  it.each([
    ["ingrid_alvarado", "ingrid_alvarado"],
    ["notes-from-the-zone", "notes-from-the-zone"],
    ["amélie", "amélie"],
    ["%", null],
    ["%41", null],
    ["100%25", null],
    ["a\u0000b", null],
    ["a\nb", null],
    ["a\u0085b", null],
    ["a\u007fb", null],
    ["\uD800x", null],
    ["", null],
    ["x".repeat(201), null],
    ["x".repeat(200), "x".repeat(200)],
  ])("%j → %j", (raw, expected) => {
    expect(routeParam(raw)).toBe(expected);
  });

  it("checks a shape when given one", () => {
    const id = /^\d{1,15}$/;
    expect(routeParam("42", id)).toBe("42");
    expect(routeParam("4x2", id)).toBeNull();
    expect(routeParam("1".repeat(16), id)).toBeNull();
    expect(routeParam(["a", "b"])).toBeNull();
    expect(routeParam(undefined)).toBeNull();
  });
});

describe("avatar routes answer a malformed address 400, never 500", () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());
  const ctx = <K extends string>(key: K, value: string) => ({ params: Promise.resolve({ [key]: value } as Record<K, string>) });

  it("/avatar/%25 and /avatars/%25", async () => {
    const a = await generatedAvatar(new Request("http://localhost:3000/avatar/%25"), ctx("username", "%"));
    expect(a.status).toBe(400);
    expect(await a.text()).toBe("This address is malformed.");
    const b = await uploadedAvatar(new Request("http://localhost:3000/avatars/%25"), ctx("file", "%"));
    expect(b.status).toBe(400);
    const lines = warn.mock.calls.map((c: unknown[]) => String(c[0]));
    expect(lines).toEqual([
      expect.stringMatching(/^marquee: refused GET \/avatar\/%25 400 malformed-address from \S+: This address is malformed\.$/),
      expect.stringMatching(/^marquee: refused GET \/avatars\/%25 400 malformed-address /),
    ]);
  });

  it("still draws a member's avatar, and a name's picture does not depend on its case", async () => {
    const a = await generatedAvatar(new Request("http://localhost:3000/avatar/Ingrid_Alvarado"), ctx("username", "Ingrid_Alvarado"));
    const b = await generatedAvatar(new Request("http://localhost:3000/avatar/ingrid_alvarado"), ctx("username", "ingrid_alvarado"));
    expect(a.status).toBe(200);
    expect(a.headers.get("content-type")).toBe("image/svg+xml");
    expect(await a.text()).toBe(await b.text());
    const missing = await uploadedAvatar(new Request("http://localhost:3000/avatars/nope.webp"), ctx("file", "nope.webp"));
    expect(missing.status).toBe(404);
  });
});

describe("refusalLine", () => {
  it("keeps to one line: the path without its query, control characters replaced, long parts cut", () => {
    const req = { method: "POST", url: `http://localhost:3000/api/x%0Afake?password=hunter2`, headers: new Headers({ cookie: "s=1" }) };
    const line = refusalLine(req, "malformed-body", 400, `bad\nmarquee: refused forged ${"y".repeat(500)}`);
    expect(line).not.toContain("\n");
    expect(line).not.toContain("hunter2");
    expect(line).toMatch(/^marquee: refused POST \/api\/x%0Afake 400 malformed-body from \S+: bad\?marquee: refused forged y+…$/);
    expect(line.length).toBeLessThan(300);
  });
});
