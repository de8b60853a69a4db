import { describe, expect, it } from "vitest";
import { createOAuthUser } from "@/lib/users/create-oauth-user";
import { tagsFor } from "@/lib/cache/expire";
import { ctxAs, rows, perTestDb } from "../helpers/db";
import { signUpAt } from "../helpers/people";

describe("createOAuthUser", () => {
  const t = perTestDb();

  it("derives the username from the profile name and lower-cases the email", async () => {
    const verified = new Date("2026-01-02T03:04:05.000Z");
    const user = await createOAuthUser(ctxAs(t.db, null), {
      name: "  José Ñúñez ",
      email: " Jose.Nunez@Example.COM ",
      image: "https://avatars.example/jn.png",
      emailVerified: verified,
    });
    expect(user).toMatchObject({
      username: "Jose_Nunez",
      usernameKey: "jose_nunez",
      name: "José Ñúñez",
      email: "jose.nunez@example.com",
      image: "https://avatars.example/jn.png",
      emailVerified: verified,
      passwordHash: null,
      role: "member",
      sessionVersion: 0,
    });
    expect(await rows(t.db, "users")).toEqual([
      expect.objectContaining({ id: user.id, username: "Jose_Nunez", email: "jose.nunez@example.com", email_verified: verified.getTime() }),
    ]);
    // A new member shows in the members directory.
    expect(tagsFor(user.changes)).toEqual(["members"]);
  });

  it("adds a number when the name is taken, in any case", async () => {
    const a = await createOAuthUser(ctxAs(t.db, null), { name: "Film Fan", email: "a@example.com" });
    const b = await createOAuthUser(ctxAs(t.db, null), { name: "Film Fan", email: "b@example.com" });
    const c = await createOAuthUser(ctxAs(t.db, null), { name: "film fan", email: null });
    expect([a.username, b.username, c.username]).toEqual(["Film_Fan", "Film_Fan2", "film_fan3"]);
    expect((await rows(t.db, "users")).map((r) => r.username_key).sort()).toEqual(["film_fan", "film_fan2", "film_fan3"]);
  });

  it("avoids a name a password account already holds", async () => {
    await signUpAt(t.db, { username: "film_fan", email: "pw@example.com", password: "a slow dolly zoom" }, "198.51.100.1");
    expect((await createOAuthUser(ctxAs(t.db, null), { name: "Film Fan" })).username).toBe("Film_Fan2");
  });

  it("keeps a suffixed long name within the username limit", async () => {
    const name = "Bartholomew Fitzgerald Smythe-Worthington";
    const first = await createOAuthUser(ctxAs(t.db, null), { name });
    const second = await createOAuthUser(ctxAs(t.db, null), { name });
    expect([first.username, second.username]).toEqual(["Bartholomew_Fitzgera", "Bartholomew_Fitzgera2"]);
    expect(first.name).toBe("Bartholomew Fitzgerald Smythe-Worthington");
  });

  it("allows several users without an email and falls back to the email, then to 'reader'", async () => {
    const fromEmail = await createOAuthUser(ctxAs(t.db, null), { name: "李小龙", email: "Bruce.Lee@Example.com" });
    const r1 = await createOAuthUser(ctxAs(t.db, null), { name: null, email: null });
    const r2 = await createOAuthUser(ctxAs(t.db, null), {});
    expect(fromEmail).toMatchObject({ username: "bruce_lee", name: "李小龙", email: "bruce.lee@example.com" });
    expect(r1).toMatchObject({ username: "reader", name: "reader", email: null });
    expect(r2).toMatchObject({ username: "reader2", name: "reader2", email: null });
    expect(await rows(t.db, "users")).toHaveLength(3);
  });
});
