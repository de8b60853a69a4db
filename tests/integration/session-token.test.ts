import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { encode as authEncode, decode as authDecode } from "next-auth/jwt";
import { users } from "@/db/schema";
import { findSessionCookie, rolledSessionToken, userFromSessionToken } from "@/lib/auth/session-token";
import { perTestDb } from "../helpers/db";
import { TEST_AUTH_SECRET } from "../helpers/env";
import { makeUser } from "../helpers/reviews";

const NAME = "authjs.session-token";
const token = (uid: string, sv = 0, extra: Record<string, unknown> = {}, maxAge?: number) =>
  authEncode({ token: { uid, sv, ...extra }, secret: TEST_AUTH_SECRET, salt: NAME, maxAge });
const jar = (cookies: Record<string, string>) => ({
  get: (n: string) => (n in cookies ? { value: cookies[n]! } : undefined),
  has: (n: string) => n in cookies,
});

describe("reading the session from its cookie", () => {
  const t = perTestDb();

  it("finds the member of a token Auth.js issued, with their current name and role", async () => {
    const mara = makeUser(t.db, "mara", "moderator");
    t.db.update(users).set({ name: "Mara K." }).where(eq(users.id, mara.id)).run();
    const session = await userFromSessionToken(t.db, await token(mara.id), NAME);
    expect(session?.user).toEqual({ id: mara.id, username: "mara", name: "Mara K.", role: "moderator", image: null });
  });

  it("ends the session for a suspended, deleted or signed-out-everywhere member", async () => {
    const mara = makeUser(t.db, "mara");
    const tok = await token(mara.id);
    t.db.update(users).set({ sessionVersion: 1 }).where(eq(users.id, mara.id)).run();
    expect(await userFromSessionToken(t.db, tok, NAME)).toBeNull();
    expect(await userFromSessionToken(t.db, await token(mara.id, 1), NAME)).not.toBeNull();
    t.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, mara.id)).run();
    expect(await userFromSessionToken(t.db, await token(mara.id, 1), NAME)).toBeNull();
    expect(await userFromSessionToken(t.db, await token("no-such-member"), NAME)).toBeNull();
  });

  it("refuses a forged, expired or wrongly named token instead of throwing", async () => {
    const mara = makeUser(t.db, "mara");
    const tok = await token(mara.id);
    expect(await userFromSessionToken(t.db, tok.slice(0, -4) + "AAAA", NAME)).toBeNull();
    expect(await userFromSessionToken(t.db, "not a token", NAME)).toBeNull();
    expect(await userFromSessionToken(t.db, tok, "__Secure-authjs.session-token")).toBeNull();
    expect(await userFromSessionToken(t.db, await token(mara.id, 0, {}, -60), NAME)).toBeNull();
    const other = await authEncode({ token: { uid: mara.id, sv: 0 }, secret: "another-secret-entirely-0123456789abcdef", salt: NAME });
    expect(await userFromSessionToken(t.db, other, NAME)).toBeNull();
  });

  it("re-issues a token once it is a day old, with the same claims and a new expiry", async () => {
    const mara = makeUser(t.db, "mara");
    const session = (await userFromSessionToken(t.db, await token(mara.id, 0, { username: "mara" }), NAME))!;
    expect(await rolledSessionToken({ name: NAME }, session)).toBeNull();
    const later = (session.issuedAt + 25 * 3600) * 1000;
    const fresh = (await rolledSessionToken({ name: NAME }, session, later))!;
    const payload = (await authDecode({ token: fresh, secret: TEST_AUTH_SECRET, salt: NAME }))!;
    expect(payload).toMatchObject({ uid: mara.id, sv: 0, username: "mara" });
    expect(payload.jti).not.toBe(session.claims.jti);
    expect((await userFromSessionToken(t.db, fresh, NAME))?.user.id).toBe(mara.id);
  });

  it("looks for the secure cookie first and notices a chunked one", () => {
    expect(findSessionCookie(jar({}))).toBeNull();
    expect(findSessionCookie(jar({ [NAME]: "a", "__Secure-authjs.session-token": "b" }))).toEqual({ name: "__Secure-authjs.session-token", value: "b" });
    expect(findSessionCookie(jar({ [NAME]: "a" }))).toEqual({ name: NAME, value: "a" });
    expect(findSessionCookie(jar({ [`${NAME}.0`]: "a", [`${NAME}.1`]: "b" }))).toBe("chunked");
  });
});
