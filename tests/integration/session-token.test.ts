import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { encode as authEncode, decode as authDecode } from "next-auth/jwt";
import { users } from "@/db/schema";
import { revokedSessions, users as usersTable } from "@/db/schema";
import type { DB } from "@/db";
import { forgetExpiredRevocations, revokeSession } from "@/lib/auth/revocation";
import { write } from "@/lib/write";
import { findSessionCookie, rolledSessionToken, SESSION_MAX_AGE, userFromSessionToken, viewerFromSessionToken } from "@/lib/auth/session-token";
import { countUnread } from "@/lib/notifications/queries";
import { listVotesOnReview } from "@/lib/votes/queries";
import { postComment } from "../helpers/comments";
import { ctxAs, fixtureWriter, ON_PG, perTestDb } from "../helpers/db";
import { vote } from "../helpers/votes";
import { TEST_AUTH_SECRET } from "../helpers/env";
import { makeUser, seedReview } from "../helpers/reviews";

const NAME = "authjs.session-token";
const token = (uid: string, sv = 0, extra: Record<string, unknown> = {}, maxAge?: number) =>
  authEncode({ token: { uid, sv, ...extra }, secret: TEST_AUTH_SECRET, salt: NAME, maxAge });
const jar = (cookies: Record<string, string>) => ({
  get: (n: string) => (n in cookies ? { value: cookies[n]! } : undefined),
  has: (n: string) => n in cookies,
});

/** The sweep's step: revocations past their course forgotten, in a write at `now`. */
const forgetAt = async (db: DB, now: Date) => (await write(ctxAs(db, null, now), async (w) => ({ n: await forgetExpiredRevocations(w) }))).n;

