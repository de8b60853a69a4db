import { describe, expect, it } from "vitest";
import type { AdapterAccount, AdapterUser } from "next-auth/adapters";
import { marqueeAdapter } from "@/lib/auth/adapter";
import type { Changes } from "@/lib/cache/changes";
import { tagsFor } from "@/lib/cache/expire";
import { perTestDb, rows } from "../helpers/db";
import { makeUser } from "../helpers/reviews";
import { sqlRun } from "@/tests/helpers/sql";

describe("Auth.js's adapter", () => {
  const t = perTestDb();

  it("refuses any write through the read connection it reads from", async () => {
    // SQLite's "attempt to write a readonly database", PostgreSQL's "cannot execute INSERT in a read-only transaction".
    await expect(sqlRun(t.db, `insert into verification_tokens (identifier, token, expires) values ('a', 'b', ?)`, new Date(0))).rejects.toThrow(/readonly|read-only/i);
  });

  it("makes a provider's new member with Marquee's verb, and hands over what it changed", async () => {
    const joined: Changes[] = [];
    const adapter = marqueeAdapter(t.db, (c) => joined.push(c));
    const user = await adapter.createUser!({ id: "", name: "Femi O.", email: " Femi@Example.com ", emailVerified: null, image: null } as AdapterUser);
    expect(user).toMatchObject({ username: "Femi_O", email: "femi@example.com" });
    expect(joined.map(tagsFor)).toEqual([["members"]]);
    expect((await adapter.getUserByEmail!("FEMI@example.COM "))?.id).toBe(user.id);
  });

  it("links, unlinks and updates through write transactions on the write connection", async () => {
    const adapter = marqueeAdapter(t.db, () => {});
    const mara = await makeUser(t.db, "mara");
    const account = { userId: mara.id, type: "oidc", provider: "example", providerAccountId: "mara-at-example" } as AdapterAccount;
    await adapter.linkAccount!(account);
    expect(await rows(t.db, "accounts")).toEqual([expect.objectContaining({ user_id: mara.id, provider: "example", provider_account_id: "mara-at-example" })]);
    expect((await adapter.getUserByAccount!({ provider: "example", providerAccountId: "mara-at-example" }))?.id).toBe(mara.id);
    await adapter.updateUser!({ id: mara.id, emailVerified: new Date(1000) });
    expect((await rows(t.db, "users"))[0]).toMatchObject({ email_verified: 1000 });
    await adapter.createVerificationToken!({ identifier: "mara@example.com", token: "t0ken", expires: new Date(2000) });
    expect(await adapter.useVerificationToken!({ identifier: "mara@example.com", token: "t0ken" })).toMatchObject({ token: "t0ken" });
    expect(await rows(t.db, "verification_tokens")).toEqual([]);
    await adapter.unlinkAccount!({ provider: "example", providerAccountId: "mara-at-example" });
    expect(await rows(t.db, "accounts")).toEqual([]);
  });
});
