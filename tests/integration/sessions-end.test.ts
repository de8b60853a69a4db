import { describe, expect, it } from "vitest";
import { decode, encode } from "@/lib/auth/jwt-codec";
import { forgetExpiredRevocations, revokePresentedSession, revokeSession } from "@/lib/auth/revocation";
import { findSessionCookie, rolledSessionToken, SESSION_MAX_AGE, userFromSessionToken } from "@/lib/auth/session-token";
import { deleteAccount } from "@/lib/users/delete-account";
import { changePassword } from "@/lib/users/change-password";
import { write } from "@/lib/write";
import { ctxAs, rows, perTestDb } from "../helpers/db";
import { TEST_AUTH_SECRET } from "../helpers/env";
import { signUpAt } from "../helpers/people";
import { makeUser } from "../helpers/reviews";

const NAME = "authjs.session-token";
const DAY = 86_400_000;
// Auth.js's piece size for a split cookie (@auth/core lib/utils/cookie.js).
const CHUNK_SIZE = 3936;
const mint = (claims: Record<string, unknown>, now?: number) => encode({ token: claims, secret: TEST_AUTH_SECRET, salt: NAME, now });
const claimsOf = async (token: string) => (await decode({ token, secret: TEST_AUTH_SECRET, salt: NAME }))!;
const jarOf = (cookies: Record<string, string>) => ({
  get: (n: string) => (n in cookies ? { value: cookies[n]! } : undefined),
  has: (n: string) => n in cookies,
});
/** The sweep's step: revocations past their course forgotten, in a write at `now`. */
const forgetAt = async (db: Parameters<typeof ctxAs>[0], now: Date) => (await write(ctxAs(db, null, now), async (w) => ({ n: await forgetExpiredRevocations(w) }))).n;
const signedIn = async (db: Parameters<typeof userFromSessionToken>[0], token: string) => (await userFromSessionToken(db, token, NAME))?.user.id ?? null;