describe("reading the session from its cookie", () => {
  const t = perTestDb();

  it("finds the member of a token Auth.js issued, with their current name and role", async () => {
    const mara = await makeUser(t.db, "mara", "moderator");
    await fixtureWriter(t.db).update(users).set({ name: "Mara K." }).where(eq(users.id, mara.id));
    const session = await userFromSessionToken(t.db, await token(mara.id), NAME);
    expect(session?.user).toEqual({ id: mara.id, username: "mara", name: "Mara K.", role: "moderator", image: null });
  });

  it("ends the session for a suspended, deleted or signed-out-everywhere member", async () => {
    const mara = await makeUser(t.db, "mara");
    const tok = await token(mara.id);
    await fixtureWriter(t.db).update(users).set({ sessionVersion: 1 }).where(eq(users.id, mara.id));
    expect(await userFromSessionToken(t.db, tok, NAME)).toBeNull();
    expect(await userFromSessionToken(t.db, await token(mara.id, 1), NAME)).not.toBeNull();
    await fixtureWriter(t.db).update(users).set({ suspendedAt: new Date() }).where(eq(users.id, mara.id));
    expect(await userFromSessionToken(t.db, await token(mara.id, 1), NAME)).toBeNull();
    expect(await userFromSessionToken(t.db, await token("no-such-member"), NAME)).toBeNull();
  });

  it("a signed-out session is refused, also when rolled; the member's other sessions go on", async () => {
    const mara = await makeUser(t.db, "mara");
    const here = await token(mara.id, 0, { sid: "browser-one" });
    const elsewhere = await token(mara.id, 0, { sid: "browser-two" });
    const claims = (await authDecode({ token: here, secret: TEST_AUTH_SECRET, salt: NAME }))!;
    const rolled = await rolledSessionToken({ name: NAME }, { issuedAt: 0, claims }, Date.now());
    const revokedAt = new Date();
    await revokeSession(ctxAs(t.db, null, revokedAt), claims);
    // Kept a whole maximum session age from the sign-out (and a minute of clock tolerance).
    expect(await t.db.select().from(revokedSessions)).toEqual([{ id: "browser-one", expiresAt: new Date(revokedAt.getTime() + (SESSION_MAX_AGE + 60) * 1000) }]);
    expect(await userFromSessionToken(t.db, here, NAME)).toBeNull();
    expect(await userFromSessionToken(t.db, rolled!, NAME)).toBeNull();
    expect((await userFromSessionToken(t.db, elsewhere, NAME))?.user.id).toBe(mara.id);
    // Signing out twice lists it once; a token without a session id is listed by its own id.
    await revokeSession(ctxAs(t.db, null), claims);
    const bare = await token(mara.id);
    await revokeSession(ctxAs(t.db, null), (await authDecode({ token: bare, secret: TEST_AUTH_SECRET, salt: NAME }))!);
    expect(await userFromSessionToken(t.db, bare, NAME)).toBeNull();
    expect(await t.db.select().from(revokedSessions)).toHaveLength(2);
    expect(await t.db.select().from(usersTable)).toHaveLength(1);
  });

  it("forgets a sign-out once every token of its session has expired, and only then", async () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const maxAge = SESSION_MAX_AGE * 1000 + 60_000;
    await revokeSession(ctxAs(t.db, null, new Date(now.getTime() - maxAge - 1)), { sid: "old", exp: now.getTime() / 1000 - 3600 });
    await revokeSession(ctxAs(t.db, null, new Date(now.getTime() - maxAge + 1000)), { sid: "live", exp: now.getTime() / 1000 - 3600 });
    expect(await forgetAt(t.db, now)).toBe(1);
    expect(await t.db.select({ id: revokedSessions.id }).from(revokedSessions)).toEqual([{ id: "live" }]);
  });

  it("refuses a forged, expired or wrongly named token instead of throwing", async () => {
    const mara = await makeUser(t.db, "mara");
    const tok = await token(mara.id);
    expect(await userFromSessionToken(t.db, tok.slice(0, -4) + "AAAA", NAME)).toBeNull();
    expect(await userFromSessionToken(t.db, "not a token", NAME)).toBeNull();
    expect(await userFromSessionToken(t.db, tok, "__Secure-authjs.session-token")).toBeNull();
    expect(await userFromSessionToken(t.db, await token(mara.id, 0, {}, -60), NAME)).toBeNull();
    const other = await authEncode({ token: { uid: mara.id, sv: 0 }, secret: "another-secret-entirely-0123456789abcdef", salt: NAME });
    expect(await userFromSessionToken(t.db, other, NAME)).toBeNull();
  });

  it("re-issues a token once it is a day old, with the same claims and a new expiry", async () => {
    const mara = await makeUser(t.db, "mara");
    const session = (await userFromSessionToken(t.db, await token(mara.id, 0, { username: "mara" }), NAME))!;
    expect(await rolledSessionToken({ name: NAME }, session)).toBeNull();
    const later = (session.issuedAt + 25 * 3600) * 1000;
    const fresh = (await rolledSessionToken({ name: NAME }, session, later))!;
    const payload = (await authDecode({ token: fresh, secret: TEST_AUTH_SECRET, salt: NAME }))!;
    expect(payload).toMatchObject({ uid: mara.id, sv: 0, username: "mara" });
    expect(payload.jti).not.toBe(session.claims.jti);
    expect((await userFromSessionToken(t.db, fresh, NAME))?.user.id).toBe(mara.id);
  });

  it("looks for the secure cookie first and joins a chunked one in order", () => {
    expect(findSessionCookie(jar({}))).toBeNull();
    expect(findSessionCookie(jar({ [NAME]: "a", "__Secure-authjs.session-token": "b" }))).toEqual({ name: "__Secure-authjs.session-token", value: "b", chunks: 0 });
    expect(findSessionCookie(jar({ [NAME]: "a" }))).toEqual({ name: NAME, value: "a", chunks: 0 });
    expect(findSessionCookie(jar({ [`${NAME}.1`]: "b", [`${NAME}.0`]: "a", [`${NAME}.2`]: "c" }))).toEqual({ name: NAME, value: "abc", chunks: 3 });
    // A gap ends the pieces; an empty piece or an absurd number of them is no session.
    expect(findSessionCookie(jar({ [`${NAME}.0`]: "a", [`${NAME}.2`]: "c" }))).toEqual({ name: NAME, value: "a", chunks: 1 });
    expect(findSessionCookie(jar({ [`${NAME}.0`]: "a", [`${NAME}.1`]: "" }))).toBeNull();
    expect(findSessionCookie(jar(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`${NAME}.${i}`, "x"]))))).toBeNull();
  });

  it("answers the viewer's bits in one query: their unread notices and their upvotes on one review only", async () => {
    const mara = await makeUser(t.db, "mara");
    const femi = await makeUser(t.db, "femi");
    const one = await seedReview(t.db, femi, { title: "One" });
    const other = await seedReview(t.db, femi, { title: "Other" });
    const onOne = await postComment(t.db, femi, one);
    const onOther = await postComment(t.db, femi, other);
    await vote(t.db, mara, "review", one);
    await vote(t.db, mara, "comment", onOne.id);
    await vote(t.db, mara, "comment", onOther.id);
    await vote(t.db, mara, "review", other);
    const tok = await token(mara.id);

    // Statements counted where the read connection takes them: SQLite's prepare, the PostgreSQL pool's query.
    let statements = 0;
    const client = t.db.$client as unknown as Record<string, (...args: unknown[]) => unknown>;
    const method = ON_PG ? "query" : "prepare";
    const original = client[method]!;
    client[method] = (...args) => (statements++, original.apply(client, args));
    const viewer = await viewerFromSessionToken(t.db, tok, NAME, one);
    client[method] = original;
    expect(statements).toBe(1);
    expect(viewer?.user.username).toBe("mara");
    expect([...viewer!.votes].sort()).toEqual([`c${onOne.id}`, `r${one}`]);
    expect(viewer!.votes.sort()).toEqual((await listVotesOnReview(t.db, mara.id, one)).sort());
    expect(viewer!.unread).toBe(await countUnread(t.db, mara.id));

    // Femi's upvote milestones and replies are notices: his count is his, and he upvoted nothing.
    const forFemi = await viewerFromSessionToken(t.db, await token(femi.id), NAME, one);
    expect(forFemi!.unread).toBe(await countUnread(t.db, femi.id));
    expect(forFemi!.unread).toBeGreaterThan(0);
    expect(forFemi!.votes).toEqual([]);
    // Without a review, no votes; a session that has ended, nothing at all.
    expect((await viewerFromSessionToken(t.db, tok, NAME, null))!.votes).toEqual([]);
    await fixtureWriter(t.db).update(users).set({ sessionVersion: 1 }).where(eq(users.id, mara.id));
    expect(await viewerFromSessionToken(t.db, tok, NAME, one)).toBeNull();
  });
});
