import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { DomainError } from "@/lib/errors";
import { setRole } from "@/lib/users/set-role";
import { signUp } from "@/lib/users/sign-up";
import { rows, snapshot, perTestDb } from "../helpers/db";
import { thrown } from "../helpers/errors";

describe("setRole", () => {
  const t = perTestDb();
  const seed = async () => {
    await signUp(t.db, { username: "Carol_R", email: "carol@example.com", password: "a slow dolly zoom" }, "198.51.100.1");
    await signUp(t.db, { username: "dave", email: "dave@example.com", password: "a slow dolly zoom" }, "198.51.100.1");
  };
  const roles = () => rows(t.db, "users").map((r) => [r.username, r.role]);

  it("sets the role of the named user only, whatever the case of the name", async () => {
    await seed();
    expect(setRole(t.db, "  carol_r ", "moderator")).toEqual({ username: "Carol_R", role: "moderator" });
    expect(roles()).toEqual([["Carol_R", "moderator"], ["dave", "member"]]);
    expect(setRole(t.db, "ＣＡＲＯＬ＿Ｒ", "admin")).toEqual({ username: "Carol_R", role: "admin" });
    expect(setRole(t.db, "carol_r", "member")).toEqual({ username: "Carol_R", role: "member" });
    expect(roles()).toEqual([["Carol_R", "member"], ["dave", "member"]]);
  });

  it("refuses an unknown user with NotFound and changes nothing", async () => {
    await seed();
    const before = snapshot(t.db);
    const e = (await thrown(() => setRole(t.db, "nobody", "admin"))) as DomainError;
    expect(e).toBeInstanceOf(DomainError);
    expect([e.kind, e.status, e.message]).toEqual(["NotFound", 404, "No user named nobody."]);
    expect(snapshot(t.db)).toEqual(before);
  });

  it.each([["owner"], ["Admin"], [""], [undefined]])("refuses the role %j with a ZodError and changes nothing", async (role) => {
    await seed();
    const before = snapshot(t.db);
    expect(await thrown(() => setRole(t.db, "carol_r", role))).toBeInstanceOf(ZodError);
    expect(snapshot(t.db)).toEqual(before);
  });

  it("refuses a missing user name with a ZodError", async () => {
    await seed();
    const before = snapshot(t.db);
    expect(await thrown(() => setRole(t.db, "   ", "admin"))).toBeInstanceOf(ZodError);
    expect(await thrown(() => setRole(t.db, undefined, "admin"))).toBeInstanceOf(ZodError);
    expect(snapshot(t.db)).toEqual(before);
  });
});
