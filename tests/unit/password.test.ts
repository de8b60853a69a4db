import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { getEnv } from "@/lib/env";

const FORMAT = /^scrypt\$(\d+)\$8\$1\$([\w-]{22})\$[\w-]{43}$/;

describe("hashPassword / verifyPassword", () => {
  it("writes scrypt$N$r$p$salt$hash with N from SCRYPT_COST", async () => {
    expect(getEnv().SCRYPT_COST).toBe(12);
    const hash = await hashPassword("a slow dolly zoom");
    expect(hash).toMatch(FORMAT);
    expect(FORMAT.exec(hash)?.[1]).toBe("4096");
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
    expect(FORMAT.exec(a)?.[2]).not.toBe(FORMAT.exec(b)?.[2]);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("a slow dolly zoom");
    expect(await verifyPassword("a slow dolly zoom", hash)).toBe(true);
    expect(await verifyPassword("a slow dolly zoom ", hash)).toBe(false);
    expect(await verifyPassword("A slow dolly zoom", hash)).toBe(false);
  });

  it("reads the parameters from the hash, so an older cost still verifies", async () => {
    const old = await hashPassword("kept from before", 11);
    expect(FORMAT.exec(old)?.[1]).toBe("2048");
    expect(getEnv().SCRYPT_COST).toBe(12);
    expect(await verifyPassword("kept from before", old)).toBe(true);
    expect(await verifyPassword("kept from after", old)).toBe(false);
  });

  it("normalizes the password (NFKC) before hashing", async () => {
    const hash = await hashPassword("films are great");
    expect(await verifyPassword("ｆｉｌｍｓ　ａｒｅ　ｇｒｅａｔ", hash)).toBe(true);
  });

  it.each(["", "plaintext", "bcrypt$4096$8$1$c2FsdA$aGFzaA", "scrypt$4096$8$1$$aGFzaA", "scrypt$4096$8$1$c2FsdA"])(
    "refuses a stored value that is not a scrypt hash: %j",
    async (stored) => {
      expect(await verifyPassword("anything at all", stored)).toBe(false);
    },
  );

  it("verifyAgainstDummy always answers false", async () => {
    expect(await verifyAgainstDummy("marquee-dummy-password")).toBe(false);
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });
});
