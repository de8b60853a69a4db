import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { verifyPassword } from "@/lib/auth/password";
import { tagsFor } from "@/lib/cache/expire";
import { DomainError } from "@/lib/errors";
import { rows, snapshot, perTestDb } from "../helpers/db";
import { thrown } from "../helpers/errors";
import { signUpAt } from "../helpers/people";

const ADDRESS = "203.0.113.7";
const input = { username: "Mara_K", email: "Mara.K@Example.COM", password: "a slow dolly zoom" };

async function expectConflict(p: () => Promise<unknown>, field: "username" | "email") {
  const err = await thrown(p);
  expect(err).toBeInstanceOf(DomainError);
  const e = err as DomainError;
  expect({ kind: e.kind, status: e.status, fields: Object.keys(e.fieldErrors) }).toEqual({
    kind: "Conflict",
    status: 409,
    fields: [field],
  });
}

describe("signUp", () => {
  const t = perTestDb();

  it("creates a member with a lower-cased email, a username key and a scrypt hash", async () => {
    const { changes, ...created } = await signUpAt(t.db, { ...input, displayName: "  Mara   Kowalczyk " }, ADDRESS);
    expect(created).toEqual({ id: expect.any(String), username: "Mara_K", sessionVersion: 0 });
    // A new member shows in the members directory.
    expect(tagsFor(changes)).toEqual(["members"]);
    const [row, ...others] = await rows(t.db, "users");
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      id: created.id,
      username: "Mara_K",
      username_key: "mara_k",
      name: "Mara Kowalczyk",
      email: "mara.k@example.com",
      role: "member",
      session_version: 0,
      suspended_at: null,
      bio: "",
    });
    expect(row?.password_hash).toMatch(/^scrypt\$4096\$8\$1\$/);
    expect(await verifyPassword(input.password, row?.password_hash as string)).toBe(true);
    expect(typeof row?.created_at).toBe("number");
  });

  it("uses the username as the display name when none is given, after NFKC", async () => {
    await signUpAt(t.db, { ...input, username: "ｆｅｍｉ＿ｏ" }, ADDRESS);
    expect((await rows(t.db, "users"))[0]).toMatchObject({ username: "femi_o", username_key: "femi_o", name: "femi_o" });
  });

  it("refuses a username that differs only by case, and changes nothing", async () => {
    await signUpAt(t.db, input, ADDRESS);
    const before = await snapshot(t.db);
    await expectConflict(() => signUpAt(t.db, { ...input, username: "mara_k", email: "other@example.com" }, ADDRESS), "username");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a username that differs only by Unicode form (fullwidth), and changes nothing", async () => {
    await signUpAt(t.db, input, ADDRESS);
    const before = await snapshot(t.db);
    await expectConflict(() => signUpAt(t.db, { ...input, username: "ＭＡＲＡ＿ｋ", email: "other@example.com" }, ADDRESS), "username");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses an email that differs only by case, and changes nothing", async () => {
    await signUpAt(t.db, input, ADDRESS);
    const before = await snapshot(t.db);
    await expectConflict(() => signUpAt(t.db, { ...input, username: "someone_else", email: "MARA.K@example.com" }, ADDRESS), "email");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses invalid input with a ZodError and writes no row", async () => {
    const err = await thrown(() => signUpAt(t.db, { ...input, username: "admin", password: "short" }, ADDRESS));
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues.map((i) => i.path.join("."))).toEqual(["username", "password"]);
    expect(await rows(t.db, "users")).toEqual([]);
  });

  it("refuses the same sign-up sent twice: one row", async () => {
    const first = await signUpAt(t.db, input, ADDRESS);
    const before = await snapshot(t.db);
    await expectConflict(() => signUpAt(t.db, input, ADDRESS), "username");
    expect(await snapshot(t.db)).toEqual(before);
    expect((await rows(t.db, "users")).map((r) => r.id)).toEqual([first.id]);
  });

  it("lets only one of two simultaneous identical sign-ups through", async () => {
    const results = await Promise.allSettled([signUpAt(t.db, input, ADDRESS), signUpAt(t.db, input, ADDRESS)]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(DomainError);
    expect((rejected[0]?.reason as DomainError).kind).toBe("Conflict");
    expect(await rows(t.db, "users")).toHaveLength(1);
  });

  it("lets two simultaneous sign-ups race for one email: one row", async () => {
    const results = await Promise.allSettled([
      signUpAt(t.db, input, ADDRESS),
      signUpAt(t.db, { ...input, username: "mara_two", email: "MARA.K@example.com" }, ADDRESS),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const reason = results.find((r): r is PromiseRejectedResult => r.status === "rejected")?.reason as DomainError;
    expect(reason.fieldErrors).toEqual({ email: ["An account with this email already exists."] });
    expect(await rows(t.db, "users")).toHaveLength(1);
  });
});
