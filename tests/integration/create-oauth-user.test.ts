import { describe, expect, it } from "vitest";
import { createOAuthUser } from "@/lib/users/create-oauth-user";
import { signUp } from "@/lib/users/sign-up";
import { rows, perTestDb } from "../helpers/db";

describe("createOAuthUser", () => {
  const t = perTestDb();

  it("derives the username from the profile name and lower-cases the email", () => {
    const verified = new Date("2026-01-02T03:04:05.000Z");
    const user = createOAuthUser(t.db, {
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
    expect(rows(t.db, "users")).toEqual([
      expect.objectContaining({ id: user.id, username: "Jose_Nunez", email: "jose.nunez@example.com", email_verified: verified.getTime() }),
    ]);
  });

  it("adds a number when the name is taken, in any case", () => {
    const a = createOAuthUser(t.db, { name: "Film Fan", email: "a@example.com" });
    const b = createOAuthUser(t.db, { name: "Film Fan", email: "b@example.com" });
    const c = createOAuthUser(t.db, { name: "film fan", email: null });
    expect([a.username, b.username, c.username]).toEqual(["Film_Fan", "Film_Fan2", "film_fan3"]);
    expect(rows(t.db, "users").map((r) => r.username_key)).toEqual(["film_fan", "film_fan2", "film_fan3"]);
  });

  it("avoids a name a password account already holds", async () => {
    await signUp(t.db, { username: "film_fan", email: "pw@example.com", password: "a slow dolly zoom" }, "198.51.100.1");
    expect(createOAuthUser(t.db, { name: "Film Fan" }).username).toBe("Film_Fan2");
  });

  it("keeps a suffixed long name within the username limit", () => {
    const name = "Bartholomew Fitzgerald Smythe-Worthington";
    const first = createOAuthUser(t.db, { name });
    const second = createOAuthUser(t.db, { name });
    expect([first.username, second.username]).toEqual(["Bartholomew_Fitzgera", "Bartholomew_Fitzgera2"]);
    expect(first.name).toBe("Bartholomew Fitzgerald Smythe-Worthington");
  });

  it("allows several users without an email and falls back to the email, then to 'reader'", () => {
    const fromEmail = createOAuthUser(t.db, { name: "李小龙", email: "Bruce.Lee@Example.com" });
    const r1 = createOAuthUser(t.db, { name: null, email: null });
    const r2 = createOAuthUser(t.db, {});
    expect(fromEmail).toMatchObject({ username: "bruce_lee", name: "李小龙", email: "bruce.lee@example.com" });
    expect(r1).toMatchObject({ username: "reader", name: "reader", email: null });
    expect(r2).toMatchObject({ username: "reader2", name: "reader2", email: null });
    expect(rows(t.db, "users")).toHaveLength(3);
  });
});
