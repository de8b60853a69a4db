import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { tagsFor } from "@/lib/cache/expire";
import { DomainError } from "@/lib/errors";
import { setRole } from "@/lib/users/set-role";
import { ctxAs, rows, snapshot, perTestDb } from "../helpers/db";
import { thrown } from "../helpers/errors";
import { signUpAt } from "../helpers/people";

describe("setRole", () => {
  const t = perTestDb();
  const seed = async () => {
    await signUpAt(t.db, { username: "Carol_R", email: "carol@example.com", password: "a slow dolly zoom" }, "198.51.100.1");
    await signUpAt(t.db, { username: "dave", email: "dave@example.com", password: "a slow dolly zoom" }, "198.51.100.1");
  };
  // The script's context: no actor. The result's changes aside, the row as it was returned.
  const set = async (username: unknown, role: unknown) => {
    const { changes: _changes, ...row } = await setRole(ctxAs(t.db, null), { username, role });
    return row;
  };
  // By username: PostgreSQL keeps no insertion order.
  const roles = async () => (await rows(t.db, "users")).map((r) => [r.username, r.role]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  it("sets the role of the named user only, whatever the case of the name", async () => {
    await seed();
    expect(await set("  carol_r ", "moderator")).toEqual({ username: "Carol_R", role: "moderator" });
    expect(await roles()).toEqual([["Carol_R", "moderator"], ["dave", "member"]]);
    expect(await set("ＣＡＲＯＬ＿Ｒ", "admin")).toEqual({ username: "Carol_R", role: "admin" });
    expect(await set("carol_r", "member")).toEqual({ username: "Carol_R", role: "member" });
    expect(await roles()).toEqual([["Carol_R", "member"], ["dave", "member"]]);
    // A profile shows its member's role, and so does their card among the newest members.
    const { changes } = await setRole(ctxAs(t.db, null), { username: "dave", role: "moderator" });
    expect(tagsFor(changes).sort()).toEqual(["members", `user:${(await rows(t.db, "users", "where username = 'dave'"))[0]!.id}`]);
  });

  it("refuses an unknown user with NotFound and changes nothing", async () => {
    await seed();
    const before = await snapshot(t.db);
    const e = (await thrown(async () => await set("nobody", "admin"))) as DomainError;
    expect(e).toBeInstanceOf(DomainError);
    expect([e.kind, e.status, e.message]).toEqual(["NotFound", 404, "No user named nobody."]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it.each([["owner"], ["Admin"], [""], [undefined]])("refuses the role %j with a ZodError and changes nothing", async (role) => {
    await seed();
    const before = await snapshot(t.db);
    expect(await thrown(async () => await set("carol_r", role))).toBeInstanceOf(ZodError);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a missing user name with a ZodError", async () => {
    await seed();
    const before = await snapshot(t.db);
    expect(await thrown(async () => await set("   ", "admin"))).toBeInstanceOf(ZodError);
    expect(await thrown(async () => await set(undefined, "admin"))).toBeInstanceOf(ZodError);
    expect(await snapshot(t.db)).toEqual(before);
  });
});