describe("a session ended stays ended", () => {
  const t = perTestDb();

  it("signing out with an older token also ends the token it was rolled into, for as long as that one lives", async () => {
    const mara = await makeUser(t.db, "mara");
    const older = await mint({ uid: mara.id, sv: 0, sid: "browser-one" });
    const olderClaims = await claimsOf(older);
    // /api/viewer rolls it a day and more later (a moved clock).
    const rolledAt = Date.now() + 25 * 3600_000;
    const rolled = (await rolledSessionToken({ name: NAME }, { issuedAt: olderClaims.iat as number, claims: olderClaims }, rolledAt))!;
    const rolledClaims = await claimsOf(rolled);
    expect(rolledClaims.exp).toBe(Math.floor(rolledAt / 1000) + SESSION_MAX_AGE);
    expect(await signedIn(t.db, rolled)).toBe(mara.id);

    // Sign-out presents the older token, an hour after the roll.
    await revokeSession(ctxAs(t.db, null, new Date(rolledAt + 3600_000)), olderClaims);
    expect(await signedIn(t.db, older)).toBeNull();
    expect(await signedIn(t.db, rolled)).toBeNull();

    // The revocation outlives the presented token's exp, and the rolled token's too.
    const [row] = await rows(t.db, "revoked_sessions");
    expect(row!.expires_at as number).toBeGreaterThan((olderClaims.exp as number) * 1000);
    expect(row!.expires_at as number).toBeGreaterThan((rolledClaims.exp as number) * 1000);
    expect(await forgetAt(t.db, new Date((olderClaims.exp as number) * 1000 + 1000))).toBe(0);
    expect(await signedIn(t.db, rolled)).toBeNull();
    expect(await forgetAt(t.db, new Date((rolledClaims.exp as number) * 1000 - 1000))).toBe(0);
    expect(await rows(t.db, "revoked_sessions")).toHaveLength(1);
  });

  it("a token minted without a session id keeps its first token id as the session's name when rolled", async () => {
    const mara = await makeUser(t.db, "mara");
    const first = await mint({ uid: mara.id, sv: 0 });
    const firstClaims = await claimsOf(first);
    const rolled = (await rolledSessionToken({ name: NAME }, { issuedAt: 0, claims: firstClaims }))!;
    expect((await claimsOf(rolled)).sid).toBe(firstClaims.jti);
    await revokeSession(ctxAs(t.db, null), firstClaims);
    expect(await signedIn(t.db, rolled)).toBeNull();
  });

  it("rolling cannot extend an expired or revoked session", async () => {
    const mara = await makeUser(t.db, "mara");
    const token = await mint({ uid: mara.id, sv: 0, sid: "browser-two" });
    const claims = await claimsOf(token);
    const afterExpiry = (claims.exp as number) * 1000 + 1000;
    expect(await rolledSessionToken({ name: NAME }, { issuedAt: claims.iat as number, claims }, afterExpiry)).toBeNull();
    expect(await rolledSessionToken({ name: NAME }, { issuedAt: claims.iat as number, claims: { ...claims, exp: undefined } }, Date.now() + DAY)).toBeNull();
    // A revoked session is never read, so never reaches the roll.
    await revokeSession(ctxAs(t.db, null), claims);
    expect(await userFromSessionToken(t.db, token, NAME)).toBeNull();
  });

  it("a session split over several cookies is read, ended at sign-out, and refused afterwards", async () => {
    const mara = await makeUser(t.db, "mara");
    // A token too big for one cookie (a long picture address, say), split as Auth.js splits it.
    const big = await mint({ uid: mara.id, sv: 0, sid: "browser-three", picture: `https://img.example/${"p".repeat(6000)}` });
    const pieces = Object.fromEntries(Array.from({ length: Math.ceil(big.length / CHUNK_SIZE) }, (_, i) => [`${NAME}.${i}`, big.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE)]));
    expect(Object.keys(pieces).length).toBeGreaterThan(1);
    const found = findSessionCookie(jarOf(pieces))!;
    expect(found).toMatchObject({ name: NAME, chunks: Object.keys(pieces).length });
    expect(await signedIn(t.db, found.value)).toBe(mara.id);

    expect(await revokePresentedSession(ctxAs(t.db, null), jarOf(pieces), TEST_AUTH_SECRET)).toBe(true);
    expect((await rows(t.db, "revoked_sessions")).map((r) => r.id)).toEqual(["browser-three"]);
    expect(await signedIn(t.db, findSessionCookie(jarOf(pieces))!.value)).toBeNull();
    // Nothing to end without a readable cookie.
    expect(await revokePresentedSession(ctxAs(t.db, null), jarOf({}), TEST_AUTH_SECRET)).toBe(false);
    expect(await revokePresentedSession(ctxAs(t.db, null), jarOf({ [NAME]: "forged" }), TEST_AUTH_SECRET)).toBe(false);
    expect(await rows(t.db, "revoked_sessions")).toHaveLength(1);
  });

  it("a new password and a deleted account end every session of the member (P11)", async () => {
    const PASSWORD = "a slow dolly zoom";
    const changer = await signUpAt(t.db, { username: "changer", email: "changer@example.com", password: PASSWORD }, "198.51.100.1");
    const leaver = await signUpAt(t.db, { username: "leaver", email: "leaver@example.com", password: PASSWORD }, "198.51.100.1");
    const changerTokens = await Promise.all(["a", "b"].map((sid) => mint({ uid: changer.id, sv: 0, sid })));
    const leaverTokens = await Promise.all(["c", "d"].map((sid) => mint({ uid: leaver.id, sv: 0, sid })));
    for (const tok of [...changerTokens, ...leaverTokens]) expect(await signedIn(t.db, tok)).not.toBeNull();

    const { sessionVersion } = await changePassword(ctxAs(t.db, changer.id), { currentPassword: PASSWORD, newPassword: "another long passphrase", confirmPassword: "another long passphrase" });
    for (const tok of changerTokens) expect(await signedIn(t.db, tok)).toBeNull();
    expect(await signedIn(t.db, await mint({ uid: changer.id, sv: sessionVersion, sid: "e" }))).toBe(changer.id);

    await deleteAccount(ctxAs(t.db, leaver.id), { username: "leaver", currentPassword: PASSWORD });
    for (const tok of leaverTokens) expect(await signedIn(t.db, tok)).toBeNull();
  });
});
