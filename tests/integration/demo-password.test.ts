import { afterEach, describe, expect, it } from "vitest";
import { DEMO_USERS, demoPassword, demoPasswordNotice, seedDemo } from "@/lib/seed/members";
import { verifyPassword } from "@/lib/auth/password";
import { resetEnvForTests } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { authenticate } from "@/lib/users/authenticate";
import { ctxAs, rows, perTestDb } from "../helpers/db";
import { setTestEnv, TEST_DEMO_PASSWORD } from "../helpers/env";
import { thrown } from "../helpers/errors";

// The password the README once published for every install.
const PUBLISHED = "marquee-demo-2026";
const noSleep = async () => {};
const ADMIN = DEMO_USERS.find((u) => u.role === "admin")!.username;

describe("the demo members' password", () => {
  const t = perTestDb();
  afterEach(() => setTestEnv());

  it("is generated for each install when DEMO_PASSWORD is unset, and the notice shows it once", async () => {
    delete process.env.DEMO_PASSWORD;
    resetEnvForTests();
    const seeded = (await seedDemo(t.db))!;
    expect(seeded.generated).toBe(true);
    expect(seeded.password).not.toBe(PUBLISHED);
    expect(seeded.password).not.toBe(TEST_DEMO_PASSWORD);
    expect(seeded.password.length).toBeGreaterThanOrEqual(16);
    const members = await rows(t.db, "users");
    expect(members).toHaveLength(DEMO_USERS.length);
    for (const m of members) {
      expect(await verifyPassword(seeded.password, m.password_hash as string)).toBe(true);
      expect(await verifyPassword(PUBLISHED, m.password_hash as string)).toBe(false);
    }
    const notice = demoPasswordNotice(seeded);
    expect(notice).toContain(seeded.password);
    expect(notice).toContain(ADMIN);
    expect(notice).toMatch(/only this once/);

    const admin = await authenticate(ctxAs(t.db, null, undefined, "198.51.100.1"), { identifier: ADMIN, password: seeded.password }, noSleep);
    expect(admin.role).toBe("admin");
    const e = (await thrown(() => authenticate(ctxAs(t.db, null, undefined, "198.51.100.2"), { identifier: ADMIN, password: PUBLISHED }, noSleep))) as DomainError;
    expect(e).toBeInstanceOf(DomainError);
    expect(e.kind).toBe("Unauthenticated");

    // Another install gets another password.
    expect(demoPassword().password).not.toBe(seeded.password);
  });

  it("is DEMO_PASSWORD when configured, and the notice does not repeat it", async () => {
    setTestEnv({ DEMO_PASSWORD: "a configured demo passphrase" });
    const seeded = (await seedDemo(t.db))!;
    expect(seeded).toMatchObject({ password: "a configured demo passphrase", generated: false });
    for (const m of await rows(t.db, "users")) expect(await verifyPassword("a configured demo passphrase", m.password_hash as string)).toBe(true);
    expect(demoPasswordNotice(seeded)).not.toContain("a configured demo passphrase");
    const e = (await thrown(() => authenticate(ctxAs(t.db, null, undefined, "198.51.100.2"), { identifier: ADMIN, password: PUBLISHED }, noSleep))) as DomainError;
    expect(e.kind).toBe("Unauthenticated");
  });
});
