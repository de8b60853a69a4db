import { describe, expect, it } from "vitest";
import { decode as authDecode, encode as authEncode } from "next-auth/jwt";
import { decode, encode } from "@/lib/auth/jwt-codec";

// The session codec with cached keys must read and write exactly Auth.js's tokens.
const secret = "a-test-secret-that-is-long-enough-0123456789";
const salt = "authjs.session-token";
const token = { uid: "2f6a6a52-9a8f-4a3c-9a4f-0d0f0b7f3c11", sv: 3, username: "mara_kowalczyk", role: "member" };

describe("session token codec", () => {
  it("writes tokens Auth.js reads, and reads tokens Auth.js writes", async () => {
    const ours = await encode({ token, secret, salt });
    expect(await authDecode({ token: ours, secret, salt })).toMatchObject(token);
    const theirs = await authEncode({ token, secret, salt });
    expect(await decode({ token: theirs, secret, salt })).toMatchObject(token);
  });

  it("stamps issue and expiry times like Auth.js, 30 days by default", async () => {
    const before = Math.floor(Date.now() / 1000);
    const payload = (await decode({ token: await encode({ token, secret, salt }), secret, salt }))!;
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect((payload.exp as number) - (payload.iat as number)).toBe(30 * 24 * 60 * 60);
    expect(typeof payload.jti).toBe("string");
  });

  it("refuses a token made with another secret or for another cookie", async () => {
    const ours = await encode({ token, secret, salt });
    await expect(decode({ token: ours, secret: `${secret}-rotated`, salt })).rejects.toThrow();
    await expect(decode({ token: ours, secret, salt: "__Secure-authjs.session-token" })).rejects.toThrow();
  });

  it("accepts a token under any of several secrets (rotation), and refuses an expired one", async () => {
    const ours = await encode({ token, secret, salt });
    expect(await decode({ token: ours, secret: ["a-newer-secret-also-long-enough-0123456789", secret], salt })).toMatchObject(token);
    const expired = await encode({ token, secret, salt, maxAge: -60 });
    await expect(decode({ token: expired, secret, salt })).rejects.toThrow(/exp/);
  });

  it("refuses a token whose text, tag or header was changed", async () => {
    const ours = await encode({ token, secret, salt });
    const [h, k, iv, ct, tag] = ours.split(".") as [string, string, string, string, string];
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    await expect(decode({ token: [h, k, iv, flip(ct), tag].join("."), secret, salt })).rejects.toThrow(/authentication/);
    await expect(decode({ token: [h, k, iv, ct, flip(tag)].join("."), secret, salt })).rejects.toThrow(/authentication/);
    await expect(decode({ token: [h, k, flip(iv), ct, tag].join("."), secret, salt })).rejects.toThrow(/authentication/);
    const gcm = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256GCM" })).toString("base64url");
    await expect(decode({ token: [gcm, k, iv, ct, tag].join("."), secret, salt })).rejects.toThrow(/algorithm/);
    await expect(decode({ token: "a.b.c", secret, salt })).rejects.toThrow();
  });

  it("returns null for no token", async () => {
    expect(await decode({ token: undefined, secret, salt })).toBeNull();
  });
});
